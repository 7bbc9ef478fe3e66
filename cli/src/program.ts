import { Command } from 'commander';
import { packageManifest } from '../../definition/package-root.js';
import { addEvaluateCommand } from './commands/evaluate/evaluate-command.js';
import { addPackTemplateCommand } from './commands/pack-template/pack-template.js';
import { addRemediateCommand } from './commands/remediate/remediate-command.js';
import { addReportCommand } from './commands/report/report-command.js';
import type { ExitCode } from './exit-codes.js';
import { addGlobalOptions, checkProgramOutput } from './global-options.js';
import type { CliIo } from './io.js';
import { safeLines } from './output/safe-text.js';

/** The package version, from package.json. */
export function packageVersion(): string {
  return packageManifest().version;
}

const EXIT_CODES = `
Exit codes:
  0  every account evaluated (or read) and none is NON_COMPLIANT
  1  some account is NON_COMPLIANT, and every account was evaluated or read
  2  some account could not be evaluated or read (this wins over 1),
     or invalid arguments, or the command could not run
  (remediate has its own: see remediate --help)`;

/**
 * Builds the command-line program, writing to `io` and reporting the exit
 * code through `finish`. Commander's exits are overridden: it throws instead
 * of exiting, so the program runs in-process (tests, benchmarks).
 */
export function createProgram(io: CliIo, finish: (code: ExitCode) => void): Command {
  const program = new Command('root-access-key-rule')
    .description(
      'Prove that no AWS account has a root user access key (CIS AWS Foundations 1.4, Security Hub IAM.4).',
    )
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'print help')
    .helpCommand('help [command]', 'print help for a command')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(safeLines(text)),
      getOutHelpWidth: () => io.stdout.columns ?? 100,
      getErrHelpWidth: () => io.stderr.columns ?? 100,
    })
    .addHelpText('after', EXIT_CODES)
    // Global options are typed before the command name or after it, where each
    // command declares them again with its own output formats.
    .enablePositionalOptions()
    .hook('preAction', checkProgramOutput);
  addGlobalOptions(program);
  // Subcommands made with program.command() inherit the output and exit settings.
  addEvaluateCommand(program, io, finish);
  addReportCommand(program, io, finish);
  addRemediateCommand(program, io, finish);
  addPackTemplateCommand(program, io, finish);
  return program;
}
