import type { Column } from '../../output/format.js';
import type { RowView } from '../../output/render.js';
import { countOf } from '../../output/table.js';
import { RemediationAction } from './plan.js';
import type { RemediateResult } from './remediate-types.js';
import type { RemediationRow } from './rows.js';

const csvColumns: readonly Column<RemediationRow>[] = [
  { header: 'accountId', cell: (row) => row.accountId },
  { header: 'accountName', cell: (row) => row.accountName },
  { header: 'accessKeyId', cell: (row) => row.accessKeyId },
  { header: 'keyStatus', cell: (row) => row.keyStatus },
  { header: 'created', cell: (row) => row.created },
  { header: 'createdAt', cell: (row) => row.createdAt },
  { header: 'lastUsedDate', cell: (row) => row.lastUsedDate },
  { header: 'lastUsedAt', cell: (row) => row.lastUsedAt },
  { header: 'lastUsedService', cell: (row) => row.lastUsedService },
  { header: 'lastUsedRegion', cell: (row) => row.lastUsedRegion },
  { header: 'action', cell: (row) => row.action },
  { header: 'reason', cell: (row) => row.reason },
  { header: 'rootCredentialsManagement', cell: (row) => flag(row.rootCredentialsManagement) },
  { header: 'rootSessions', cell: (row) => flag(row.rootSessions) },
];

function flag(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

const ACTION_ORDER = Object.values(RemediationAction);

/** `2 WOULD_DELETE, 1 SKIPPED`, in the order of {@link RemediationAction}. */
function countActions(actions: readonly string[]): string {
  return ACTION_ORDER.map(
    (action) => [action, actions.filter((candidate) => candidate === action).length] as const,
  )
    .filter(([, count]) => count > 0)
    .map(([action, count]) => `${count} ${action}`)
    .join(', ');
}

/**
 * The summary, keys and accounts counted apart: `6 accounts: 2 with keys,
 * 2 NO_KEYS, 1 FAILED, 1 LEFT_OUT` then `3 root access keys: 2 WOULD_DELETE,
 * 1 SKIPPED`. An account is counted by its account row (no keys, failed,
 * left out, out of reach) or else as one with keys.
 */
export function remediationSummary(rows: readonly RemediationRow[]): string {
  const accounts = new Map<string, string>();
  for (const row of rows) {
    if (row.accessKeyId === undefined) accounts.set(row.accountId, row.action);
    else if (!accounts.has(row.accountId)) accounts.set(row.accountId, 'with keys');
  }
  const withKeys = [...accounts.values()].filter((kind) => kind === 'with keys').length;
  const accountParts = [
    ...(withKeys > 0 ? [`${withKeys} with keys`] : []),
    ...(countActions([...accounts.values()]) === '' ? [] : [countActions([...accounts.values()])]),
  ];
  const keys = rows.filter((row) => row.accessKeyId !== undefined).map((row) => row.action);
  return [
    `${countOf(accounts.size, 'account', 'accounts')}: ${accountParts.join(', ') || 'none'}`,
    keys.length === 0
      ? 'No root access key listed.'
      : `${countOf(keys.length, 'root access key', 'root access keys')}: ${countActions(keys)}`,
  ].join('\n');
}

/** What the run did, in one sentence that is true of its rows. */
export function closingLine(result: Pick<RemediateResult, 'outcome' | 'rows'>): string {
  const count = (action: string) => result.rows.filter((row) => row.action === action).length;
  switch (result.outcome) {
    case 'dry-run':
      return count(RemediationAction.WouldDelete) > 0
        ? 'Dry run: nothing was changed. Run again with --apply to delete the WOULD_DELETE keys (or write the plan with --plan-file FILE, review it, then --apply --plan-file FILE).'
        : 'Dry run: nothing was changed; no key would be deleted.';
    case 'cancelled':
      return 'Cancelled: nothing was deleted.';
    default: {
      const deleted = count(RemediationAction.Deleted);
      return deleted > 0
        ? `Applied: ${countOf(deleted, 'key was', 'keys were')} deleted and verified gone.`
        : 'Applied: nothing was deleted.';
    }
  }
}

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
    summary: (shown) => `${remediationSummary(shown)}\n${closing}`,
  };
}
