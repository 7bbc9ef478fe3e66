import { type Command, Option } from 'commander';
import { DefaultName } from '../../../../definition/names.js';
import type { PackTemplateOptions } from '../../../../definition/pack-template.js';
import { Frequency, RootWithoutCredentialsResult } from '../../../../definition/settings.js';
import { type ExitCode, ExitCode as ExitCodes } from '../../exit-codes.js';
import { addCommandGlobalOptions, globalOptions } from '../../global-options.js';
import type { CliIo } from '../../io.js';
import {
  parseFrequency,
  parseFunctionArn,
  parseRoleName,
  parseRootWithoutCredentials,
  parseRuleName,
} from '../../options.js';
import { CommandName } from '../../output/format.js';

const EXAMPLES = `
Examples:
  $ root-access-key-rule pack-template --function-arn arn:aws:lambda:us-east-1:111111111111:function:root-access-key-rule > pack.yaml
  $ aws configservice put-conformance-pack --conformance-pack-name root-access-key-rule --template-body file://pack.yaml`;

/** The `pack-template` command: prints the conformance pack template. */
export function addPackTemplateCommand(
  program: Command,
  io: CliIo,
  finish: (code: ExitCode) => void,
): Command {
  return (
    addCommandGlobalOptions(program.command('pack-template'), CommandName.PackTemplate, 'yaml')
      .description(
        'print the conformance pack template (YAML) that deploys the rule with an existing function',
      )
      .requiredOption(
        '--function-arn <arn>',
        "ARN of the rule's Lambda function (required)",
        parseFunctionArn,
      )
      .option('--rule-name <name>', 'name of the Config rule', parseRuleName, DefaultName.rule)
      .addOption(
        new Option(
          '--frequency <frequency>',
          `how often Config runs the rule: ${Object.values(Frequency).join(', ')}`,
        )
          .argParser(parseFrequency)
          .default(Frequency.TwentyFourHours),
      )
      .option('--ignore-inactive-keys', 'set the rule parameter IgnoreInactiveKeys to true')
      .addOption(
        new Option(
          '--root-without-credentials <result>',
          `rule parameter RootWithoutCredentials: ${Object.values(RootWithoutCredentialsResult).join(' or ')}`,
        )
          .argParser(parseRootWithoutCredentials)
          .default(RootWithoutCredentialsResult.Compliant),
      )
      .option(
        '--execution-role-name <name>',
        'rule parameter ExecutionRoleName, optionally under an IAM path (organization deployments)',
        parseRoleName,
      )
      .addHelpText('after', EXAMPLES)
      // Commander names the options as the renderer does: they are its options.
      .action(async (options: PackTemplateOptions, command: Command) => {
        const { output } = globalOptions(command);
        const { packTemplateText } = await import('./pack-template-text.js');
        const text = packTemplateText(options, output);
        io.stdout.write(text);
        finish(ExitCodes.Ok);
      })
  );
}
