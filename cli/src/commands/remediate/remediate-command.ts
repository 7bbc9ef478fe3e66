import { type Command, InvalidArgumentError, Option } from 'commander';
import type { ExitCode } from '../../exit-codes.js';
import { addCommandGlobalOptions, globalOptions } from '../../global-options.js';
import type { CliIo } from '../../io.js';
import { announceNodeSupport } from '../../node-support.js';
import { DEFAULT_CONCURRENCY, parseAccountIds, parseConcurrency } from '../../options.js';
import { CommandName } from '../../output/format.js';
import { DEFAULT_MIN_IDLE_DAYS } from './plan.js';
import type { RemediateCommandOptions } from './remediate-command-options.js';

/** Largest `--min-idle-days`: ten years. */
const MAX_IDLE_DAYS = 3650;

function parseMinIdleDays(value: string): number {
  const days = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (Number.isInteger(days) && days <= MAX_IDLE_DAYS) return days;
  throw new InvalidArgumentError(`Allowed: a whole number of days from 0 to ${MAX_IDLE_DAYS}.`);
}

const DETAILS = `
How it works:
  Every run first plans, with least privilege: for each account, a root
  session (sts:AssumeRoot, task policy IAMAuditRootUserCredentials) lists the
  root user's access keys and their last use. Without --apply that is all:
  a dry run, which an operator allowed only the audit task policy can run.
  With --apply (after a confirmation on a terminal, unless --yes), a root
  session with IAMDeleteRootUserCredentials deletes the planned access keys,
  and only access keys: never the password, MFA devices or signing
  certificates. Then a fresh audit session lists the keys again; an account is
  done only when its root user has no access key.

  A key used within the last --min-idle-days days is kept (SKIPPED, with its
  last use): deleting a key that a workload still uses breaks that workload.
  Keys cannot be deactivated instead: no task policy allows iam:UpdateAccessKey.
  The caller's own account (the management account) cannot be reached with
  AssumeRoot: its root user must delete its keys.

  Every run writes an audit log (JSON Lines, never overwritten) with the run
  id, the caller, each root session's access key id (to find its calls in
  CloudTrail), each key and what was done to it.

Exit codes:
  0  no root access key remains (or none existed)
  1  root access keys remain (a dry run, or keys kept by the idle guard)
  2  an account or a key failed, or the command could not run

Examples:
  $ root-access-key-rule remediate --organization --region eu-west-1
  $ root-access-key-rule remediate --accounts 222222222222 --apply
  $ root-access-key-rule remediate --organization --apply --yes --min-idle-days 90 --audit-log remediation.jsonl`;

/** The `remediate` command: delete root access keys through centralized root access. */
export function addRemediateCommand(
  program: Command,
  io: CliIo,
  finish: (code: ExitCode) => void,
): Command {
  return addCommandGlobalOptions(program.command('remediate'), CommandName.Remediate)
    .description(
      'delete root user access keys in member accounts through centralized root access (sts:AssumeRoot); a dry run unless --apply',
    )
    .addOption(
      new Option('--accounts <ids>', 'comma-separated member account ids')
        .argParser(parseAccountIds)
        .conflicts('organization'),
    )
    .option('--organization', 'every ACTIVE account of the organization')
    .option('--apply', 'delete the planned keys (default: a dry run that changes nothing)')
    .option('--yes', 'with --apply, do not ask for confirmation on a terminal')
    .option(
      '--min-idle-days <n>',
      'keep keys used within the last n days (0 deletes keys whatever their last use)',
      parseMinIdleDays,
      DEFAULT_MIN_IDLE_DAYS,
    )
    .option(
      '--audit-log <file>',
      'the audit log to create, JSON Lines (default: root-access-key-rule-remediate-<time>.jsonl)',
    )
    .option(
      '--concurrency <n>',
      'accounts worked on at once',
      parseConcurrency,
      DEFAULT_CONCURRENCY,
    )
    .addHelpText('after', DETAILS)
    .action(async (options: RemediateCommandOptions, command: Command) => {
      if (options.accounts === undefined && options.organization !== true) {
        command.error('error: remediate needs --accounts or --organization', {
          exitCode: 2,
          code: 'root-access-key-rule.missingAccounts',
        });
      }
      if (options.yes === true && options.apply !== true) {
        command.error('error: --yes applies only with --apply', {
          exitCode: 2,
          code: 'root-access-key-rule.yesWithoutApply',
        });
      }
      announceNodeSupport(io.stderr);
      const { runRemediate } = await import('./remediate-run.js');
      finish(await runRemediate(options, globalOptions(command), io));
    });
}
