import type { Column } from '../output/format.js';
import type { RowView } from '../output/render.js';
import { countOf, resultCounts } from '../output/table.js';
import { type RootAccessState, rootAccessLine } from '../root-access-state.js';
import type { EvaluationRow } from './evaluate.js';
import { keyColumns } from './key-fields.js';

const csvColumns: readonly Column<EvaluationRow>[] = [
  { header: 'accountId', cell: (row) => row.accountId },
  { header: 'accountName', cell: (row) => row.accountName },
  { header: 'compliance', cell: (row) => row.compliance },
  { header: 'accessKeysPresent', cell: (row) => row.accessKeysPresent },
  { header: 'annotation', cell: (row) => row.annotation },
  { header: 'error', cell: (row) => row.error },
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
 * How `evaluate` shows its rows; the NAME column only when some account has
 * a name. The table's summary also says what centralized root access is.
 */
export function evaluationView(
  rows: readonly EvaluationRow[],
  rootAccess: RootAccessState,
): RowView<EvaluationRow> {
  const named = rows.some((row) => row.accountName !== undefined);
  const tableColumns: Column<EvaluationRow>[] = [
    { header: 'ACCOUNT', cell: (row) => row.accountId },
    ...(named ? [{ header: 'NAME', cell: (row: EvaluationRow) => row.accountName }] : []),
    { header: 'COMPLIANCE', cell: (row) => row.compliance },
    detail,
  ];
  return {
    csvColumns,
    tableColumns,
    summary: (shown) =>
      `${countOf(shown.length, 'account', 'accounts')}: ${resultCounts(shown.map((row) => row.compliance))}\n${rootAccessLine(rootAccess)}`,
  };
}
