import { DefaultName } from '../../../definition/names.js';
import {
  type AggregateEvaluation,
  getAggregateEvaluations,
  listAggregateRuleCompliance,
  type RuleComplianceEntry,
} from '../aws/aggregator.js';
import { configClientFor, openSession } from '../aws/session.js';
import { mapWithConcurrency } from '../concurrency.js';
import { describeError } from '../errors.js';
import { ERROR_COMPLIANCE, INSUFFICIENT_DATA } from '../exit-codes.js';
import { DEFAULT_CONCURRENCY } from '../options.js';
import { ruleNameMatcher } from '../rule-names.js';

/** What to read; the in-process form of `report`'s options. */
export interface ReportOptions {
  /** Name of the Config aggregator. */
  readonly aggregatorName: string;
  /** The rule's deployed name, before any suffix. @default 'root-access-key-rule' */
  readonly ruleName?: string;
  /** Detail reads at once. @default 10 */
  readonly concurrency?: number;
  /** Named profile. @default the SDK's default resolution */
  readonly profile?: string;
  /** Region of the aggregator. @default the configured one (required) */
  readonly region?: string;
  /**
   * Accept accounts without a COMPLIANT or NON_COMPLIANT result (Config's
   * INSUFFICIENT_DATA), as organizations whose rule reports NOT_APPLICABLE
   * must: their rows carry a `note` instead of an `error`. @default false
   */
  readonly allowInsufficientData?: boolean;
  /** Called with the number of (rule, account, Region) reads done (0 first) and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** One evaluation read from the aggregator, or the error that prevented the read. */
export interface ReportRow {
  readonly accountId: string;
  readonly region: string;
  /** The rule's name in that account (possibly suffixed). */
  readonly ruleName: string;
  /**
   * Config's result; `INSUFFICIENT_DATA` when the aggregator holds no
   * COMPLIANT or NON_COMPLIANT result; `ERROR` when unreadable.
   */
  readonly compliance: string;
  readonly annotation?: string;
  /** When Config recorded the result (ISO 8601). */
  readonly resultRecordedTime?: string;
  /**
   * Why this account has no result: its results could not be read, or the
   * aggregator holds no COMPLIANT or NON_COMPLIANT one. Absent when it has one.
   */
  readonly error?: string;
  /** Why an accepted INSUFFICIENT_DATA row has no result (with `allowInsufficientData`). */
  readonly note?: string;
}

/**
 * Why a row is INSUFFICIENT_DATA. Aggregators return only COMPLIANT and
 * NON_COMPLIANT results, so "not evaluated yet" and NOT_APPLICABLE look alike.
 */
export const NO_RESULT_REASON =
  'no COMPLIANT or NON_COMPLIANT result in the aggregator: the rule has not evaluated this account and Region yet (or failed there), or it reported NOT_APPLICABLE, which aggregators do not return';

/** How {@link NO_RESULT_REASON} ends in an error row: what to do about it. */
const NO_RESULT_ADVICE =
  '; check the account with evaluate, or pass --allow-insufficient-data if the rule reports NOT_APPLICABLE (RootWithoutCredentials=NOT_APPLICABLE)';

/** What {@link readAggregatorReport} returns. */
export interface ReportResult {
  /** Rows sorted by account, Region and rule name. */
  readonly rows: readonly ReportRow[];
  /** The rule's names found in the aggregator, sorted. */
  readonly ruleNames: readonly string[];
  /** Every rule name the aggregator holds, to explain an empty result. */
  readonly ruleNamesSeen: readonly string[];
  /** Pages read: the compliance summary and the details. */
  readonly pages: { readonly summary: number; readonly details: number };
}

/**
 * Reads the rule's results across an organization from a Config aggregator:
 * finds the rule's real names (own, conformance-pack and organization
 * suffixes) in every page of `DescribeAggregateComplianceByConfigRules`, then
 * reads each account's evaluations with `GetAggregateComplianceDetailsByConfigRule`.
 * A failed detail read becomes an error row; the others still run.
 *
 * @throws RuleError when the summary cannot be read (unknown aggregator, denied)
 * @throws MissingRegionError when no Region is configured
 */
export async function readAggregatorReport(options: ReportOptions): Promise<ReportResult> {
  const session = await openSession(options);
  const config = configClientFor(session);
  const allow = options.allowInsufficientData === true;
  try {
    const matches = ruleNameMatcher(options.ruleName ?? DefaultName.rule);
    const listing = await listAggregateRuleCompliance(config, options.aggregatorName, matches);
    const { entries } = listing;
    let detailPages = 0;
    options.onProgress?.(0, entries.length);
    const groups = await mapWithConcurrency(
      entries,
      options.concurrency ?? DEFAULT_CONCURRENCY,
      async (entry) => {
        try {
          const { evaluations, pages } = await getAggregateEvaluations(
            config,
            options.aggregatorName,
            entry,
          );
          detailPages += pages;
          const rows = evaluations.length === 0 ? [summaryRow(entry)] : evaluations.map(toRow);
          return rows.map((row) => explainNoResult(row, allow));
        } catch (error) {
          return [errorRow(entry, error)];
        }
      },
      (done) => options.onProgress?.(done, entries.length),
    );
    return {
      rows: groups.flat().sort(byAccountRegionRule),
      ruleNames: [...new Set(entries.map((entry) => entry.ruleName))].sort(),
      ruleNamesSeen: listing.ruleNamesSeen,
      pages: { summary: listing.pages, details: detailPages },
    };
  } finally {
    config.destroy();
    session.destroy();
  }
}

function toRow(evaluation: AggregateEvaluation): ReportRow {
  return {
    accountId: evaluation.accountId,
    region: evaluation.region,
    ruleName: evaluation.ruleName,
    compliance: evaluation.compliance ?? INSUFFICIENT_DATA,
    ...(evaluation.annotation === undefined ? {} : { annotation: evaluation.annotation }),
    ...(evaluation.resultRecordedTime === undefined
      ? {}
      : { resultRecordedTime: evaluation.resultRecordedTime.toISOString() }),
  };
}

/** An account the rule is deployed to but whose detail reads return no result. */
function summaryRow(entry: RuleComplianceEntry): ReportRow {
  const { accountId, region, ruleName } = entry;
  return { accountId, region, ruleName, compliance: entry.compliance ?? INSUFFICIENT_DATA };
}

/**
 * Says why an INSUFFICIENT_DATA row has no result: as an `error` (the row
 * counts as not read), or as a `note` when such rows are allowed.
 */
function explainNoResult(row: ReportRow, allow: boolean): ReportRow {
  if (row.compliance !== INSUFFICIENT_DATA) return row;
  return allow
    ? { ...row, note: NO_RESULT_REASON }
    : { ...row, error: `${NO_RESULT_REASON}${NO_RESULT_ADVICE}` };
}

function errorRow(entry: RuleComplianceEntry, error: unknown): ReportRow {
  const { accountId, region, ruleName } = entry;
  return { accountId, region, ruleName, compliance: ERROR_COMPLIANCE, error: describeError(error) };
}

function byAccountRegionRule(a: ReportRow, b: ReportRow): number {
  return (
    compare(a.accountId, b.accountId) ||
    compare(a.region, b.region) ||
    compare(a.ruleName, b.ruleName)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
