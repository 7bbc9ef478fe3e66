import type { IAMClient } from '@aws-sdk/client-iam';
import type { Deadline } from '../../../../aws/backoff.js';
import { RootTaskPolicy } from '../../../../definition/root-access.js';
import type { TimedRootAccessKey } from '../../../../rule/src/core/index.js';
import { listRootAccessKeysTimed } from '../../../../rule/src/index.js';
import { describeError } from '../../errors.js';
import type { Target } from '../../organization-types.js';
import type { RootSession } from '../../root-access/assume-root.js';
import { deleteRootAccessKey } from '../../root-access/delete-access-key.js';
import { withRootSession } from '../../root-access/root-sessions.js';
import { type AccountPlan, type RemediationContext, sessionOpened } from './context.js';
import { type KeyPlan, RemediationAction } from './plan.js';
import { listInSession } from './plan-account.js';
import { recheckKey } from './recheck.js';
import { failedRow, keyRow, type RemediationRow } from './rows.js';

/** What became of one planned deletion in the delete session. */
type KeyOutcome =
  | { readonly kind: 'deleted' | 'already-gone' }
  | { readonly kind: 'gone' }
  | { readonly kind: 'kept'; readonly reason: string; readonly seen: TimedRootAccessKey }
  | { readonly kind: 'failed'; readonly what: string; readonly error: unknown }
  | { readonly kind: 'not-started'; readonly reason: string };

type Planned = Extract<AccountPlan, { kind: 'planned' }>;

/**
 * Applies an account's plan: a root session with the delete task policy
 * takes a second look at each planned key right before deleting it (kept
 * when used since `planTime` or changed; nothing done when gone), writes the
 * intent to the log, deletes it (access keys only: no password, MFA device
 * or certificate) and logs the outcome; then a fresh audit session lists the
 * keys again: a key counts as DELETED only once that listing no longer shows
 * it. No deletion starts once `ctx.stopped()` gives a reason.
 */
export async function applyAccount(
  ctx: RemediationContext,
  plan: AccountPlan,
  planTime: Date,
): Promise<RemediationRow[]> {
  if (plan.kind === 'done') return [...plan.rows];
  const outcomes = new Map<string, KeyOutcome>();
  const toDelete = plan.keys.filter((key) => key.remove);
  const stoppedBefore = ctx.stopped();
  if (toDelete.length > 0 && stoppedBefore !== undefined) {
    for (const { key } of toDelete) outcomes.set(idOf(key), notStarted(stoppedBefore));
  } else if (toDelete.length > 0) {
    try {
      await withRootSession(
        ctx.session,
        ctx.caller,
        { accountId: plan.target.accountId, policy: RootTaskPolicy.Delete },
        async (iam, root, deadline) => {
          ctx.clock.watch(iam);
          sessionOpened(ctx, plan.target, root.taskPolicyArn, root.sessionAccessKeyId);
          for (const planned of toDelete) {
            const session = { iam, root, deadline, target: plan.target };
            outcomes.set(idOf(planned.key), await deleteOne(ctx, session, planned, planTime));
          }
        },
      );
    } catch (error) {
      return plan.keys.map((key) =>
        key.remove && !outcomes.has(idOf(key.key))
          ? failedRow(ctx, plan.target, key.key, 'no delete session could be opened', error)
          : rowOf(ctx, plan.target, key, outcomes.get(idOf(key.key))),
      );
    }
  }
  const attempted = [...outcomes.values()].some(
    (outcome) =>
      outcome.kind === 'deleted' || outcome.kind === 'already-gone' || outcome.kind === 'failed',
  );
  if (!attempted)
    return plan.keys.map((key) => rowOf(ctx, plan.target, key, outcomes.get(idOf(key.key))));
  return verify(ctx, plan, outcomes);
}

interface DeleteSession {
  readonly iam: IAMClient;
  readonly root: RootSession;
  readonly deadline: Deadline;
  readonly target: Target;
}

