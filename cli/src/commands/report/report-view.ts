import { definedFields } from '../../../../definition/objects.js';
import { shortRuleName } from '../../../../definition/rule-names.js';
import { evidenceLines } from '../../evidence.js';
import { RowState } from '../../exit-codes.js';
import type { Column } from '../../output/format.js';
import {
  categoryCounts,
  type HtmlDocument,
  severityRank,
} from '../../output/html/html-document.js';
import { leftOutText } from '../../output/left-out.js';
import type { RowView } from '../../output/render.js';
import { countOf, resultCounts } from '../../output/table.js';
import { byAccountRegionRule } from './report-aggregator.js';
import { accountStandings } from './report-standing.js';
import type { Coverage, PackDeployment, ReportResult, ReportRow } from './report-types.js';
import { formatAge } from './result-age.js';

const csvColumns: readonly Column<ReportRow>[] = [
  { header: 'accountId', cell: (row) => row.accountId },
  { header: 'region', cell: (row) => row.region },
  { header: 'ruleName', cell: (row) => row.ruleName },
  { header: 'compliance', cell: (row) => row.compliance },
  { header: 'recordedCompliance', cell: (row) => row.recordedCompliance },
  { header: 'resultRecordedTime', cell: (row) => row.resultRecordedTime },
  { header: 'resultAgeHours', cell: (row) => row.resultAgeHours },
  { header: 'annotation', cell: (row) => row.annotation },
  { header: 'error', cell: (row) => row.error },
  { header: 'note', cell: (row) => row.note },
  { header: 'accountName', cell: (row) => row.accountName },
  { header: 'organizationalUnit', cell: (row) => row.organizationalUnit },
  { header: 'packStatus', cell: (row) => row.packStatus },
  { header: 'packErrorCode', cell: (row) => row.packErrorCode },
  { header: 'packErrorMessage', cell: (row) => row.packErrorMessage },
];

const recorded = (row: ReportRow) => row.resultRecordedTime?.replace(/\.\d{3}Z$/, 'Z');

/** Rows of accounts where nothing is deployed: no deployed name to show. */
const NOT_DEPLOYED: ReadonlySet<string> = new Set([RowState.NoResult, RowState.Excluded]);

/** How the rule is deployed where a row's result comes from; empty where nothing is. */
function deployedAs(row: ReportRow, ruleName: string): string | undefined {
  return NOT_DEPLOYED.has(row.compliance) ? undefined : shortRuleName(row.ruleName, ruleName);
}

/** Orders table rows worst first, as the HTML page does, then by account, Region and rule. */
export function worstFirst(a: ReportRow, b: ReportRow): number {
  return severityRank(a.compliance) - severityRank(b.compliance) || byAccountRegionRule(a, b);
}

/**
 * How `report` shows its rows: names and OUs when known, the deployed rule
 * name shortened to how it was deployed, long errors and notes under the
 * table, and a closing line per result and per account (coverage).
 */
export function reportView(result: ReportResult, ruleName: string): RowView<ReportRow> {
  const { rows } = result;
  const named = rows.some((row) => row.accountName !== undefined);
  const placed = rows.some((row) => row.organizationalUnit !== undefined);
  const tableColumns: Column<ReportRow>[] = [
    { header: 'ACCOUNT', cell: (row) => row.accountId },
    ...(named ? [{ header: 'NAME', cell: (row: ReportRow) => row.accountName }] : []),
    ...(placed ? [{ header: 'OU', cell: (row: ReportRow) => row.organizationalUnit }] : []),
    { header: 'REGION', cell: (row) => row.region },
    { header: 'DEPLOYED AS', cell: (row) => deployedAs(row, ruleName) },
    { header: 'COMPLIANCE', cell: (row) => row.compliance },
    { header: 'RECORDED', cell: recorded },
    { header: 'DETAIL', cell: (row) => row.error ?? row.note ?? row.annotation },
  ];
  const summary = (shown: readonly ReportRow[]) =>
    `${accountsLine(shown)}\n${coverageLine(result.coverage)}`;
  return {
    csvColumns,
    tableColumns,
    tableOrder: worstFirst,
    summary,
    heading: [
      ...evidenceLines(result.evidence),
      `Deployment: ${deploymentLine(result.deployment)}`,
      `Results counted: ${result.matching}`,
      `Maximum result age: ${freshnessLine(result)}`,
    ],
    details: { column: 'DETAIL', text: (row) => row.error ?? row.note },
    findings: {
      callerArn: result.evidence.callerArn,
      region: result.evidence.aggregator?.region ?? rows[0]?.region ?? '',
      ruleName,
      generatedAt: result.evidence.generatedAt,
      toolVersion: result.evidence.toolVersion,
      ...(result.evidence.organizationId !== undefined && {
        organizationId: result.evidence.organizationId,
      }),
    },
    html: (shown) => reportHtml(result, ruleName, shown, summary(shown)),
  };
}

