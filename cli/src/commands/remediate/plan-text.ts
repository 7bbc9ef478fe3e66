import type { Column } from '../../output/format.js';
import { countOf, renderTable } from '../../output/table.js';
import { formatDuration, formatTime, idleMs } from './plan.js';
import type { PlanDocument, PlannedAccount, PlannedKey } from './plan-document.js';

interface PlanLine {
  readonly account: PlannedAccount;
  readonly key: PlannedKey;
}

/** Control characters (terminal escapes among them) never reach the terminal from AWS's text. */
function safe(text: string | undefined): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return (text ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

function lastUse(key: PlannedKey): string {
  if (key.lastUsedAt === undefined) return 'never';
  const where = [key.lastUsedService, key.lastUsedRegion].filter(Boolean).join(', ');
  return `${formatTime(key.lastUsedAt)}${where === '' ? '' : ` (${safe(where)})`}`;
}

function idle(key: PlannedKey, now: Date): string {
  const ms = idleMs({ active: true, ...key }, now);
  return ms === undefined ? 'unknown' : formatDuration(ms);
}

function why(key: PlannedKey, minIdleDays: number): string {
  const what = key.lastUsedAt === undefined ? 'never used, created' : 'last used';
  return `${what} more than ${minIdleDays} days ago (--min-idle-days)`;
}

/**
 * The whole plan as a person reviews it before consenting: every key to be
 * deleted (account, name, key id, status, creation, last use with service and
 * Region, idle time, why), then the count, by AWS's clock `now`.
 */
export function planText(plan: PlanDocument, now: Date): string {
  const lines: PlanLine[] = plan.accounts.flatMap((account) =>
    account.keys.filter((key) => key.action === 'delete').map((key) => ({ account, key })),
  );
  const kept = plan.accounts.flatMap((account) =>
    account.keys.filter((key) => key.action === 'keep'),
  );
  const columns: Column<PlanLine>[] = [
    { header: 'ACCOUNT', cell: (line) => safe(line.account.accountId) },
    { header: 'NAME', cell: (line) => safe(line.account.accountName) },
    { header: 'ACCESS KEY', cell: (line) => safe(line.key.accessKeyId) },
    { header: 'STATUS', cell: (line) => line.key.status },
    {
      header: 'CREATED',
      cell: (line) =>
        line.key.createdAt === undefined ? 'unknown' : formatTime(line.key.createdAt),
    },
    { header: 'LAST USED', cell: (line) => lastUse(line.key) },
    { header: 'IDLE', cell: (line) => idle(line.key, now) },
    { header: 'WHY', cell: (line) => why(line.key, plan.options.minIdleDays) },
  ];
  const accounts = new Set(lines.map((line) => line.account.accountId)).size;
  const summary = [
    `${countOf(lines.length, 'root access key', 'root access keys')} in ${countOf(accounts, 'account', 'accounts')} to delete`,
    kept.length > 0 ? `; ${countOf(kept.length, 'key', 'keys')} kept by the idle guard` : '',
    '.',
  ].join('');
  return [
    `The plan, made ${formatTime(plan.createdAt)} by AWS's clock (--min-idle-days ${plan.options.minIdleDays}), by ${safe(plan.caller.arn)}:`,
    '',
    renderTable(lines, columns, summary).trimEnd(),
    'Right before each deletion the key is looked at again: one used since the plan, or changed, is kept.',
    '',
  ].join('\n');
}

/** The question after the plan. */
export function consentQuestion(plan: PlanDocument): string {
  const keys = plan.accounts.flatMap((account) =>
    account.keys.filter((key) => key.action === 'delete'),
  );
  const accounts = plan.accounts.filter((account) =>
    account.keys.some((key) => key.action === 'delete'),
  ).length;
  const these =
    keys.length === 1 ? 'this root access key' : `these ${keys.length} root access keys`;
  return `Delete ${these} in ${countOf(accounts, 'account', 'accounts')}? This cannot be undone.`;
}
