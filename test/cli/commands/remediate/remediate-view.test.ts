import { describe, expect, it } from 'vitest';
import {
  closingLine,
  remediationSummary,
} from '../../../../cli/src/commands/remediate/remediate-view.js';
import type { RemediationRow } from '../../../../cli/src/commands/remediate/row.js';

const account = (accountId: string, action: string) =>
  ({ accountId, action, reason: '' }) as RemediationRow;
const key = (accountId: string, action: string) =>
  ({ accountId, accessKeyId: `AKIA${accountId}`, action, reason: '' }) as RemediationRow;

describe('remediationSummary', () => {
  it('counts accounts and keys apart', () => {
    const rows = [
      account('1', 'NO_KEYS'),
      key('2', 'SKIPPED'),
      key('2', 'WOULD_DELETE'),
      key('3', 'WOULD_DELETE'),
      account('4', 'NO_KEYS'),
      account('5', 'FAILED'),
      account('6', 'LEFT_OUT'),
    ];
    expect(remediationSummary(rows)).toBe(
      '6 accounts: 2 with keys, 1 FAILED, 2 NO_KEYS, 1 LEFT_OUT\n3 root access keys: 2 WOULD_DELETE, 1 SKIPPED',
    );
  });

  it('says when no key was listed, and never pluralizes one', () => {
    expect(remediationSummary([account('1', 'FAILED')])).toBe(
      '1 account: 1 FAILED\nNo root access key listed.',
    );
    expect(remediationSummary([key('1', 'DELETED')])).toBe(
      '1 account: 1 with keys\n1 root access key: 1 DELETED',
    );
  });
});

describe('closingLine', () => {
  it.each([
    [
      'dry-run',
      [key('1', 'WOULD_DELETE')],
      /^Dry run: nothing was changed\. Run again with --apply/,
    ],
    [
      'dry-run',
      [account('1', 'NO_KEYS')],
      /^Dry run: nothing was changed; no key would be deleted\.$/,
    ],
    [
      'applied',
      [key('1', 'DELETED'), key('2', 'DELETED')],
      /^Applied: 2 keys were deleted and verified gone\.$/,
    ],
    ['applied', [key('1', 'DELETED')], /^Applied: 1 key was deleted and verified gone\.$/],
    ['applied', [key('1', 'KEPT'), account('2', 'NO_KEYS')], /^Applied: nothing was deleted\.$/],
    ['cancelled', [key('1', 'WOULD_DELETE')], /^Cancelled: nothing was deleted\.$/],
  ] as const)('%s with %j', (outcome, rows, line) => {
    expect(closingLine({ outcome, rows })).toMatch(line);
  });
});
