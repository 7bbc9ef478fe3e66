import type { RemediationAction } from './plan.js';

/** One row of `remediate`: an account and one of its root keys (none when it has none). */
export interface RemediationRow {
  readonly accountId: string;
  readonly accountName?: string;
  /** The root access key; absent for an account without keys or that could not be read. */
  readonly accessKeyId?: string;
  readonly keyStatus?: 'Active' | 'Inactive';
  readonly created?: string;
  readonly lastUsedDate?: string;
  readonly lastUsedService?: string;
  readonly lastUsedRegion?: string;
  readonly action: RemediationAction;
  /** Why this action, in words. */
  readonly reason: string;
}
