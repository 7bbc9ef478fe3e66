import { createIamClient } from '../../../../aws/clients.js';
import { getCallerIdentity } from '../../aws/caller-identity.js';
import { openSession, organizationsClientFor } from '../../aws/session.js';
import { mapWithConcurrency } from '../../concurrency.js';
import { describeError } from '../../errors.js';
import { DEFAULT_CONCURRENCY } from '../../options.js';
import { requireRootAccess } from '../../root-access/root-access.js';
import { listTargets } from '../../targets.js';
import { applyAccount } from './apply-account.js';
import { AuditLog, defaultAuditLogPath } from './audit-log.js';
import type { AccountPlan, RemediationContext } from './context.js';
import { remediationExitCode } from './exit-code.js';
import { DEFAULT_MIN_IDLE_DAYS } from './plan.js';
import { deletions, dryRunRows, planAccount, taskPolicies } from './plan-account.js';
import type { RemediateOptions, RemediateResult } from './remediate-types.js';

export type {
  DeletionSummary,
  RemediateOptions,
  RemediateResult,
  RemediationRow,
} from './remediate-types.js';

/** IAM is global: any Regional STS endpoint signs; us-east-1 is the `aws` partition's home. */
const FALLBACK_REGION = 'us-east-1';

/**
 * Removes root user access keys through centralized root access. First, for
 * every account, a root session with the audit task policy lists the keys and
 * plans them (the idle guard keeps keys used within `minIdleDays`); a dry run
 * stops there and changes nothing. With `apply`, after `confirm`, a root
 * session with the delete task policy deletes the planned access keys (only
 * access keys) and a fresh audit session verifies them gone. Every step goes
 * to the audit log. One account's failure is its FAILED rows; others go on.
 *
 * @throws RootAccessUnavailableError when root sessions cannot be opened from here
 * @throws AuditLogError when the audit log cannot be created
 */
export async function remediateAccounts(options: RemediateOptions): Promise<RemediateResult> {
  const now = options.now ?? (() => new Date());
  const session = await openSession(options, FALLBACK_REGION);
  const callerIam = createIamClient(session.clientOptions);
  try {
    const caller = await getCallerIdentity(session.sts);
    const auditLogPath = options.auditLogPath ?? defaultAuditLogPath(now());
    const mode = options.apply === true ? 'apply' : 'dry-run';
    const log = new AuditLog(auditLogPath, { callerArn: caller.arn, mode }, now);
    try {
      const minIdleDays = options.minIdleDays ?? DEFAULT_MIN_IDLE_DAYS;
      log.write({
        event: 'run-started',
        callerAccount: caller.accountId,
        region: session.region,
        minIdleDays,
        taskPolicies: taskPolicies(caller.partition),
      });
      const rootAccess = await requireRootAccess(session, callerIam).catch((error: unknown) => {
        log.write({ event: 'run-refused', outcome: 'failed', reason: describeError(error) });
        throw error;
      });
      const org = organizationsClientFor(session);
      const { targets } = await listTargets(org, caller, options).finally(() => org.destroy());
      const ctx: RemediationContext = { session, caller, callerIam, log, minIdleDays, now };
      const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
      const each = <T>(work: (plan: AccountPlan) => Promise<T>, plans: readonly AccountPlan[]) =>
        mapWithConcurrency(plans, concurrency, work, (done) =>
          options.onProgress?.(done, plans.length),
        );
      options.onProgress?.(0, targets.length);
      const plans = await mapWithConcurrency(
        targets,
        concurrency,
        (target) => planAccount(ctx, target),
        (done) => options.onProgress?.(done, targets.length),
      );
      const outcome = await decide(options, plans, log);
      const rows =
        outcome === 'applied'
          ? (await each((plan) => applyAccount(ctx, plan), plans)).flat()
          : plans.flatMap(dryRunRows);
      const exitCode = remediationExitCode(rows);
      log.write({ event: 'run-finished', outcome, counts: countActions(rows), exitCode });
      return { caller, rootAccess, rows, auditLogPath, outcome };
    } finally {
      log.close();
    }
  } finally {
    callerIam.destroy();
    session.destroy();
  }
}

/** Dry run, or apply after the confirmation; a declined confirmation changes nothing. */
async function decide(
  options: RemediateOptions,
  plans: readonly AccountPlan[],
  log: AuditLog,
): Promise<RemediateResult['outcome']> {
  if (options.apply !== true) return 'dry-run';
  const keys = plans.reduce((sum, plan) => sum + deletions(plan), 0);
  const accounts = plans.filter((plan) => deletions(plan) > 0).length;
  if (keys === 0) return 'applied';
  const confirmed =
    options.confirm === undefined ? true : await options.confirm({ keys, accounts });
  log.write({
    event: 'confirmation',
    outcome: confirmed ? 'confirmed' : 'declined',
    keys,
    accounts,
  });
  return confirmed ? 'applied' : 'cancelled';
}

function countActions(rows: readonly { action: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.action] = (counts[row.action] ?? 0) + 1;
  return counts;
}
