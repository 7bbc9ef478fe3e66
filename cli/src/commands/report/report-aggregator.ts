import type { ConfigServiceClient } from '@aws-sdk/client-config-service';
import type { Deadline } from '../../../../aws/backoff.js';
import { DefaultName } from '../../../../definition/names.js';
import { ruleNameMatcher } from '../../../../definition/rule-names.js';
import {
  type AggregateEvaluation,
  getAggregateEvaluations,
  listAggregateRuleCompliance,
  type RuleComplianceEntry,
} from '../../aws/aggregator.js';
import { mapWithConcurrency } from '../../concurrency.js';
import { describeError } from '../../errors.js';
import { ERROR_COMPLIANCE, INSUFFICIENT_DATA } from '../../exit-codes.js';
import { DEFAULT_CONCURRENCY } from '../../options.js';
import { NO_RESULT_ADVICE, NO_RESULT_REASON } from './report-reasons.js';
import type { ReportOptions, ReportResult, ReportRow } from './report-types.js';

/** The aggregator's part of a report. */
export type AggregatorRows = Pick<ReportResult, 'rows' | 'ruleNames' | 'ruleNamesSeen' | 'pages'>;

/**
 * Reads the rule's results from a Config aggregator: finds the rule's real
 * names (own, conformance-pack and organization suffixes) in every page of
 * `DescribeAggregateComplianceByConfigRules`, then reads each account's
 * evaluations with `GetAggregateComplianceDetailsByConfigRule`. A failed
 * detail read becomes an error row; the others still run. `deadline` bounds
 * every call: once it has run out, the reads not done are error rows too.
 *
 * @throws RuleError when the summary cannot be read (unknown aggregator, denied)
 */
export async function readAggregatorRows(
  config: ConfigServiceClient,
  options: ReportOptions,
  deadline?: Deadline,
): Promise<AggregatorRows> {
  const allow = options.allowInsufficientData === true;
  const matches = ruleNameMatcher(options.ruleName ?? DefaultName.rule);
  const listing = await listAggregateRuleCompliance(
    config,
    options.aggregatorName,
    matches,
    deadline,
  );
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
          deadline,
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

/** Orders rows by account, Region and rule name. */
export function byAccountRegionRule(a: ReportRow, b: ReportRow): number {
  return (
    compare(a.accountId, b.accountId) ||
    compare(a.region, b.region) ||
    compare(a.ruleName, b.ruleName)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
