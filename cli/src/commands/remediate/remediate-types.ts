import type { CallerIdentity } from '../../identity.js';
import type { RootAccessState } from '../../root-access/root-access-state.js';
import type { PlanDocument } from './plan-document.js';
import type { RemediationRow } from './row.js';

export type { RemediationRow } from './row.js';

/** What a person answered when asked before the deletions. */
export interface ConsentAnswer {
  /** Only `y` or `yes` give it. */
  readonly given: boolean;
  /** The answer as typed (first line, trimmed), or why none came. */
  readonly answer: string;
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
  /** Region of the STS and IAM calls (a Regional STS endpoint). @default the configured one (required) */
  readonly region?: string;
  /**
   * Asks a person, showing the whole plan, before anything is deleted. With
   * `apply`, either this or `yes` is required.
   */
  readonly consent?: (plan: PlanDocument, awsNow: Date) => Promise<ConsentAnswer>;
  /** With `apply`: delete without asking anyone (the log records `--yes`). @default false */
  readonly yes?: boolean;
  /** Dry run: write the plan to this new file. With `apply`: apply exactly this plan. */
  readonly planFile?: string;
  /** With `apply` and `planFile`: refuse a plan older than this (AWS's clock). @default 1 hour */
  readonly maxPlanAgeMs?: number;
  /** Stops the run: no new account or deletion starts; in-flight deletions finish and are logged. */
  readonly signal?: AbortSignal;
  /** Called with accounts done and the total, per phase. */
  readonly onProgress?: (done: number, total: number) => void;
  /** The local clock (the log's times; AWS's clock is this one corrected by AWS's answers). @default the real one */
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
  /** The plan that was made (or read from the plan file). */
  readonly plan: PlanDocument;
  /** Where the plan was written (dry run with `planFile`). */
  readonly planFilePath?: string;
  /**
   * Set when the audit log could not be written: why, and each key
   * (`account/key id`) whose deletion was sent but is not in the log.
   */
  readonly logFailure?: { readonly reason: string; readonly unlogged: readonly string[] };
}
