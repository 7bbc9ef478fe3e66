import type { TimedRootAccessKey } from '../../../../rule/src/core/index.js';

/** What remediation does with each root access key (or account), as rows say it. */
export const RemediationAction = {
  /** Dry run: the key would be deleted with `--apply`. */
  WouldDelete: 'WOULD_DELETE',
  /** Deleted, and verified gone. */
  Deleted: 'DELETED',
  /** Planned for deletion, but the second look right before it showed a change: kept. */
  Kept: 'KEPT',
  /** Kept: in use within `--min-idle-days`, or out of reach; the reason says which. */
  Skipped: 'SKIPPED',
  /** Planned for deletion, but already gone when its turn came: nothing was done. */
  Gone: 'GONE',
  /** The account or the key could not be read, deleted, verified or logged. */
  Failed: 'FAILED',
  /** The account's root user has no access key. */
  NoKeys: 'NO_KEYS',
  /** The account is not ACTIVE (suspended, closing): left out, its keys unknown. */
  LeftOut: 'LEFT_OUT',
} as const;

/** One of the values of {@link RemediationAction}. */
export type RemediationAction = (typeof RemediationAction)[keyof typeof RemediationAction];

/** Default of `--min-idle-days`: keys used more recently are kept unless the user lowers it. */
export const DEFAULT_MIN_IDLE_DAYS = 30;

/** The decision for one key. */
export interface KeyPlan {
  readonly key: TimedRootAccessKey;
  readonly remove: boolean;
  /** Why, in words: the key's last use, and what the guard says of it. */
  readonly reason: string;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * Plans the keys of one account: a key used, or created, within the last
 * `minIdleDays` days is kept (deleting a key that a workload still uses
 * breaks that workload); so is a key whose creation and last use are both
 * unknown; every other key is to be deleted. `now` is AWS's clock. Pure.
 */
export function planKeys(
  keys: readonly TimedRootAccessKey[],
  minIdleDays: number,
  now: Date,
): KeyPlan[] {
  return keys.map((key) => {
    const kept = idleGuard(key, minIdleDays, now);
    return kept === undefined
      ? { key, remove: true, reason: describeUse(key, now) }
      : { key, remove: false, reason: kept };
  });
}

/** Why the idle guard keeps the key, or undefined when it may go. */
export function idleGuard(
  key: TimedRootAccessKey,
  minIdleDays: number,
  now: Date,
): string | undefined {
  const idle = idleMs(key, now);
  if (idle === undefined) {
    return 'neither its creation nor its last use is known, so it may be in use: kept';
  }
  if (idle < minIdleDays * DAY_MS) {
    return `${describeUse(key, now)}: within --min-idle-days ${minIdleDays}, so something may still use it; lower --min-idle-days to delete it`;
  }
  return undefined;
}

/** The later of the key's last use and its creation (full timestamps); undefined when neither is known. */
export function idleSince(key: TimedRootAccessKey): Date | undefined {
  const times = [key.lastUsedAt, key.createdAt]
    .filter((time): time is string => time !== undefined)
    .map((time) => Date.parse(time))
    .filter((time) => !Number.isNaN(time));
  return times.length === 0 ? undefined : new Date(Math.max(...times));
}

/** Milliseconds since {@link idleSince}, never negative; undefined when unknown. */
export function idleMs(key: TimedRootAccessKey, now: Date): number | undefined {
  const since = idleSince(key);
  return since === undefined ? undefined : Math.max(0, now.getTime() - since.getTime());
}

/** `29 days 23 hours`, `5 hours 2 minutes`, `4 minutes`: a duration, never rounded up. */
export function formatDuration(ms: number): string {
  const unit = (count: number, name: string) => `${count} ${name}${count === 1 ? '' : 's'}`;
  const days = Math.floor(ms / DAY_MS);
  const hours = Math.floor((ms % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((ms % HOUR_MS) / MINUTE_MS);
  if (days > 0)
    return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0)
    return minutes > 0 ? `${unit(hours, 'hour')} ${unit(minutes, 'minute')}` : unit(hours, 'hour');
  return unit(minutes, 'minute');
}

/** A timestamp as the tool prints it: `2026-11-28T09:00:00Z` (to the second, UTC). */
export function formatTime(time: string | Date): string {
  const date = typeof time === 'string' ? new Date(time) : time;
  return Number.isNaN(date.getTime()) ? String(time) : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * `last used 2026-11-20T08:00:00Z (ec2, eu-west-1), idle 11 days 4 hours`, or
 * `never used, created 2026-12-01T11:55:00Z, idle 5 minutes`.
 */
export function describeUse(key: TimedRootAccessKey, now: Date): string {
  const idle = idleMs(key, now);
  const idleText = idle === undefined ? '' : `, idle ${formatDuration(idle)}`;
  if (key.lastUsedAt === undefined) {
    const created = key.createdAt === undefined ? '' : `, created ${formatTime(key.createdAt)}`;
    return `never used${created}${idleText}`;
  }
  const where = [key.lastUsedService, key.lastUsedRegion].filter(Boolean).join(', ');
  return `last used ${formatTime(key.lastUsedAt)}${where === '' ? '' : ` (${where})`}${idleText}`;
}
