import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CommanderError } from 'commander';
import { describeError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import { type CliIo, processIo } from './io.js';
import { safeLines } from './output/safe-text.js';
import { createProgram } from './program.js';

/**
 * Runs the command-line tool on `argv` (the arguments after the program
 * name) and resolves to its exit code; never exits the process, so tests and
 * benchmarks call it in-process with their own streams.
 *
 * Exit codes: 0 nothing NON_COMPLIANT; 1 something NON_COMPLIANT; 2 some
 * account could not be evaluated or read, invalid arguments (commander's
 * default of 1 is overridden so that 1 always means NON_COMPLIANT), or a
 * failure before any account was evaluated.
 *
 * @example
 * ```ts
 * import { runCli } from 'root-access-key-rule/cli';
 *
 * const code = await runCli(['evaluate', '--output', 'json', '--region', 'eu-west-1']);
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
  let exitCode: ExitCode = ExitCode.Ok;
  const program = createProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version exit 0; every usage error exits 2.
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Error;
    }
    io.stderr.write(safeLines(`error: ${describeError(error)}\n`));
    return ExitCode.Error;
  }
}

/** Whether this module is the program's entry point (`tsx cli/src/main.ts …`). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

// No top-level await: `require('root-access-key-rule/cli')` loads this
// module, and Node refuses to require an ES module graph that awaits.
if (isEntryPoint()) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
