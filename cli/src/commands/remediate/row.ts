import type { RemediationAction } from './plan.js';

/** One row of `remediate`: an account and one of its root keys (none when it has none). */
export interface RemediationRow {
  readonly accountId: string;
  readonly accountName?: string;
  /** The root access key; absent for an account without keys or that could not be read. */
  readonly accessKeyId?: string;
  readonly keyStatus?: 'Active' | 'Inactive';
  /** Creation date (`YYYY-MM-DD`). */
  readonly created?: string;
  /** Creation time, to the second (ISO 8601). */
  readonly createdAt?: string;
  /** Date of the last use (`YYYY-MM-DD`); absent when never used. */
  readonly lastUsedDate?: string;
  /** Time of the last use, as IAM gives it (ISO 8601); absent when never used. */
  readonly lastUsedAt?: string;
  readonly lastUsedService?: string;
  readonly lastUsedRegion?: string;
  readonly action: RemediationAction;
  /** Why this action, in words. */
  readonly reason: string;
  /** Whether the organization has RootCredentialsManagement enabled (centralized root access). */
  readonly rootCredentialsManagement?: boolean;
  /** Whether the organization has RootSessions enabled. */
  readonly rootSessions?: boolean;
}
