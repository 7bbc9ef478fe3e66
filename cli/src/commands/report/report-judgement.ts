import { packRuleMatcher } from '../../../../definition/rule-names.js';
import { RowState } from '../../exit-codes.js';
import type { PackDeployment, PackStatusRow, ReportRow } from './report-types.js';
import { formatAge, type MaxResultAge } from './result-age.js';

/** What decides whether a result read from the aggregator counts. */
export interface JudgementInput {
  /** The aggregator's rows (results, INSUFFICIENT_DATA and error rows). */
  readonly rows: readonly ReportRow[];
  /** The rule's base name. */
  readonly ruleName: string;
  /** The organization conformance pack; when found, only its rule's results count. */
  readonly deployment: PackDeployment;
  readonly statuses: ReadonlyMap<string, PackStatusRow>;
  /** The pack's Region (the aggregator's). */
  readonly region: string;
  readonly maxAge: MaxResultAge;
  /** The time results are judged against (AWS's clock where known). */
  readonly now: Date;
}

const HOUR = 3_600_000;
const RESULTS: ReadonlySet<string> = new Set([RowState.Compliant, RowState.NonCompliant]);

/**
 * Decides which results count. With an organization conformance pack
 * (organization mode), a result counts only from the pack's rule
 * (`<rule>-conformance-pack-<suffix>`) in the pack's Region, in an account
 * where the pack's status is not FAILED or DELETE: any other is IGNORED,
 * with the reason; two such rules in one account and Region are both
 * CONFLICT. Then a COMPLIANT or NON_COMPLIANT result recorded before the
 * maximum age is STALE. Pure.
 */
export function judgeRows(input: JudgementInput): ReportRow[] {
  const checked = input.deployment.found
    ? markConflicts(input.rows.map((row) => authenticity(input, row)))
    : [...input.rows];
  return checked.map((row) => freshness(input, row));
}

/** How results were matched to the deployed rule, for the evidence header. */
export function matchingText(input: Pick<JudgementInput, 'ruleName' | 'deployment' | 'region'>) {
  const { ruleName, deployment, region } = input;
  return deployment.found
    ? `only the organization conformance pack ${deployment.packName}'s rule (${ruleName}-conformance-pack-<suffix>) in ${region}, in accounts where the pack is not FAILED; other results are IGNORED`
    : `any rule named ${ruleName}, ${ruleName}-conformance-pack-<suffix> or OrgConfigRule-${ruleName}-<suffix>, in any Region (no organization conformance pack ${deployment.packName} found)`;
}

function authenticity(input: JudgementInput, row: ReportRow): ReportRow {
  const pack = `organization conformance pack ${input.deployment.packName}`;
  if (!packRuleMatcher(input.ruleName)(row.ruleName)) {
    return ignore(
      row,
      `rule ${row.ruleName} is not the ${pack}'s rule (${input.ruleName}-conformance-pack-<suffix>)`,
    );
  }
  if (row.region !== input.region) {
    return ignore(row, `result in ${row.region}, not in the ${pack}'s Region ${input.region}`);
  }
  const status = input.statuses.get(row.accountId);
  if (status === undefined) {
    const unread = input.deployment.note ? ` (${input.deployment.note})` : '';
    return ignore(
      row,
      `the ${pack} has no deployment status for this account${unread}, so this rule is not known to be the pack's`,
    );
  }
  if (status.status.endsWith('_FAILED') || status.status.startsWith('DELETE')) {
    return ignore(
      row,
      `the ${pack} is ${status.status} in this account, so this rule is not the pack's`,
    );
  }
  return row;
}

function ignore(row: ReportRow, reason: string): ReportRow {
  const { error: _error, note: _note, ...rest } = row;
  return {
    ...rest,
    compliance: RowState.Ignored,
    recordedCompliance: row.compliance,
    note: `ignored, never counted: ${reason}`,
  };
}

/** Rows of two or more rule names claiming to be the pack's rule in one account and Region. */
function markConflicts(rows: readonly ReportRow[]): ReportRow[] {
  const names = new Map<string, Set<string>>();
  const key = (row: ReportRow) => `${row.accountId}/${row.region}`;
  for (const row of rows) {
    if (row.compliance === RowState.Ignored) continue;
    const set = names.get(key(row)) ?? new Set<string>();
    set.add(row.ruleName);
    names.set(key(row), set);
  }
  return rows.map((row) => {
    const claimants = names.get(key(row));
    if (row.compliance === RowState.Ignored || claimants === undefined || claimants.size < 2) {
      return row;
    }
    const { error: _error, note: _note, ...rest } = row;
    return {
      ...rest,
      compliance: RowState.Conflict,
      recordedCompliance: row.compliance,
      error: `${claimants.size} rules claim to be the organization conformance pack's rule in this account and Region (${[...claimants].sort().join(', ')}); a member account can deploy its own pack with the rule's name, so neither result counts until one is removed`,
    };
  });
}

function freshness(input: JudgementInput, row: ReportRow): ReportRow {
  if (!RESULTS.has(row.compliance)) return row;
  const limit = `the maximum age of ${formatAge(input.maxAge.ms)} (${input.maxAge.source})`;
  const advice = `Config keeps the last result when the rule fails, so this one is not current evidence; check the account with evaluate`;
  const { error: _error, note: _note, ...rest } = row;
  if (row.resultRecordedTime === undefined) {
    return {
      ...rest,
      compliance: RowState.Stale,
      recordedCompliance: row.compliance,
      error: `no recorded time (ResultRecordedTime) for this result, so it cannot be shown to be within ${limit}; ${advice}`,
    };
  }
  const age = input.now.getTime() - Date.parse(row.resultRecordedTime);
  if (age <= input.maxAge.ms) return row;
  return {
    ...rest,
    compliance: RowState.Stale,
    recordedCompliance: row.compliance,
    resultAgeHours: Math.round((age / HOUR) * 10) / 10,
    error: `${row.compliance} result recorded ${row.resultRecordedTime.replace(/\.\d{3}Z$/, 'Z')}, ${formatAge(age)} old, past ${limit}; ${advice}`,
  };
}
