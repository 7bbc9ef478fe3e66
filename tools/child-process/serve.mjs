/**
 * The child's side of a command channel over Node's IPC (see parent.ts):
 * answers each `{ id, command, args }` message with `{ id, result }` or
 * `{ id, error }`, says `{ ready: true, ...ready }` once listening, and exits
 * when the parent disconnects. Plain JavaScript, so that the bench's and the
 * soak's handler hosts load the deployable bundle with plain Node, as Lambda
 * does.
 *
 * @param {Record<string, (args: any) => unknown>} commands what the parent may ask
 * @param {Record<string, unknown>} [ready] more fields of the ready message
 */
export function serveCommands(commands, ready = {}) {
  process.on('message', async ({ id, command, args }) => {
    try {
      const run = commands[command];
      if (run === undefined) throw new Error(`unknown command ${command}`);
      process.send?.({ id, result: await run(args) });
    } catch (error) {
      process.send?.({
        id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ ready: true, ...ready });
}
