import { createHandler, settingsFromEnvironment } from './alert-handler.js';

/** The alert function's Lambda entry point, with the settings its environment gives. */
export const handler = createHandler(settingsFromEnvironment(process.env));
