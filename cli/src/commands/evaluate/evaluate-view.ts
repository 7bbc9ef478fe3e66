import { DefaultName } from '../../../../definition/names.js';
import { definedFields } from '../../../../definition/objects.js';
import { evidenceLines } from '../../evidence.js';
import type { Column } from '../../output/format.js';
import { categoryCounts, severityRank } from '../../output/html/html-document.js';
import { leftOutText } from '../../output/left-out.js';
import type { RowView } from '../../output/render.js';
import { countOf, resultCounts } from '../../output/table.js';
import type { EvaluateResult, EvaluationRow } from './evaluate.js';
import { describeKeyFields, keyColumns } from './key-fields.js';

const csvColumns: readonly Column<EvaluationRow>[] = [
  { header: 'accountId', cell: (row) => row.accountId },
  { header: 'accountName', cell: (row) => row.accountName },
  { header: 'compliance', cell: (row) => row.compliance },
  { header: 'accessKeysPresent', cell: (row) => row.accessKeysPresent },
  { header: 'annotation', cell: (row) => row.annotation },
  { header: 'error', cell: (row) => row.error },
  { header: 'organizationalUnit', cell: (row) => row.organizationalUnit },
  { header: 'keySource', cell: (row) => row.keySource },
  ...keyColumns<EvaluationRow>(),
  { header: 'rootCredentialsManagement', cell: (row) => flag(row.rootCredentialsManagement) },
  { header: 'rootSessions', cell: (row) => flag(row.rootSessions) },
];

function flag(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

const detail: Column<EvaluationRow> = {
  header: 'DETAIL',
  cell: (row) => row.error ?? row.annotation,
};

/**
 * How `evaluate` shows its rows: NAME and OU columns only when some account
 * has one; the evidence (centralized root access among it) above the table;
 * long errors under it.
 */
export function evaluationView(result: EvaluateResult): RowView<EvaluationRow> {
  const { rows } = result;
  const named = rows.some((row) => row.accountName !== undefined);
  const placed = rows.some((row) => row.organizationalUnit !== undefined);
  const tableColumns: Column<EvaluationRow>[] = [
    { header: 'ACCOUNT', cell: (row) => row.accountId },
    ...(named ? [{ header: 'NAME', cell: (row: EvaluationRow) => row.accountName }] : []),
    ...(placed ? [{ header: 'OU', cell: (row: EvaluationRow) => row.organizationalUnit }] : []),
    { header: 'COMPLIANCE', cell: (row) => row.compliance },
    detail,
  ];
  const summary = (shown: readonly EvaluationRow[]) =>
    `${countOf(shown.length, 'account', 'accounts')}: ${resultCounts(shown.map((row) => row.compliance))}${leftOutText(result.leftOut)}`;
  return {
    csvColumns,
    tableColumns,
    tableOrder: (a, b) =>
      severityRank(a.compliance) - severityRank(b.compliance) ||
      (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0),
    summary,
    heading: evidenceLines(result.evidence),
    details: { column: 'DETAIL', text: (row) => row.error },
    findings: {
      callerArn: result.evidence.callerArn,
      region: result.region,
      ruleName: DefaultName.rule,
      generatedAt: result.evidence.generatedAt,
      toolVersion: result.evidence.toolVersion,
      ...definedFields({ organizationId: result.evidence.organizationId }),
    },
    html: (shown) => ({
      title: 'Root access key evaluation',
      subject: `${countOf(shown.length, 'account', 'accounts')} evaluated now with the rule's decision (nothing sent to AWS Config)`,
      evidence: result.evidence,
      rows: shown.map((row) => ({
        accountId: row.accountId,
        ...(row.accountName !== undefined && { accountName: row.accountName }),
        ...(row.organizationalUnit !== undefined && { organizationalUnit: row.organizationalUnit }),
        compliance: row.compliance,
        ...definedFields({
          keys: row.accessKeysPresent,
          keyDetails: describeKeyFields(row.keys, row.keySource),
        }),
        ...(row.annotation !== undefined && { annotation: row.annotation }),
        ...(row.error !== undefined && { problem: row.error }),
      })),
      cards: categoryCounts(shown.map((row) => row.compliance)),
      summary: summary(shown),
      ...(result.leftOut.length > 0 && {
        coverage: {
          checked: true,
          summary: `Every ACTIVE account of the organization was evaluated${leftOutText(result.leftOut)}.`,
          leftOut: result.leftOut,
          outsideOrganization: [],
        },
      }),
    }),
  };
}
