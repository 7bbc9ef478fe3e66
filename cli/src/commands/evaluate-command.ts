import { type Command, Option } from 'commander';
import { RootWithoutCredentialsResult } from '../../../definition/settings.js';
import type { ExitCode } from '../exit-codes.js';
import { globalOptions } from '../global-options.js';
import type { CliIo } from '../io.js';
import { announceNodeSupport } from '../node-support.js';
import {
  DEFAULT_CONCURRENCY,
  parseAccountIds,
  parseConcurrency,
  parseRoleName,
  parseRootWithoutCredentials,
} from '../options.js';

/** The options of `evaluate`, as commander parses them. */
export interface EvaluateCommandOptions {
  readonly accounts?: string[];
  readonly organization?: boolean;
  readonly roleName?: string;
  readonly concurrency: number;
  readonly ignoreInactiveKeys?: boolean;
  readonly rootWithoutCredentials: RootWithoutCredentialsResult;
}

const EXAMPLES = `
Examples:
  $ root-access-key-rule evaluate
  $ root-access-key-rule evaluate --accounts 111111111111,222222222222 --role-name AuditRole
  $ root-access-key-rule evaluate --organization --role-name security/AuditRole --output csv > root-keys.csv

The caller's own account is always evaluated with the caller's credentials;
--role-name is assumed in every other account. Nothing is sent to AWS Config.`;

/** The `evaluate` command: the rule's decision for accounts, now. */
export function addEvaluateCommand(
  program: Command,
  io: CliIo,
  finish: (code: ExitCode) => void,
): Command {
  return program
    .command('evaluate')
    .description("evaluate accounts now with the rule's decision (without calling PutEvaluations)")
    .addOption(
      new Option('--accounts <ids>', 'comma-separated account ids to evaluate')
        .argParser(parseAccountIds)
        .conflicts('organization'),
    )
    .option(
      '--organization',
      'evaluate every ACTIVE account of the organization (the others are named as left out)',
    )
    .option(
      '--role-name <name>',
      'role to assume in each other account, optionally under an IAM path (required with --accounts and --organization)',
      parseRoleName,
    )
    .option(
      '--concurrency <n>',
      'accounts evaluated at once',
      parseConcurrency,
      DEFAULT_CONCURRENCY,
    )
    .option(
      '--ignore-inactive-keys',
      'only an active root key is non-compliant (rule parameter IgnoreInactiveKeys)',
    )
    .addOption(
      new Option(
        '--root-without-credentials <result>',
        `result when the root user has no keys and no password: ${Object.values(RootWithoutCredentialsResult).join(' or ')}`,
      )
        .argParser(parseRootWithoutCredentials)
        .default(RootWithoutCredentialsResult.Compliant),
    )
    .addHelpText('after', EXAMPLES)
    .action(async (options: EvaluateCommandOptions, command: Command) => {
      const others = options.accounts !== undefined || options.organization === true;
      if (others && options.roleName === undefined) {
        command.error('error: --role-name is required with --accounts and --organization', {
          exitCode: 2,
          code: 'root-access-key-rule.missingRoleName',
        });
      }
      if (!others && options.roleName !== undefined) {
        command.error(
          "error: --role-name applies only with --accounts or --organization; without them, evaluate checks the caller's own account with the caller's credentials",
          { exitCode: 2, code: 'root-access-key-rule.roleNameWithoutAccounts' },
        );
      }
      announceNodeSupport(io.stderr);
      const { runEvaluate } = await import('./evaluate-run.js');
      finish(await runEvaluate(options, globalOptions(command), io));
    });
}
