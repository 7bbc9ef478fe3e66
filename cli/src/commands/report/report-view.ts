import { definedFields } from '../../../../definition/objects.js';
import { evidenceLines } from '../../evidence.js';
import type { Column } from '../../output/format.js';
import { categoryCounts, type HtmlDocument } from '../../output/html/html-document.js';
import { leftOutText } from '../../output/left-out.js';
import type { RowView } from '../../output/render.js';
import { countOf, resultCounts } from '../../output/table.js';
import { shortRuleName } from '../../rule-names.js';
import type { Coverage, PackDeployment, ReportResult, ReportRow } from './report-types.js';

const csvColumns: readonly Column<ReportRow>[] = [
  { header: 'accountId', cell: (row) => row.accountId },
  { header: 'region', cell: (row) => row.region },
  { header: 'ruleName', cell: (row) => row.ruleName },
  { header: 'compliance', cell: (row) => row.compliance },
  { header: 'resultRecordedTime', cell: (row) => row.resultRecordedTime },
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
    { header: 'DEPLOYED AS', cell: (row) => shortRuleName(row.ruleName, ruleName) },
    { header: 'COMPLIANCE', cell: (row) => row.compliance },
    { header: 'RECORDED', cell: recorded },
    { header: 'DETAIL', cell: (row) => row.error ?? row.note ?? row.annotation },
  ];
  const summary = (shown: readonly ReportRow[]) =>
    `${resultsLine(shown)}\n${coverageLine(result.coverage)}`;
  return {
    csvColumns,
    tableColumns,
    summary,
    heading: [
      ...evidenceLines(result.evidence),
      `Deployment: ${deploymentLine(result.deployment)}`,
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

/** `200 results in 100 accounts: 154 COMPLIANT, …`. */
function resultsLine(rows: readonly ReportRow[]): string {
  const accounts = new Set(rows.map((row) => row.accountId)).size;
  return `${countOf(rows.length, 'result', 'results')} in ${countOf(accounts, 'account', 'accounts')}: ${resultCounts(rows.map((row) => row.compliance))}`;
}

/** `412 of 415 accounts: 409 COMPLIANT, 3 NON_COMPLIANT; 2 excluded, 1 no result`, and what was left out. */
export function coverageLine(coverage: Coverage): string {
  if (!coverage.checked)
    return `Coverage not checked: ${coverage.reason ?? 'the organization was not read'}`;
  const gaps = [
    `${coverage.excluded} excluded`,
    `${coverage.noResult} no result`,
    ...(coverage.unreadable > 0 ? [`${coverage.unreadable} unreadable`] : []),
  ];
  const outside = coverage.outsideOrganization.length;
  return [
    `${coverage.withResult} of ${countOf(coverage.activeAccounts, 'account', 'accounts')}: ${coverage.compliant} COMPLIANT, ${coverage.nonCompliant} NON_COMPLIANT; ${gaps.join(', ')}`,
    leftOutText(coverage.leftOut),
    outside > 0 ? `; ${countOf(outside, 'account', 'accounts')} outside the organization` : '',
  ].join('');
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
      deployedAs: shortRuleName(row.ruleName, ruleName),
      compliance: row.compliance,
      ...definedFields({ recorded: recorded(row) }),
      ...(row.annotation !== undefined && { annotation: row.annotation }),
      ...((row.error ?? row.note) !== undefined && { problem: row.error ?? row.note }),
    })),
    cards: coverage.checked
      ? {
          compliant: coverage.compliant,
          'non-compliant': coverage.nonCompliant,
          'no-result': coverage.noResult,
          excluded: coverage.excluded,
          error: coverage.unreadable,
          'not-applicable': 0,
        }
      : categoryCounts(rows.map((row) => row.compliance)),
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
