import type { ComplianceType } from '../../../definition/config.js';

/** What `iam:GetAccountSummary` says about the root user. */
export interface AccountSummaryFacts {
  /** `AccountAccessKeysPresent`: root access keys, active and inactive. */
  readonly accessKeysPresent: number;
  /**
   * `AccountPasswordPresent`: 1 when the root user has a password; absent when
   * IAM did not report it (then the root user is not taken to be credential-less).
   */
  readonly passwordPresent?: number;
}

/** One root access key slot (1 or 2) of the credential report that holds a key. */
export interface RootKeySlot {
  /** The key slot: 1 or 2. */
  readonly slot: 1 | 2;
  /** Whether the key is active. */
  readonly active: boolean;
  /** Date the key was created or last rotated (`YYYY-MM-DD`), if known. */
  readonly lastRotated?: string;
  /** Date the key was last used (`YYYY-MM-DD`); absent when never used. */
  readonly lastUsedDate?: string;
  /** Region of the key's last use, if any. */
  readonly lastUsedRegion?: string;
  /** Service of the key's last use, if any. */
  readonly lastUsedService?: string;
}

/** The root user's row of the credential report, reduced to its access keys. */
export interface RootCredentialRow {
  /** The slots that hold a key, in slot order; empty when there is none. */
  readonly keys: readonly RootKeySlot[];
}

/** What became of the attempt to read the credential report. */
export type CredentialReportOutcome =
  | { readonly kind: 'available'; readonly root: RootCredentialRow }
  | { readonly kind: 'unavailable'; readonly reason: string };

/** Everything the verdict depends on for one account. */
export type DecisionFacts =
  | { readonly eventLeftScope: true }
  | {
      readonly eventLeftScope: false;
      readonly summary: AccountSummaryFacts;
      /** Absent when no key exists (the report is fetched only when keys exist). */
      readonly report?: CredentialReportOutcome;
    };

/** Which row of the decision table (docs/rule.md) produced a verdict. */
export type DecisionRow = 1 | 2 | 3 | 4 | 5 | 6;

/** The verdict for one account. */
export interface Decision {
  /** The result to report. */
  readonly compliance: ComplianceType;
  /** Plain English explanation, at most 256 characters. */
  readonly annotation: string;
  /** The decision-table row that matched. */
  readonly row: DecisionRow;
}