/**
 * `415 accounts: 409 COMPLIANT, 3 NON_COMPLIANT, 1 STALE, 2 EXCLUDED, 0 ERROR`:
 * each account counted once, by its one state (`accountStandings`), the
 * states named as the rows name them.
 */
export function accountsLine(rows: readonly ReportRow[]): string {
  const standings = [...accountStandings(rows).values()];
  const ignored = rows.filter((row) => row.compliance === RowState.Ignored).length;
  const ignoredText =
    ignored > 0
      ? `; ${countOf(ignored, 'result', 'results')} IGNORED (not the deployed rule's)`
      : '';
  return `${countOf(standings.length, 'account', 'accounts')}: ${resultCounts(standings)}${ignoredText}`;
}

/**
 * `412 of 415 ACTIVE accounts with a current result`, and what was left out
 * or lies outside the organization; the counts come from the same account
 * states as {@link accountsLine}.
 */
export function coverageLine(coverage: Coverage): string {
  if (!coverage.checked)
    return `Coverage not checked: ${coverage.reason ?? 'the organization was not read'}`;
  const outside = coverage.outsideOrganization.length;
  return [
    `Coverage: ${coverage.withResult} of ${coverage.activeAccounts} ACTIVE ${coverage.activeAccounts === 1 ? 'account' : 'accounts'} of the organization with a current COMPLIANT or NON_COMPLIANT result`,
    leftOutText(coverage.leftOut),
    outside > 0 ? `; ${countOf(outside, 'account', 'accounts')} outside the organization` : '',
  ].join('');
}

/** `48h (twice the TwentyFour_Hours period of rule …), judged at 2026-11-28T12:00:00Z by AWS's clock`. */
export function freshnessLine(result: Pick<ReportResult, 'freshness'>): string {
  const { freshness } = result;
  const clock =
    freshness.clock === 'aws'
      ? "AWS's clock (the Date header of Config's answers)"
      : "this machine's clock (Config's answers carried no Date header)";
  return `${formatAge(freshness.maxAgeMs)} (${freshness.source}); older results are STALE; judged at ${freshness.judgedAt.replace(/\.\d{3}Z$/, 'Z')} by ${clock}`;
}

/** The organization conformance pack in one line. */
export function deploymentLine(deployment: PackDeployment): string {
  const pack = `organization conformance pack ${deployment.packName}`;
  if (!deployment.found) return `${pack} not read: ${deployment.note ?? 'not found'}`;
  const statuses = Object.entries(deployment.statusCounts)
    .sort()
    .map(([status, count]) => `${count} ${status}`);
  const excluded = deployment.excludedAccounts.length;
  return `${pack}: ${statuses.join(', ') || 'no deployment status'}; ${excluded} excluded${deployment.note ? ` (${deployment.note})` : ''}`;
}

function reportHtml(
  result: ReportResult,
  ruleName: string,
  rows: readonly ReportRow[],
  summary: string,
): HtmlDocument {
  const { coverage, deployment, evidence } = result;
  const aggregator = evidence.aggregator;
  return {
    title: 'Root access key report',
    subject: `Results of rule ${ruleName} from Config aggregator ${aggregator?.name ?? ''} (${aggregator?.region ?? ''}), joined with the organization`,
    evidence,
    rows: rows.map((row) => ({
      accountId: row.accountId,
      ...(row.accountName !== undefined && { accountName: row.accountName }),
      ...(row.organizationalUnit !== undefined && { organizationalUnit: row.organizationalUnit }),
      region: row.region,
      ...definedFields({ deployedAs: deployedAs(row, ruleName) }),
      compliance: row.compliance,
      ...definedFields({ recorded: recorded(row) }),
      ...(row.annotation !== undefined && { annotation: row.annotation }),
      ...((row.error ?? row.note) !== undefined && { problem: row.error ?? row.note }),
    })),
    cards: {
      stale: 0,
      'no-result': 0,
      ...categoryCounts([...accountStandings(rows).values()]),
    },
    fromAggregator: true,
    summary,
    coverage: {
      checked: coverage.checked,
      summary: coverageLine(coverage),
      ...(coverage.unitsNote !== undefined && { unitsNote: coverage.unitsNote }),
      leftOut: coverage.leftOut,
      outsideOrganization: coverage.outsideOrganization,
    },
    deployment,
  };
}
