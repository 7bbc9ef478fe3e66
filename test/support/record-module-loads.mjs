// `node --import ./test/support/record-module-loads.mjs …`: appends the URL of
// every ES module the process loads to the file named by RECORD_MODULE_LOADS.
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (process.env.RECORD_MODULE_LOADS) appendFileSync(process.env.RECORD_MODULE_LOADS, url + '\\n');
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
