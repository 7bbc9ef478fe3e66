import type { CallerIdentity } from '../../identity.js';
import type { RootAccessState } from '../../root-access/root-access-state.js';
import type { RemediationRow } from './row.js';

export type { RemediationRow } from './row.js';

/** What the confirmation before deleting is asked about. */
export interface DeletionSummary {
  readonly keys: number;
  readonly accounts: number;
}

/** What to remediate and how; the in-process form of `remediate`'s options. */
export interface RemediateOptions {
  /** Accounts to remediate. */
  readonly accounts?: readonly string[];
  /** Remediate every ACTIVE account of the organization. @default false */
  readonly organization?: boolean;
  /** Delete the planned keys; otherwise a dry run that changes nothing. @default false */
  readonly apply?: boolean;
  /** Keys used within this many days are kept. @default 30 */
  readonly minIdleDays?: number;
  /** The audit log (JSON Lines), created new. @default root-access-key-rule-remediate-<time>.jsonl */
  readonly auditLogPath?: string;
  /** Accounts worked on at once. @default 10 */
  readonly concurrency?: number;
  /** Named profile. @default the SDK's default resolution */
  readonly profile?: string;
  /** Region of the STS and IAM calls (a Regional STS endpoint). @default the configured one, else us-east-1 */
  readonly region?: string;
  /** Asked before deleting, with what would be deleted; false cancels. @default yes */
  readonly confirm?: (summary: DeletionSummary) => Promise<boolean>;
  /** Called with accounts done and the total, per phase. */
  readonly onProgress?: (done: number, total: number) => void;
  /** The clock (the idle guard and the log). @default the real one */
  readonly now?: () => Date;
}

/** What {@link remediateAccounts} returns. */
export interface RemediateResult {
  readonly caller: CallerIdentity;
  readonly rootAccess: RootAccessState;
  /** One row per account and key, in the order of the accounts. */
  readonly rows: readonly RemediationRow[];
  /** Where the audit log was written. */
  readonly auditLogPath: string;
  /** `dry-run`, `applied`, or `cancelled` (the confirmation was declined; nothing changed). */
  readonly outcome: 'dry-run' | 'applied' | 'cancelled';
}
