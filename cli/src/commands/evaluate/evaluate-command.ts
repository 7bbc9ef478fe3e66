import { type Command, Option } from 'commander';
import { RootWithoutCredentialsResult } from '../../../../definition/settings.js';
import { timeoutOption } from '../../duration.js';
import type { ExitCode } from '../../exit-codes.js';
import { addCommandGlobalOptions, globalOptions } from '../../global-options.js';
import type { CliIo } from '../../io.js';
import { announceNodeSupport } from '../../node-support.js';
import {
  DEFAULT_CONCURRENCY,
  parseAccountIds,
  parseConcurrency,
  parseRoleName,
  parseRootWithoutCredentials,
} from '../../options.js';
import { CommandName } from '../../output/format.js';
import type { EvaluateCommandOptions } from './evaluate-command-options.js';

const EXAMPLES = `
Examples:
  $ root-access-key-rule evaluate
  $ root-access-key-rule evaluate --accounts 111111111111,222222222222 --role-name AuditRole
  $ root-access-key-rule evaluate --organization --role-name security/AuditRole --output csv > root-keys.csv
  $ root-access-key-rule evaluate --organization --assume-root --region eu-west-1

The caller's own account is always evaluated with the caller's credentials;
--role-name is assumed in every other account, or --assume-root opens a root
session there. Nothing is sent to AWS Config.`;

/** The `evaluate` command: the rule's decision for accounts, now. */
export function addEvaluateCommand(
  program: Command,
  io: CliIo,
  finish: (code: ExitCode) => void,
): Command {
  return addCommandGlobalOptions(program.command('evaluate'), CommandName.Evaluate)
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
    .addOption(
      new Option(
        '--role-name <name>',
        'role to assume in each other account, optionally under an IAM path (with --accounts or --organization)',
      )
        .argParser(parseRoleName)
        .conflicts('assumeRoot'),
    )
    .option(
      '--assume-root',
      'instead of a role, open a root session in each other account (sts:AssumeRoot, task policy IAMAuditRootUserCredentials; from the management account or the IAM delegated administrator): the keys are read exactly, no member role or credential report needed',
    )
    .option(
      '--concurrency <n>',
      'accounts evaluated at once',
      parseConcurrency,
      DEFAULT_CONCURRENCY,
    )
    .addOption(timeoutOption())
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
      const access = options.roleName !== undefined || options.assumeRoot === true;
      if (others && !access) {
        command.error(
          'error: --role-name or --assume-root is required with --accounts and --organization',
          { exitCode: 2, code: 'root-access-key-rule.missingAccess' },
        );
      }
      if (!others && access) {
        const option = options.assumeRoot === true ? '--assume-root' : '--role-name';
        command.error(
          `error: ${option} applies only with --accounts or --organization; without them, evaluate checks the caller's own account with the caller's credentials`,
          { exitCode: 2, code: 'root-access-key-rule.accessWithoutAccounts' },
        );
      }
      announceNodeSupport(io.stderr);
      const { runEvaluate } = await import('./evaluate-run.js');
      finish(await runEvaluate(options, globalOptions(command), io));
    });
}
