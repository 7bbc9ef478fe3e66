import { RootTaskPolicy, rootTaskPolicyArn } from '../../../../definition/root-access.js';
import type { TimedRootAccessKey } from '../../../../rule/src/core/index.js';
import { getAccountSummary, listRootAccessKeysTimed } from '../../../../rule/src/index.js';
import type { Target } from '../../organization-types.js';
import { withRootSession } from '../../root-access/root-sessions.js';
import { type AccountPlan, type RemediationContext, sessionOpened } from './context.js';
import { planKeys, RemediationAction } from './plan.js';
import { accountRow, failedRow, keyRow, noKeysRow, type RemediationRow } from './rows.js';

/**
 * Plans one account with least privilege: a root session with the audit task
 * policy lists the root user's keys and their last use; nothing changes.
 * Never throws: a failure is the account's FAILED row.
 */
export async function planAccount(ctx: RemediationContext, target: Target): Promise<AccountPlan> {
  if (target.accountId === ctx.caller.accountId) return planOwnAccount(ctx, target);
  try {
    const keys = await listInSession(ctx, target, 'keys-listed');
    if (keys.length === 0) return done(target, [noKeysRow(target)]);
    const plans = planKeys(keys, ctx.minIdleDays, ctx.clock.now());
    for (const plan of plans) {
      ctx.log.write({
        event: 'planned',
        account: target.accountId,
        accessKeyId: plan.key.accessKeyId,
        action: plan.remove ? 'delete' : 'keep',
        status: plan.key.active ? 'Active' : 'Inactive',
        createdAt: plan.key.createdAt,
        lastUsedAt: plan.key.lastUsedAt,
        lastUsedService: plan.key.lastUsedService,
        lastUsedRegion: plan.key.lastUsedRegion,
        reason: plan.reason,
      });
    }
    return { target, kind: 'planned', keys: plans };
  } catch (error) {
    return done(target, [failedRow(ctx, target, undefined, 'the keys could not be listed', error)]);
  }
}

/** The rows of a dry run: what `--apply` would do. */
export function dryRunRows(plan: AccountPlan): RemediationRow[] {
  if (plan.kind === 'done') return [...plan.rows];
  return plan.keys.map((key) =>
    keyRow(
      plan.target,
      key.key,
      key.remove ? RemediationAction.WouldDelete : RemediationAction.Skipped,
      key.remove ? `${key.reason}; --apply deletes it` : key.reason,
    ),
  );
}

/** The number of keys a plan would delete. */
export function deletions(plan: AccountPlan): number {
  return plan.kind === 'planned' ? plan.keys.filter((key) => key.remove).length : 0;
}

/**
 * Opens an audit session and lists the root user's keys, logging both.
 * `finishing`: the listing verifies deletions that were sent, and is not
 * stopped by the run's time limit (see `RootSessionTarget.finishing`).
 */
export async function listInSession(
  ctx: RemediationContext,
  target: Target,
  event: string,
  finishing = false,
): Promise<TimedRootAccessKey[]> {
  return withRootSession(
    ctx.session,
    ctx.caller,
    { accountId: target.accountId, policy: RootTaskPolicy.Audit, finishing },
    async (iam, root, deadline) => {
      ctx.clock.watch(iam);
      sessionOpened(ctx, target, root.taskPolicyArn, root.sessionAccessKeyId);
      const keys = await listRootAccessKeysTimed(iam, deadline);
      ctx.log.write({
        event,
        account: target.accountId,
        taskPolicy: root.taskPolicyArn,
        sessionAccessKeyId: root.sessionAccessKeyId,
        action: 'ListAccessKeys',
        outcome: 'ok',
        accessKeyIds: keys.map((key) => key.accessKeyId),
      });
      return keys;
    },
  );
}

/**
 * The caller's own account: AssumeRoot cannot reach it, so its keys are
 * counted with the caller's credentials and left to its root user.
 */
async function planOwnAccount(ctx: RemediationContext, target: Target): Promise<AccountPlan> {
  try {
    const { accessKeysPresent } = await getAccountSummary(ctx.callerIam);
    if (accessKeysPresent === 0) return done(target, [noKeysRow(target)]);
    const row = accountRow(
      target,
      RemediationAction.Skipped,
      `the caller's own account has ${accessKeysPresent} root access key(s), but AssumeRoot cannot target the management account (nor the caller's own): sign in as its root user and delete them`,
    );
    ctx.log.write({
      event: 'planned',
      account: target.accountId,
      action: 'keep',
      reason: row.reason,
    });
    return done(target, [row]);
  } catch (error) {
    return done(target, [
      failedRow(ctx, target, undefined, "the caller's own account could not be read", error),
    ]);
  }
}

function done(target: Target, rows: RemediationRow[]): AccountPlan {
  return { target, kind: 'done', rows };
}

/** The task policies' ARNs in the caller's partition, for the run's first log line. */
export function taskPolicies(partition: string): Record<string, string> {
  return {
    audit: rootTaskPolicyArn(partition, RootTaskPolicy.Audit),
    delete: rootTaskPolicyArn(partition, RootTaskPolicy.Delete),
  };
}