/** The second look, the intent, the deletion and its outcome, for one key. */
async function deleteOne(
  ctx: RemediationContext,
  { iam, root, deadline, target }: DeleteSession,
  planned: KeyPlan,
  planTime: Date,
): Promise<KeyOutcome> {
  const id = idOf(planned.key);
  const stopped = ctx.stopped();
  if (stopped !== undefined) return notStarted(stopped);
  const line = {
    account: target.accountId,
    taskPolicy: root.taskPolicyArn,
    sessionAccessKeyId: root.sessionAccessKeyId,
    accessKeyId: id,
  };
  let current: TimedRootAccessKey | undefined;
  try {
    current = (await listRootAccessKeysTimed(iam, deadline)).find((key) => key.accessKeyId === id);
  } catch (error) {
    ctx.log.write({ event: 'rechecked', ...line, outcome: 'failed', reason: describeError(error) });
    return {
      kind: 'failed',
      what: 'not deleted: the second look before deleting it failed',
      error,
    };
  }
  const check = recheckKey(planned, current, planTime, ctx.minIdleDays, ctx.clock.now());
  ctx.log.write({
    event: 'rechecked',
    ...line,
    action: 'ListAccessKeys, GetAccessKeyLastUsed',
    outcome: check.kind,
    status: current === undefined ? undefined : current.active ? 'Active' : 'Inactive',
    lastUsedAt: current?.lastUsedAt,
    reason: check.kind === 'keep' ? check.reason : undefined,
  });
  if (check.kind === 'gone') return { kind: 'gone' };
  if (check.kind === 'keep') return { kind: 'kept', reason: check.reason, seen: check.seen };
  if (!ctx.log.write({ event: 'intent', ...line, action: 'DeleteAccessKey' })) {
    return notStarted(ctx.stopped() ?? 'the audit log could not be written');
  }
  let outcome: KeyOutcome;
  try {
    outcome = { kind: await deleteRootAccessKey(iam, id, deadline) };
  } catch (error) {
    outcome = { kind: 'failed', what: 'iam:DeleteAccessKey failed', error };
  }
  const logged = ctx.log.write({
    event: 'delete',
    ...line,
    action: 'DeleteAccessKey',
    outcome: outcome.kind,
    reason: outcome.kind === 'failed' ? describeError(outcome.error) : undefined,
  });
  if (!logged) ctx.unlogged(target.accountId, id);
  return outcome;
}

function notStarted(reason: string): KeyOutcome {
  return { kind: 'not-started', reason: `not deleted: ${reason}; no further deletion was started` };
}

function idOf(key: TimedRootAccessKey): string {
  return key.accessKeyId ?? '';
}

/** The row of a key whose outcome needs no verification listing. */
function rowOf(
  ctx: RemediationContext,
  target: Target,
  { key, remove, reason }: KeyPlan,
  outcome: KeyOutcome | undefined,
): RemediationRow {
  if (!remove || outcome === undefined)
    return keyRow(target, key, RemediationAction.Skipped, reason);
  switch (outcome.kind) {
    case 'gone':
      return keyRow(
        target,
        key,
        RemediationAction.Gone,
        'already gone when its deletion came: the second look in the delete session no longer listed it; nothing was done',
      );
    case 'kept':
      return keyRow(target, outcome.seen, RemediationAction.Kept, outcome.reason);
    case 'not-started':
      return keyRow(target, key, RemediationAction.Failed, outcome.reason);
    case 'failed':
      return failedRow(ctx, target, key, outcome.what, outcome.error);
    default:
      return keyRow(target, key, RemediationAction.Failed, `${outcome.kind}, not verified`);
  }
}

/** Lists the keys again in a fresh audit session, and says what became of each. */
async function verify(
  ctx: RemediationContext,
  plan: Planned,
  outcomes: ReadonlyMap<string, KeyOutcome>,
): Promise<RemediationRow[]> {
  const { target } = plan;
  const sent = (outcome: KeyOutcome | undefined) =>
    outcome?.kind === 'deleted' || outcome?.kind === 'already-gone';
  let remaining: TimedRootAccessKey[];
  try {
    remaining = await listInSession(ctx, target, 'verified', [...outcomes.values()].some(sent));
  } catch (error) {
    return plan.keys.map((key) =>
      sent(outcomes.get(idOf(key.key)))
        ? failedRow(
            ctx,
            target,
            key.key,
            'deleted, but the keys could not be listed again to verify it',
            error,
          )
        : rowOf(ctx, target, key, outcomes.get(idOf(key.key))),
    );
  }
  const left = new Set(remaining.map((key) => key.accessKeyId));
  const rows = plan.keys.map((planned): RemediationRow => {
    const { key } = planned;
    const outcome = outcomes.get(idOf(key));
    if (outcome === undefined || !sent(outcome)) return rowOf(ctx, target, planned, outcome);
    if (left.has(idOf(key))) {
      return keyRow(
        target,
        key,
        RemediationAction.Failed,
        'iam:DeleteAccessKey succeeded, but IAM still lists the key',
      );
    }
    if (outcome.kind === 'already-gone') {
      return keyRow(
        target,
        key,
        RemediationAction.Gone,
        "was already gone (NoSuchEntity); the root user's keys, listed again, no longer show it",
      );
    }
    return keyRow(
      target,
      key,
      RemediationAction.Deleted,
      "deleted; the root user's keys, listed again, no longer show it",
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
