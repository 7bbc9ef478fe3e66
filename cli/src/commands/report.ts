import { DEFAULT_RULE_NAME } from '../../../infra/settings';
import { createConfigClient } from '../../../rule/src/aws/clients';
import {
  type AggregateEvaluation,
  getAggregateEvaluations,
  listAggregateRuleCompliance,
  type RuleComplianceEntry,
} from '../aws/aggregator';
import { openSession } from '../aws/session';
import { mapWithConcurrency } from '../concurrency';
import { describeError } from '../errors';
import { ERROR_COMPLIANCE, INSUFFICIENT_DATA } from '../exit-codes';
import { DEFAULT_CONCURRENCY } from '../options';
import { ruleNameMatcher } from '../rule-names';

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
  /** Called with the number of (rule, account, Region) reads done (0 first) and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** One evaluation read from the aggregator, or the error that prevented the read. */
export interface ReportRow {
  readonly accountId: string;
  readonly region: string;
  /** The rule's name in that account (possibly suffixed). */
  readonly ruleName: string;
  /** Config's result; `INSUFFICIENT_DATA` when never evaluated; `ERROR` when unreadable. */
  readonly compliance: string;
  readonly annotation?: string;
  /** When Config recorded the result (ISO 8601). */
  readonly resultRecordedTime?: string;
  /** Why this account's results could not be read; absent when they were. */
  readonly error?: string;
}

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
  const config = createConfigClient(session.clientOptions);
  try {
    const matches = ruleNameMatcher(options.ruleName ?? DEFAULT_RULE_NAME);
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
          return evaluations.length === 0 ? [notEvaluatedRow(entry)] : evaluations.map(toRow);
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

/** An account the rule is deployed to but that holds no evaluation of it. */
function notEvaluatedRow(entry: RuleComplianceEntry): ReportRow {
  const { accountId, region, ruleName } = entry;
  return { accountId, region, ruleName, compliance: entry.compliance ?? INSUFFICIENT_DATA };
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
