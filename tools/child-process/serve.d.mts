/** See serve.mjs: answers the parent's commands over IPC, then says it is ready. */
export function serveCommands(
  commands: Record<string, (args: never) => unknown>,
  ready?: Record<string, unknown>,
): void;
