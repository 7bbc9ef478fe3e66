import type { Column } from '../../output/format.js';
import type { RowView } from '../../output/render.js';
import { countOf } from '../../output/table.js';
import { RemediationAction } from './plan.js';
import type { RemediationRow } from './rows.js';

const csvColumns: readonly Column<RemediationRow>[] = [
  { header: 'accountId', cell: (row) => row.accountId },
  { header: 'accountName', cell: (row) => row.accountName },
  { header: 'accessKeyId', cell: (row) => row.accessKeyId },
  { header: 'keyStatus', cell: (row) => row.keyStatus },
  { header: 'created', cell: (row) => row.created },
  { header: 'lastUsedDate', cell: (row) => row.lastUsedDate },
  { header: 'lastUsedService', cell: (row) => row.lastUsedService },
  { header: 'lastUsedRegion', cell: (row) => row.lastUsedRegion },
  { header: 'action', cell: (row) => row.action },
  { header: 'reason', cell: (row) => row.reason },
];

const ACTION_ORDER = Object.values(RemediationAction);

/** How `remediate` shows its rows; `closing` ends the table's summary (dry run, cancelled…). */
export function remediationView(
  rows: readonly RemediationRow[],
  closing: string,
): RowView<RemediationRow> {
  const named = rows.some((row) => row.accountName !== undefined);
  const tableColumns: Column<RemediationRow>[] = [
    { header: 'ACCOUNT', cell: (row) => row.accountId },
    ...(named ? [{ header: 'NAME', cell: (row: RemediationRow) => row.accountName }] : []),
    { header: 'ACCESS KEY', cell: (row) => row.accessKeyId },
    { header: 'STATUS', cell: (row) => row.keyStatus },
    { header: 'ACTION', cell: (row) => row.action },
    { header: 'REASON', cell: (row) => row.reason },
  ];
  return {
    csvColumns,
    tableColumns,
    summary: (shown) => {
      const accounts = new Set(shown.map((row) => row.accountId)).size;
      const counts = ACTION_ORDER.map(
        (action) => [action, shown.filter((row) => row.action === action).length] as const,
      )
        .filter(([, count]) => count > 0)
        .map(([action, count]) => `${count} ${action}`);
      return `${countOf(accounts, 'account', 'accounts')}: ${counts.join(', ') || 'nothing to do'}\n${closing}`;
    },
  };
}
