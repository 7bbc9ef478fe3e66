/**
 * Bench child for the alert function: loads the bundle with plain Node, as
 * Lambda's runtime does, and invokes its handler `count` times with the event
 * in the file given, one after the other. Prints one JSON line: the time to
 * load the bundle and each invocation's handler time, in ms.
 *
 * Usage: node bench/alert-host.mjs <bundle file> <event file> <count>
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [bundle, eventFile, count = '1'] = process.argv.slice(2);
if (eventFile === undefined) throw new Error('usage: alert-host.mjs <bundle> <event> [count]');
const require = createRequire(import.meta.url);
const loadStarted = performance.now();
const { handler } = require(bundle);
const loadMs = performance.now() - loadStarted;
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const context = { getRemainingTimeInMillis: () => 30_000 };
const handlerMs = [];
for (let run = 0; run < Number(count); run++) {
  const started = performance.now();
  const outcome = await handler(event, context);
  handlerMs.push(performance.now() - started);
  if (outcome.kind !== 'root-key') throw new Error(`expected an alert, got ${outcome.kind}`);
}
// Powertools' log lines go to stdout too: the figures are the last line.
process.stdout.write(`\n${JSON.stringify({ loadMs, handlerMs })}\n`);
