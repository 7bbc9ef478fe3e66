#!/usr/bin/env node
// Launcher of the command-line tool: runs the compiled, bundled tool in
// dist/cli (built by `npm run build`; the published package ships it).

// A closed pipe (`... | head`) ends the output, not the program with a stack trace.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

let cli;
try {
  cli = await import('../dist/cli/main.js');
} catch (error) {
  if (
    error?.code !== 'ERR_MODULE_NOT_FOUND' ||
    !String(error.message).includes('dist/cli/main.js')
  ) {
    throw error;
  }
  process.stderr.write('error: the tool is not built: run npm run build in this clone first\n');
  process.exit(2);
}
process.exitCode = await cli.runCli(process.argv.slice(2));
