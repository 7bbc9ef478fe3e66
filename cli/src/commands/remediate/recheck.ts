import type { TimedRootAccessKey } from '../../../../rule/src/core/index.js';
import { describeUse, formatTime, idleGuard, type KeyPlan } from './plan.js';

/** What the second look right before a deletion decides. */
export type Recheck =
  | { readonly kind: 'delete' }
  | { readonly kind: 'gone' }
  | { readonly kind: 'keep'; readonly reason: string; readonly seen: TimedRootAccessKey };

/**
 * Compares a planned deletion with the key as IAM shows it now, in the
 * delete session: gone → nothing to do; used after the plan was made, or no
 * longer the key that was planned (status, creation, last use) → keep it;
 * otherwise the idle guard is asked again against AWS's clock `now`. Pure.
 */
export function recheckKey(
  planned: KeyPlan,
  current: TimedRootAccessKey | undefined,
  planTime: Date,
  minIdleDays: number,
  now: Date,
): Recheck {
  if (current === undefined) return { kind: 'gone' };
  const was = planned.key;
  const usedAt = current.lastUsedAt === undefined ? undefined : Date.parse(current.lastUsedAt);
  if (
    usedAt !== undefined &&
    current.lastUsedAt !== was.lastUsedAt &&
    usedAt > planTime.getTime()
  ) {
    return {
      kind: 'keep',
      seen: current,
      reason: `used since the plan at ${formatTime(planTime)}: ${describeUse(current, now)}; kept`,
    };
  }
  const changes = [
    current.active !== was.active ? `status ${status(current)}, planned ${status(was)}` : undefined,
    current.createdAt !== was.createdAt
      ? `created ${current.createdAt ?? 'unknown'}, planned ${was.createdAt ?? 'unknown'}`
      : undefined,
    current.lastUsedAt !== was.lastUsedAt
      ? `last used ${current.lastUsedAt ?? 'never'}, planned ${was.lastUsedAt ?? 'never'}`
      : undefined,
  ].filter((change): change is string => change !== undefined);
  if (changes.length > 0) {
    return {
      kind: 'keep',
      seen: current,
      reason: `no longer matches the plan made at ${formatTime(planTime)} (${changes.join('; ')}); kept`,
    };
  }
  const guard = idleGuard(current, minIdleDays, now);
  return guard === undefined ? { kind: 'delete' } : { kind: 'keep', seen: current, reason: guard };
}

function status(key: TimedRootAccessKey): string {
  return key.active ? 'Active' : 'Inactive';
}
