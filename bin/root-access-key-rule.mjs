#!/usr/bin/env node
// Launcher of the command-line tool: runs the TypeScript sources with tsx, so
// it works from a clone (`npx root-access-key-rule`) without a build step.
import { register } from 'tsx/esm/api';

// A closed pipe (`... | head`) ends the output, not the program with a stack trace.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

register();
const { runCli } = await import(new URL('../cli/src/main.ts', import.meta.url).href);
process.exitCode = await runCli(process.argv.slice(2));
