/**
 * Test child: loads the deployable handler bundle with plain Node, as
 * Lambda's runtime does, with the environment the parent gave it (the
 * function's variables, the local endpoint), and invokes its `handler` on
 * request; each answer carries the handler's result or error and the log
 * lines the invocation printed.
 *
 * Usage: startChild('test/support/asset-handler-host.mjs', { args: [bundlePath], env }).
 */
import { createRequire } from 'node:module';
import { serveCommands } from '../../tools/child-process/serve.mjs';

const require = createRequire(import.meta.url);
const bundlePath = process.argv[2];
if (bundlePath === undefined) throw new Error('usage: asset-handler-host.mjs <bundle>');
const { handler } = require(bundlePath);

async function invoke({ event, remainingMs = 60_000 }) {
  const lines = [];
  const streams = [process.stdout, process.stderr];
  const writes = streams.map((stream) => stream.write);
  for (const stream of streams) {
    stream.write = (chunk) => {
      lines.push(
        ...String(chunk)
          .split('\n')
          .filter((line) => line.trim() !== ''),
      );
      return true;
    };
  }
  const started = Date.now();
  const context = { getRemainingTimeInMillis: () => remainingMs - (Date.now() - started) };
  try {
    const result = await handler(event, context);
    return { result, logs: lines };
  } catch (error) {
    return { error: { name: error.name, message: error.message }, logs: lines };
  } finally {
    streams.forEach((stream, index) => {
      stream.write = writes[index];
    });
  }
}

serveCommands({ invoke });
