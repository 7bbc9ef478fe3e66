import { type Command, InvalidArgumentError, Option } from 'commander';
import { partitionOfRegion, REGION_EXAMPLES } from './aws/regions.js';
import type { CliIo } from './io.js';
import { type CommandName, defaultOutputFormat, type OutputFormat } from './output/format.js';
import { allFormats, formatsOf } from './output/formats.js';

/** Options every command accepts, before or after the command name (as in the AWS CLI). */
export interface GlobalOptions {
  readonly profile?: string;
  readonly region?: string;
  readonly output?: OutputFormat;
}

const DEFAULT_OUTPUT_TEXT = 'table on a terminal, json otherwise';

/**
 * Adds `--profile`, `--region` and `--output` to the program or to one
 * command. A command offers only its own formats: commander refuses any
 * other with the list of choices. `defaultText` says what applies without
 * `--output`.
 */
export function addGlobalOptions(
  command: Command,
  formats: readonly OutputFormat[] = allFormats(),
  defaultText = DEFAULT_OUTPUT_TEXT,
): Command {
  return command
    .option(
      '--profile <name>',
      'named profile of the shared AWS config files (default: AWS_PROFILE)',
    )
    .addOption(
      new Option(
        '--region <region>',
        "AWS Region, of the caller's partition (default: AWS_REGION or the profile's region; never guessed)",
      ).argParser(parseRegion),
    )
    .addOption(
      new Option('--output <format>', `output format (default: ${defaultText})`).choices(formats),
    );
}

/**
 * Parses `--region`: an AWS Region name of some partition (checked before
 * any call: an unknown name would end in DNS failures after every retry).
 */
export function parseRegion(value: string): string {
  if (partitionOfRegion(value) !== undefined) return value;
  throw new InvalidArgumentError(`Allowed: ${REGION_EXAMPLES}.`);
}

/** Adds the global options to `command`, with the output formats `name` offers. */
export function addCommandGlobalOptions(
  command: Command,
  name: CommandName,
  defaultText = DEFAULT_OUTPUT_TEXT,
): Command {
  return addGlobalOptions(command, formatsOf(name), defaultText);
}

/**
 * Refuses a program-level `--output` (typed before the command name) that the
 * command about to run does not offer, in commander's words and exit path.
 */
export function checkProgramOutput(program: Command, action: Command): void {
  const output = program.opts<GlobalOptions>().output;
  if (output === undefined) return;
  const allowed = formatsOf(action.name() as CommandName);
  if (allowed.includes(output)) return;
  action.error(
    `error: option '--output <format>' argument '${output}' is invalid for ${action.name()}. Allowed choices are ${allowed.join(', ')}.`,
    { exitCode: 2, code: 'commander.invalidArgument' },
  );
}

/**
 * The global options as a command's action sees them: the command's own,
 * over those typed before the command name.
 */
export function globalOptions(command: Command): GlobalOptions {
  const chain: Command[] = [];
  for (let at: Command | null = command; at !== null; at = at.parent) chain.unshift(at);
  const merged: { profile?: string; region?: string; output?: OutputFormat } = {};
  for (const at of chain) {
    const { profile, region, output } = at.opts<GlobalOptions>();
    if (profile !== undefined) merged.profile = profile;
    if (region !== undefined) merged.region = region;
    if (output !== undefined) merged.output = output;
  }
  return merged;
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
