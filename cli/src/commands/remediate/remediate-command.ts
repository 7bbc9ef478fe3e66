import { type Command, InvalidArgumentError, Option } from 'commander';
import { timeoutOption } from '../../duration.js';
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

const DURATION_UNITS: Readonly<Record<string, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** `30m`, `1h`, `2d`, `90s` in milliseconds. */
export function parseDuration(value: string): number {
  const match = /^(\d{1,6})([smhd])$/.exec(value.trim());
  const unit = DURATION_UNITS[match?.[2] ?? ''];
  if (match === null || unit === undefined || Number(match[1]) === 0) {
    throw new InvalidArgumentError(
      `Allowed: a positive whole number and a unit, s, m, h or d (30m, 1h, 2d); received ${JSON.stringify(value)}.`,
    );
  }
  return Number(match[1]) * unit;
}

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
  With --apply, the whole plan is shown on the terminal and a person must
  answer yes; with nobody to ask (stdin or stderr not a terminal) --apply
  refuses unless --yes. A root session with IAMDeleteRootUserCredentials then
  looks at each planned key again right before deleting it (a key used since
  the plan, or changed, is KEPT) and deletes access keys only: never the
  password, MFA devices or signing certificates. Then a fresh audit session
  lists the keys again; an account is done only when its root user has no
  access key. --plan-file FILE writes a dry run's plan; --apply --plan-file
  FILE deletes only the keys of that plan (same caller and organization, no
  older than --max-plan-age).

  A key used or created within the last --min-idle-days days (by AWS's clock)
  is kept (SKIPPED, with its last use): deleting a key that a workload still
  uses breaks that workload. --apply refuses when the local clock is more than
  5 minutes off AWS's.
  Keys cannot be deactivated instead: no task policy allows iam:UpdateAccessKey.
  The caller's own account (the management account) cannot be reached with
  AssumeRoot: its root user must delete its keys.

  Every run writes an audit log (JSON Lines, never overwritten) with the run
  id, the caller, each root session's access key id (to find its calls in
  CloudTrail), how consent was given, and an intent line before each deletion
  and its outcome after. If the log cannot be written, no further deletion
  starts and the run exits 2 naming any deletion missing from the log.

Exit codes:
  0  no root access key remains (or none existed)
  1  root access keys remain or may (a dry run, keys kept, a cancelled
     apply, accounts left out because they are not ACTIVE)
  2  an account or a key failed, the audit log could not be written, or
     the command could not run or refused

Examples:
  $ root-access-key-rule remediate --organization --region eu-west-1
  $ root-access-key-rule remediate --organization --plan-file plan.json
  $ root-access-key-rule remediate --apply --plan-file plan.json
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
    .option('--yes', 'with --apply, delete without asking (the audit log records --yes)')
    .option(
      '--plan-file <file>',
      'dry run: write the plan to this new file (JSON); with --apply: delete only the keys of this plan',
    )
    .addOption(
      new Option(
        '--max-plan-age <duration>',
        'with --apply --plan-file: refuse a plan older than this, by AWS clock (30m, 1h, 2d)',
      )
        .argParser(parseDuration)
        .default(3_600_000, '1h'),
    )
    .option(
      '--min-idle-days <n>',
      'keep keys used or created within the last n days, by AWS clock (0 deletes keys whatever their last use)',
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
    .addOption(timeoutOption())
    .addHelpText('after', DETAILS)
    .action(async (options: RemediateCommandOptions, command: Command) => {
      const fromPlan = options.apply === true && options.planFile !== undefined;
      if (fromPlan && (options.accounts !== undefined || options.organization === true)) {
        command.error(
          "error: --apply --plan-file applies the plan's accounts: leave out --accounts and --organization",
          {
            exitCode: 2,
            code: 'root-access-key-rule.planWithAccounts',
          },
        );
      }
      if (!fromPlan && options.accounts === undefined && options.organization !== true) {
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
