import { RootTaskPolicy } from '../../../../definition/root-access.js';
import type { RootAccessKey } from '../../../../rule/src/index.js';
import { describeError } from '../../errors.js';
import { deleteRootAccessKey } from '../../root-access/delete-access-key.js';
import { withRootSession } from '../../root-access/root-sessions.js';
import { type AccountPlan, type RemediationContext, sessionOpened } from './context.js';
import { RemediationAction } from './plan.js';
import { listInSession } from './plan-account.js';
import { failedRow, keyRow, type RemediationRow } from './rows.js';

/**
 * Applies an account's plan: a root session with the delete task policy
 * deletes the planned access keys (and nothing else: no password, MFA device
 * or certificate), then a fresh audit session lists the keys again; a key
 * counts as DELETED only once that listing no longer shows it.
 */
export async function applyAccount(
  ctx: RemediationContext,
  plan: AccountPlan,
): Promise<RemediationRow[]> {
  if (plan.kind === 'done') return [...plan.rows];
  const { target } = plan;
  const toDelete = plan.keys.filter((key) => key.remove);
  const outcomes = new Map<string, string>();
  const failures = new Map<string, unknown>();
  if (toDelete.length > 0) {
    try {
      await withRootSession(
        ctx.session,
        ctx.caller,
        { accountId: target.accountId, policy: RootTaskPolicy.Delete },
        async (iam, root, deadline) => {
          sessionOpened(ctx, target, root.taskPolicyArn, root.sessionAccessKeyId);
          for (const { key } of toDelete) {
            const id = key.accessKeyId ?? '';
            const outcome = await deleteRootAccessKey(iam, id, deadline).catch((error: unknown) => {
              failures.set(id, error);
              return 'failed' as const;
            });
            if (outcome !== 'failed') outcomes.set(id, outcome);
            ctx.log.write({
              event: 'delete',
              account: target.accountId,
              taskPolicy: root.taskPolicyArn,
              sessionAccessKeyId: root.sessionAccessKeyId,
              accessKeyId: id,
              action: 'DeleteAccessKey',
              outcome,
              reason: failures.has(id) ? describeError(failures.get(id)) : undefined,
            });
          }
        },
      );
    } catch (error) {
      return toDelete
        .map(({ key }) => failedRow(ctx, target, key, 'no delete session could be opened', error))
        .concat(
          plan.keys
            .filter((key) => !key.remove)
            .map((key) => keyRow(target, key.key, RemediationAction.Skipped, key.reason)),
        );
    }
  }
  return verify(ctx, plan, outcomes, failures);
}

/** Lists the keys again in a fresh audit session, and says what became of each. */
async function verify(
  ctx: RemediationContext,
  plan: Extract<AccountPlan, { kind: 'planned' }>,
  outcomes: ReadonlyMap<string, string>,
  failures: ReadonlyMap<string, unknown>,
): Promise<RemediationRow[]> {
  const { target } = plan;
  let remaining: RootAccessKey[];
  try {
    remaining = await listInSession(ctx, target, 'verified');
  } catch (error) {
    return plan.keys.map(({ key, remove, reason }) =>
      remove
        ? failedRow(
            ctx,
            target,
            key,
            'deleted, but the keys could not be listed again to verify it',
            error,
          )
        : keyRow(target, key, RemediationAction.Skipped, reason),
    );
  }
  const left = new Set(remaining.map((key) => key.accessKeyId));
  const rows = plan.keys.map(({ key, remove, reason }): RemediationRow => {
    const id = key.accessKeyId ?? '';
    if (!remove) return keyRow(target, key, RemediationAction.Skipped, reason);
    if (failures.has(id))
      return failedRow(ctx, target, key, 'iam:DeleteAccessKey failed', failures.get(id));
    if (left.has(id)) {
      return keyRow(
        target,
        key,
        RemediationAction.Failed,
        'iam:DeleteAccessKey succeeded, but IAM still lists the key',
      );
    }
    const how = outcomes.get(id) === 'already-gone' ? 'was already gone (NoSuchEntity)' : 'deleted';
    return keyRow(
      target,
      key,
      RemediationAction.Deleted,
      `${how}; the root user's keys, listed again, no longer show it`,
    );
  });
  const planned = new Set(plan.keys.map(({ key }) => key.accessKeyId));
  const appeared = remaining.filter((key) => !planned.has(key.accessKeyId));
  return [
    ...rows,
    ...appeared.map((key) =>
      keyRow(
        target,
        key,
        RemediationAction.Skipped,
        'appeared after the plan was made, so it was not deleted; run remediate again',
      ),
    ),
  ];
}
