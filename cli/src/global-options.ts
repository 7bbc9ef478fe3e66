import { type Command, Option } from 'commander';
import type { CliIo } from './io.js';
import { defaultOutputFormat, OutputFormat } from './output/format.js';

/** Options every command accepts, before or after the command name (as in the AWS CLI). */
export interface GlobalOptions {
  readonly profile?: string;
  readonly region?: string;
  readonly output?: OutputFormat;
}

/** Adds `--profile`, `--region` and `--output` to the program. */
export function addGlobalOptions(program: Command): Command {
  return program
    .option(
      '--profile <name>',
      'named profile of the shared AWS config files (default: AWS_PROFILE)',
    )
    .option('--region <region>', "AWS Region (default: AWS_REGION or the profile's region)")
    .addOption(
      new Option(
        '--output <format>',
        'output format of evaluate, report and remediate; html (evaluate and report) is one self-contained page (default: table on a terminal, json otherwise)',
      ).choices(Object.values(OutputFormat)),
    );
}

/** The global options as a command's action sees them. */
export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

/** The `--output` chosen, or the default for where stdout goes. */
export function outputFormat(options: GlobalOptions, io: CliIo): OutputFormat {
  return options.output ?? defaultOutputFormat(io.stdout);
}

/** The session options (`profile`, `region`) of the global options, without absent ones. */
export function sessionOptions(options: GlobalOptions): { profile?: string; region?: string } {
  return {
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    ...(options.region === undefined ? {} : { region: options.region }),
  };
}
