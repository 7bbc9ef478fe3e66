import type { RootAccessKey } from '../../../../rule/src/index.js';

/** What remediation does with each root access key, as rows say it. */
export const RemediationAction = {
  /** Dry run: the key would be deleted with `--apply`. */
  WouldDelete: 'WOULD_DELETE',
  /** Deleted, and verified gone. */
  Deleted: 'DELETED',
  /** Kept: in use within `--min-idle-days`, or out of reach; the reason says which. */
  Skipped: 'SKIPPED',
  /** The account or the key could not be read, deleted or verified. */
  Failed: 'FAILED',
  /** The account's root user has no access key. */
  NoKeys: 'NO_KEYS',
} as const;

/** One of the values of {@link RemediationAction}. */
export type RemediationAction = (typeof RemediationAction)[keyof typeof RemediationAction];

/** Default of `--min-idle-days`: keys used more recently are kept unless the user lowers it. */
export const DEFAULT_MIN_IDLE_DAYS = 30;

/** The decision for one key. */
export interface KeyPlan {
  readonly key: RootAccessKey;
  readonly remove: boolean;
  /** Why, in words: the key's last use, and what the guard says of it. */
  readonly reason: string;
}

const DAY_MS = 86_400_000;

/**
 * Plans the keys of one account: a key used within the last `minIdleDays`
 * days is kept (deleting a key that a workload still uses breaks that
 * workload); every other key is to be deleted. Pure.
 */
export function planKeys(
  keys: readonly RootAccessKey[],
  minIdleDays: number,
  now: Date,
): KeyPlan[] {
  return keys.map((key) => {
    const use = describeUse(key, now);
    const days = idleDays(key, now);
    if (days !== undefined && days < minIdleDays) {
      return {
        key,
        remove: false,
        reason: `${use}: within --min-idle-days ${minIdleDays}, so something may still use it; lower --min-idle-days to delete it`,
      };
    }
    return { key, remove: true, reason: use };
  });
}

/** Whole days since the key's last use; undefined when never used. */
function idleDays(key: RootAccessKey, now: Date): number | undefined {
  if (key.lastUsedDate === undefined) return undefined;
  return Math.floor((now.getTime() - Date.parse(`${key.lastUsedDate}T00:00:00Z`)) / DAY_MS);
}

/** `never used`, or `last used 2026-11-20 (ec2, eu-west-1), 11 days ago`. */
export function describeUse(key: RootAccessKey, now: Date): string {
  const days = idleDays(key, now);
  if (key.lastUsedDate === undefined || days === undefined) return 'never used';
  const where = [key.lastUsedService, key.lastUsedRegion].filter(Boolean).join(', ');
  const ago = days <= 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
  return `last used ${key.lastUsedDate}${where === '' ? '' : ` (${where})`}, ${ago}`;
}
