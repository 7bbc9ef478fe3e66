import { describe, expect, it } from 'vitest';
import { judgeRows } from '../../../../cli/src/commands/report/report-judgement.js';
import type {
  PackDeployment,
  PackStatusRow,
  ReportRow,
} from '../../../../cli/src/commands/report/report-types.js';

const HOUR = 3_600_000;
const NOW = new Date('2026-11-28T12:00:00Z');
const PACK_RULE = 'root-access-key-rule-conformance-pack-abc123de';
const pack: PackDeployment = {
  packName: 'root-access-key-rule',
  found: true,
  excludedAccounts: [],
  statusCounts: {},
  problems: [],
};
const noPack: PackDeployment = { ...pack, found: false };

function row(accountId: string, hoursAgo: number, fields: Partial<ReportRow> = {}): ReportRow {
  return {
    accountId,
    region: 'eu-west-1',
    ruleName: PACK_RULE,
    compliance: 'COMPLIANT',
    resultRecordedTime: new Date(NOW.getTime() - hoursAgo * HOUR).toISOString(),
    ...fields,
  };
}

function judge(
  rows: readonly ReportRow[],
  deployment = pack,
  statuses: Record<string, string> = {},
): string[] {
  const statusMap = new Map<string, PackStatusRow>(
    Object.entries(statuses).map(([accountId, status]) => [accountId, { accountId, status }]),
  );
  return judgeRows({
    rows,
    ruleName: 'root-access-key-rule',
    deployment,
    statuses: statusMap,
    region: 'eu-west-1',
    maxAge: { ms: 48 * HOUR, source: 'test' },
    now: NOW,
  }).map((judged) => `${judged.accountId} ${judged.region} ${judged.compliance}`);
}

describe('judgeRows', () => {
  it('counts a result within the maximum age, and makes an older or undated one STALE', () => {
    const { resultRecordedTime: _, ...undated } = row('3', 1);
    expect(judge([row('1', 48), row('2', 48.01), undated], noPack)).toEqual([
      '1 eu-west-1 COMPLIANT',
      '2 eu-west-1 STALE',
      '3 eu-west-1 STALE',
    ]);
  });

  it('leaves INSUFFICIENT_DATA and error rows as they are', () => {
    expect(
      judge(
        [
          row('1', 100, { compliance: 'INSUFFICIENT_DATA' }),
          row('2', 100, { compliance: 'ERROR' }),
        ],
        noPack,
      ),
    ).toEqual(['1 eu-west-1 INSUFFICIENT_DATA', '2 eu-west-1 ERROR']);
  });

  it('with a pack, ignores other names, other Regions and accounts where the pack failed, was removed or has no status', () => {
    const statuses = {
      '1': 'CREATE_SUCCESSFUL',
      '2': 'CREATE_SUCCESSFUL',
      '3': 'CREATE_SUCCESSFUL',
      '4': 'UPDATE_FAILED',
      '5': 'DELETE_SUCCESSFUL',
      '7': 'UPDATE_IN_PROGRESS',
    };
    expect(
      judge(
        [
          row('1', 1),
          row('2', 1, { ruleName: 'OrgConfigRule-root-access-key-rule-xyz789gh' }),
          row('3', 1, { region: 'ap-south-2' }),
          row('4', 1),
          row('5', 1),
          row('6', 1),
          row('7', 1),
        ],
        pack,
        statuses,
      ),
    ).toEqual([
      '1 eu-west-1 COMPLIANT',
      '2 eu-west-1 IGNORED',
      '3 ap-south-2 IGNORED',
      '4 eu-west-1 IGNORED',
      '5 eu-west-1 IGNORED',
      '6 eu-west-1 IGNORED',
      '7 eu-west-1 COMPLIANT',
    ]);
  });

  it('makes both rows CONFLICT when two rules claim to be the pack’s in one account and Region', () => {
    const statuses = { '1': 'CREATE_SUCCESSFUL' };
    expect(
      judge(
        [
          row('1', 1),
          row('1', 1, {
            ruleName: 'root-access-key-rule-conformance-pack-zz999999',
            compliance: 'NON_COMPLIANT',
          }),
          row('1', 1, { region: 'us-east-1' }),
        ],
        pack,
        statuses,
      ),
    ).toEqual(['1 eu-west-1 CONFLICT', '1 eu-west-1 CONFLICT', '1 us-east-1 IGNORED']);
  });

  it('keeps every name in every Region without a pack', () => {
    expect(
      judge(
        [row('1', 1, { ruleName: 'root-access-key-rule', region: 'ap-south-2' }), row('1', 1)],
        noPack,
      ),
    ).toEqual(['1 ap-south-2 COMPLIANT', '1 eu-west-1 COMPLIANT']);
  });
});
