/**
 * Bench child: loads the deployable bundle with plain Node, as Lambda's
 * runtime loads a handler (no TypeScript loader in this process), and invokes
 * its `handler` on the parent's command. The parent sets the environment
 * (endpoint URLs, credentials, Region) before this process starts, so the
 * bundle's SDK clients resolve to the local endpoint.
 *
 * Usage: fork('bench/handler-host.mjs', [bundlePath]) — see child-process.ts.
 */
import { createRequire } from 'node:module';
import { serveCommands } from '../tools/child-process/serve.mjs';

const require = createRequire(import.meta.url);
const bundlePath = process.argv[2];
if (bundlePath === undefined) throw new Error('usage: handler-host.mjs <bundle>');

const { handler } = require(bundlePath);
if (typeof handler !== 'function') throw new Error(`${bundlePath} exports no handler function`);

/** The part of the Lambda context the rule reads: a 60 s timeout. */
const context = { getRemainingTimeInMillis: () => 60_000 };

async function invoke(event) {
  const started = performance.now();
  const result = await handler(event, context);
  return { ms: performance.now() - started, compliance: result.compliance };
}

const commands = {
  /** One invocation: its duration and verdict. */
  invoke: ({ event }) => invoke(event),
  /** `count` invocations in a row: each one's duration; the first failure stops the run. */
  async invokeMany({ event, count }) {
    const ms = [];
    const verdicts = new Set();
    for (let index = 0; index < count; index++) {
      const run = await invoke(event);
      ms.push(run.ms);
      verdicts.add(run.compliance);
    }
    return { ms, verdicts: [...verdicts] };
  },
};

serveCommands(commands);
