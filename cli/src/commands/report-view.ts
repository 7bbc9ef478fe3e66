import type { Column } from '../output/format.js';
import type { RowView } from '../output/render.js';
import { countOf, resultCounts } from '../output/table.js';
import type { ReportRow } from './report.js';

const csvColumns: readonly Column<ReportRow>[] = [
  { header: 'accountId', cell: (row) => row.accountId },
  { header: 'region', cell: (row) => row.region },
  { header: 'ruleName', cell: (row) => row.ruleName },
  { header: 'compliance', cell: (row) => row.compliance },
  { header: 'resultRecordedTime', cell: (row) => row.resultRecordedTime },
  { header: 'annotation', cell: (row) => row.annotation },
  { header: 'error', cell: (row) => row.error },
  { header: 'note', cell: (row) => row.note },
];

const tableColumns: readonly Column<ReportRow>[] = [
  { header: 'ACCOUNT', cell: (row) => row.accountId },
  { header: 'REGION', cell: (row) => row.region },
  { header: 'RULE', cell: (row) => row.ruleName },
  { header: 'COMPLIANCE', cell: (row) => row.compliance },
  { header: 'RECORDED', cell: (row) => row.resultRecordedTime?.replace(/\.\d{3}Z$/, 'Z') },
  { header: 'DETAIL', cell: (row) => row.error ?? row.note ?? row.annotation },
];

/** How `report` shows its rows. */
export const reportView: RowView<ReportRow> = {
  csvColumns,
  tableColumns,
  summary: (rows) => {
    const accounts = new Set(rows.map((row) => row.accountId)).size;
    const results = rows.map((row) => row.compliance);
    return `${countOf(rows.length, 'result', 'results')} in ${countOf(accounts, 'account', 'accounts')}: ${resultCounts(results)}`;
  },
};
