import { type Command, Option } from 'commander';
import { DefaultName } from '../../../definition/names.js';
import { type PackTemplateOptions, renderPackTemplate } from '../../../definition/pack-template.js';
import { Frequency, RootWithoutCredentialsResult } from '../../../definition/settings.js';
import { type ExitCode, ExitCode as ExitCodes } from '../exit-codes.js';
import { globalOptions } from '../global-options.js';
import type { CliIo } from '../io.js';
import {
  parseFrequency,
  parseFunctionArn,
  parseRoleName,
  parseRootWithoutCredentials,
  parseRuleName,
} from '../options.js';
import { OutputFormat } from '../output/format.js';

interface PackTemplateCommandOptions {
  readonly functionArn: string;
  readonly ruleName: string;
  readonly frequency: Frequency;
  readonly ignoreInactiveKeys?: boolean;
  readonly rootWithoutCredentials: RootWithoutCredentialsResult;
  readonly executionRoleName?: string;
}

/** The template text: YAML, or JSON with `--output json` (JSON is also valid YAML). */
export function packTemplateText(options: PackTemplateOptions, output?: OutputFormat): string {
  const template = renderPackTemplate(options);
  return output === OutputFormat.Json ? template.toJson() : template.toYaml();
}

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
  return program
    .command('pack-template')
    .description(
      'print the conformance pack template (YAML) that deploys the rule with an existing function',
    )
    .requiredOption('--function-arn <arn>', "ARN of the rule's Lambda function", parseFunctionArn)
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
      'rule parameter ExecutionRoleName (organization deployments)',
      parseRoleName,
    )
    .addHelpText('after', EXAMPLES)
    .action((options: PackTemplateCommandOptions, command: Command) => {
      const { output } = globalOptions(command);
      if (output !== undefined && output !== OutputFormat.Json) {
        command.error(
          `error: pack-template prints YAML, or JSON with --output json; received --output ${output}`,
          {
            exitCode: 2,
            code: 'root-access-key-rule.unsupportedOutput',
          },
        );
      }
      const text = packTemplateText(
        {
          functionArn: options.functionArn,
          ruleName: options.ruleName,
          frequency: options.frequency,
          ignoreInactiveKeys: options.ignoreInactiveKeys === true,
          rootWithoutCredentials: options.rootWithoutCredentials,
          ...(options.executionRoleName === undefined
            ? {}
            : { executionRoleName: options.executionRoleName }),
        },
        output,
      );
      io.stdout.write(text);
      finish(ExitCodes.Ok);
    });
}
