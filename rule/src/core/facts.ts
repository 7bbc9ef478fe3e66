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

/** Where the details of the root user's keys come from. */
export const RootKeySource = {
  /** The IAM credential report (up to 4 hours old): the rule, and `evaluate` with roles. */
  CredentialReport: 'credential-report',
  /**
   * `iam:ListAccessKeys` and `iam:GetAccessKeyLastUsed` in a root session
   * (`evaluate --assume-root`, `remediate`): exact at the time of the call.
   */
  AccessKeyList: 'access-key-list',
} as const;

/** One of the values of {@link RootKeySource}. */
export type RootKeySource = (typeof RootKeySource)[keyof typeof RootKeySource];

/** One root access key, as either source describes it. */
export interface RootAccessKey {
  /** The credential report's key slot, 1 or 2 (from the report). */
  readonly slot?: 1 | 2;
  /** The access key id (from the key list; not a secret: IAM shows it). */
  readonly accessKeyId?: string;
  /** Whether the key is active. */
  readonly active: boolean;
  /**
   * Date the key was created (`YYYY-MM-DD`): the report's last rotation, the
   * key list's `CreateDate`; absent when unknown.
   */
  readonly created?: string;
  /** Date the key was last used (`YYYY-MM-DD`); absent when never used. */
  readonly lastUsedDate?: string;
  /** Region of the key's last use, if any. */
  readonly lastUsedRegion?: string;
  /** Service of the key's last use, if any. */
  readonly lastUsedService?: string;
}

/** The root user's access keys, from one source. */
export interface RootKeys {
  readonly source: RootKeySource;
  /**
   * When the credential report was generated (ISO 8601, `GeneratedTime`),
   * when it is the source and IAM said; IAM serves a report up to 4 hours old.
   */
  readonly generatedAt?: string;
  /** The keys, in slot or listing order; empty when there is none. */
  readonly keys: readonly RootAccessKey[];
}

/** What became of the attempt to read the root user's keys. */
export type RootKeysOutcome =
  | { readonly kind: 'available'; readonly root: RootKeys }
  | { readonly kind: 'unavailable'; readonly source: RootKeySource; readonly reason: string };

/** Everything the verdict depends on for one account. */
export type DecisionFacts =
  | { readonly eventLeftScope: true }
  | {
      readonly eventLeftScope: false;
      readonly summary: AccountSummaryFacts;
      /** The keys' details; absent when no key exists (they are read only when keys exist). */
      readonly keys?: RootKeysOutcome;
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

/** A root access key with its creation and last use as full timestamps (ISO 8601). */
export interface TimedRootAccessKey extends RootAccessKey {
  /** `CreateDate`, to the second; absent when IAM gave none. */
  readonly createdAt?: string;
  /** `LastUsedDate`, to the second; absent when never used. */
  readonly lastUsedAt?: string;
}
