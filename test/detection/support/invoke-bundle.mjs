/**
 * Runs a deployed Lambda bundle as Lambda's Node runtime would: plain Node,
 * no TypeScript loader, the handler named by the template (`index.handler`),
 * the environment the parent gives. Invokes it once with the event in the
 * file given, and prints `{ ok, result }` or `{ ok: false, error }` as JSON.
 *
 * Usage: node invoke-bundle.mjs <asset directory> <handler> <event file>
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [assetDir, handlerName, eventFile] = process.argv.slice(2);
if (eventFile === undefined) throw new Error('usage: invoke-bundle.mjs <asset> <handler> <event>');
const [file, exportName] = handlerName.split('.');
const require = createRequire(import.meta.url);
const started = performance.now();
const handler = require(join(assetDir, `${file}.js`))[exportName];
const loadedMs = performance.now() - started;
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const context = { getRemainingTimeInMillis: () => 30_000, awsRequestId: 'acceptance-request' };
try {
  const invoked = performance.now();
  const result = await handler(event, context);
  const handlerMs = performance.now() - invoked;
  process.stdout.write(`\n${JSON.stringify({ ok: true, result, loadedMs, handlerMs })}\n`);
} catch (error) {
  process.stdout.write(
    `\n${JSON.stringify({ ok: false, error: { name: error.name, message: error.message } })}\n`,
  );
}
