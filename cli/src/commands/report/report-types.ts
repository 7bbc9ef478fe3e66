import type { Evidence } from '../../evidence-types.js';
import type { DirectoryAccount } from '../../organization-types.js';

/*
 * The data types of `report`, free of AWS SDK types, so that the
 * declarations of `root-access-key-rule/cli` need no SDK package.
 */

/** What to read; the in-process form of `report`'s options. */
export interface ReportOptions {
  /** Name of the Config aggregator. */
  readonly aggregatorName: string;
  /** The rule's deployed name, before any suffix. @default 'root-access-key-rule' */
  readonly ruleName?: string;
  /** The organization conformance pack that deploys the rule. @default the rule name */
  readonly packName?: string;
  /** Detail reads at once. @default 10 */
  readonly concurrency?: number;
  /** Named profile. @default the SDK's default resolution */
  readonly profile?: string;
  /** Region of the aggregator. @default the configured one (required) */
  readonly region?: string;
  /**
   * Ends the run when it fires (the command's overall time limit): calls
   * under way are aborted, none is started after it, and what was not done
   * becomes ERROR rows naming what ran out (its abort reason). @default none
   */
  readonly signal?: AbortSignal;
  /**
   * Accept accounts without a COMPLIANT or NON_COMPLIANT result (Config's
   * INSUFFICIENT_DATA), as organizations whose rule reports NOT_APPLICABLE
   * must: their rows carry a `note` instead of an `error`. @default false
   */
  readonly allowInsufficientData?: boolean;
  /**
   * Accept ACTIVE accounts of the organization that the aggregator holds no
   * entry for (rows `NO_RESULT`): their rows carry a `note` instead of an
   * `error`. Excluded accounts never need it. @default false
   */
  readonly allowMissingAccounts?: boolean;
  /**
   * How old a result may be and still count, in milliseconds. @default twice
   * the period of the deployed rule found in the caller's account, else 48 hours
   */
  readonly maxResultAgeMs?: number;
  /** Called with the number of (rule, account, Region) reads done (0 first) and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** One evaluation read from the aggregator, or why an account of the organization has none. */
export interface ReportRow {
  readonly accountId: string;
  /** The account's name, when Organizations is readable. */
  readonly accountName?: string;
  /** The account's OU path (`Root/Workloads/Prod`), when the organization's tree is readable. */
  readonly organizationalUnit?: string;
  /** The Region of the result; for an account without one, the Region of the aggregator and pack. */
  readonly region: string;
  /** The rule's name in that account (possibly suffixed); the base name for an account without a result. */
  readonly ruleName: string;
  /**
   * One of `RowState`: Config's result; `INSUFFICIENT_DATA` when the
   * aggregator holds no COMPLIANT or NON_COMPLIANT result; `STALE` when the
   * result is older than the maximum age; `IGNORED` when it is not from the
   * deployed rule; `CONFLICT` when two rules claim to be it; `ERROR` when
   * unreadable; for ACTIVE accounts of the organization that the aggregator
   * holds nothing counted for, `EXCLUDED` (left out by the organization
   * conformance pack) or `NO_RESULT`.
   */
  readonly compliance: string;
  readonly annotation?: string;
  /** When Config recorded the result (ISO 8601). */
  readonly resultRecordedTime?: string;
  /** What Config recorded, on rows whose result does not count (STALE, IGNORED, CONFLICT). */
  readonly recordedCompliance?: string;
  /** The result's age in hours when judged, on STALE rows. */
  readonly resultAgeHours?: number;
  /**
   * Why this account has no result: its results could not be read, or the
   * aggregator holds no COMPLIANT or NON_COMPLIANT one. Absent when it has one.
   */
  readonly error?: string;
  /** Why an accepted row has no result (excluded, or accepted with an `allow…` option). */
  readonly note?: string;
  /** The organization conformance pack's state in this account, for rows without a result. */
  readonly packStatus?: string;
  readonly packErrorCode?: string;
  readonly packErrorMessage?: string;
}

/** The pack's deployment in one member account. */
export interface PackStatusRow {
  readonly accountId: string;
  readonly status: string;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  /** ISO 8601. */
  readonly lastUpdateTime?: string;
}

/** The organization conformance pack that deploys the rule, as read. */
export interface PackDeployment {
  readonly packName: string;
  /** Whether the pack was found (deployed from the caller's account). */
  readonly found: boolean;
  /** Why it was not found or could not be read. */
  readonly note?: string;
  /** Accounts the pack excludes on purpose. */
  readonly excludedAccounts: readonly string[];
  /** Accounts per deployment status (CREATE_SUCCESSFUL, CREATE_FAILED, …). */
  readonly statusCounts: Readonly<Record<string, number>>;
  /** Accounts whose deployment did not succeed, with Config's error. */
  readonly problems: readonly PackStatusRow[];
}

/** Whether every ACTIVE account of the organization has a result, counted per account. */
export interface Coverage {
  /** False when the organization could not be listed: then only the aggregator's accounts are known. */
  readonly checked: boolean;
  /** Why coverage could not be checked. */
  readonly reason?: string;
  /** Why accounts have no OU path. */
  readonly unitsNote?: string;
  readonly activeAccounts: number;
  /** ACTIVE accounts with a COMPLIANT or NON_COMPLIANT result. */
  readonly withResult: number;
  readonly compliant: number;
  readonly nonCompliant: number;
  /** ACTIVE accounts whose result is older than the maximum age. */
  readonly stale: number;
  /** ACTIVE accounts where two rules claim to be the organization conformance pack's rule. */
  readonly conflict: number;
  /** ACTIVE accounts whose only result is INSUFFICIENT_DATA. */
  readonly insufficientData: number;
  readonly excluded: number;
  /** ACTIVE accounts the aggregator holds nothing counted for. */
  readonly noResult: number;
  /** ACTIVE accounts whose results could not be read. */
  readonly unreadable: number;
  /** Results read but not counted (IGNORED rows): not from the deployed rule. */
  readonly ignoredResults: number;
  /** Accounts that are not ACTIVE (suspended, closing, closed): not expected to have a result. */
  readonly leftOut: readonly DirectoryAccount[];
  /** Accounts the aggregator holds results for that are not in the organization. */
  readonly outsideOrganization: readonly string[];
}

/** What `readAggregatorReport` returns. */
export interface ReportResult {
  /** Rows sorted by account, Region and rule name. */
  readonly rows: readonly ReportRow[];
  /** The rule's names found in the aggregator, sorted. */
  readonly ruleNames: readonly string[];
  /** Every rule name the aggregator holds, to explain an empty result. */
  readonly ruleNamesSeen: readonly string[];
  /** Pages read: the compliance summary and the details. */
  readonly pages: { readonly summary: number; readonly details: number };
  /** When, by whom, from which aggregator, with which tool version. */
  readonly evidence: Evidence;
  readonly coverage: Coverage;
  readonly deployment: PackDeployment;
  /** Which results counted, in words: the organization pack's rule only, or any rule of the name. */
  readonly matching: string;
  readonly freshness: Freshness;
}

/** How old a result may be and still count, and the clock it was judged by. */
export interface Freshness {
  readonly maxAgeMs: number;
  /** Why this maximum age (`--max-result-age`, twice the rule's period, or the default). */
  readonly source: string;
  /** The time results were judged against (ISO 8601). */
  readonly judgedAt: string;
  /** `aws`: the `Date` header of Config's answers; `local`: this machine's clock (no header). */
  readonly clock: 'aws' | 'local';
}
