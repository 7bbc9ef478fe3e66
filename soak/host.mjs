/**
 * Soak child: one Lambda execution environment. Loads the deployable bundle
 * with plain Node, as Lambda's runtime does, and invokes its `handler` on the
 * parent's command, one invocation at a time. It captures what the rule logs
 * during each invocation, and reports unhandled rejections, uncaught
 * exceptions and process warnings with the next answer. The parent sets the
 * environment (endpoint URLs, credentials, Region, the function's own
 * variables) before this process starts.
 *
 * Usage: fork('soak/host.mjs', [bundlePath], { execArgv: ['--expose-gc'] }).
 */
import { createRequire } from 'node:module';
import { serveCommands } from '../tools/child-process/serve.mjs';

const require = createRequire(import.meta.url);
const bundlePath = process.argv[2];
if (bundlePath === undefined) throw new Error('usage: host.mjs <bundle>');

/** Problems seen since the last answer: they belong to the invocation in progress or just done. */
const problems = [];
process.on('unhandledRejection', (reason) => {
  problems.push(`unhandled rejection: ${describe(reason)}`);
});
process.on('uncaughtException', (error) => {
  problems.push(`uncaught exception: ${describe(error)}`);
});
const warnings = [];
process.on('warning', (warning) => warnings.push(`${warning.name}: ${warning.message}`));

/** Everything written to stdout and stderr while an invocation runs; undefined between them. */
let captured;
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream);
  stream.write = (chunk, ...rest) => {
    if (captured !== undefined) {
      captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((item) => typeof item === 'function');
      callback?.();
      return true;
    }
    return write(chunk, ...rest);
  };
}

const loadStarted = performance.now();
const { handler } = require(bundlePath);
const loadMs = performance.now() - loadStarted;
if (typeof handler !== 'function') throw new Error(`${bundlePath} exports no handler function`);

function describe(value) {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return String(value);
}

let invocations = 0;

async function invoke({ event, budgetMs, requestId }) {
  captured = [];
  const started = performance.now();
  const context = {
    awsRequestId: requestId,
    getRemainingTimeInMillis: () =>
      Math.max(0, Math.round(budgetMs - (performance.now() - started))),
  };
  let outcome;
  try {
    const result = await handler(event, context);
    outcome = { ok: true, compliance: result.compliance, annotation: result.annotation };
  } catch (error) {
    outcome = {
      ok: false,
      errorName: error instanceof Error ? error.name : typeof error,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  const ms = performance.now() - started;
  // Let late rejections of this invocation surface before answering.
  await new Promise((resolve) => setImmediate(resolve));
  const logs = captured.join('');
  captured = undefined;
  invocations++;
  return { ...outcome, ms, logs, problems: problems.splice(0), warnings: warnings.splice(0) };
}

function heap() {
  globalThis.gc?.();
  globalThis.gc?.();
  return { heapUsed: process.memoryUsage().heapUsed, invocations };
}

serveCommands({ invoke, heap }, { loadMs });
