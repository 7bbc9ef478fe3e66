import { App } from 'aws-cdk-lib';
import { InvalidSettingError } from '../../definition/errors.js';
import { buildApp } from './build-app.js';

/** The CDK app of cdk.json: `npm run synth` (offline) or `npm run deploy`. */
try {
  const app = new App();
  buildApp(app);
  app.synth();
} catch (error) {
  if (!(error instanceof InvalidSettingError)) throw error;
  // A configuration mistake: the message says it all, a stack trace would bury it.
  console.error(`Error: ${error.message}`);
  process.exit(1);
}
