import { describe, expect, it } from 'vitest';
import {
  applyCoverage,
  type CoverageInput,
} from '../../../../cli/src/commands/report/report-coverage.js';
import type {
  PackDeployment,
  ReportRow,
} from '../../../../cli/src/commands/report/report-types.js';
import type { OrganizationDirectory } from '../../../../cli/src/organization-directory.js';
import type { DirectoryAccount } from '../../../../cli/src/organization-types.js';

const account = (id: string, state = 'ACTIVE', ou = 'Root/Workloads/Prod'): DirectoryAccount => ({
  id,
  name: `name-${id}`,
  state,
  organizationalUnit: ou,
});
const directoryOf = (accounts: DirectoryAccount[], complete = true): OrganizationDirectory => ({
  readable: true,
  complete,
  accounts,
  byId: new Map(accounts.map((entry) => [entry.id, entry])),
});
const result = (accountId: string, compliance: string, region = 'us-east-1'): ReportRow => ({
  accountId,
  region,
  ruleName: 'root-access-key-rule',
  compliance,
});
const pack: PackDeployment = {
  packName: 'root-access-key-rule',
  found: true,
  excludedAccounts: ['222222222222'],
  statusCounts: {},
  problems: [],
};

function input(overrides: Partial<CoverageInput>): CoverageInput {
  return {
    rows: [],
    directory: directoryOf([]),
    deployment: pack,
    statuses: new Map(),
    ruleName: 'root-access-key-rule',
    region: 'us-east-1',
    allowMissingAccounts: false,
    ...overrides,
  };
}

describe('applyCoverage', () => {
  it('gives every ACTIVE account a row, says why a missing one has none, and counts per account', () => {
    const { rows, coverage } = applyCoverage(
      input({
        rows: [
          result('111111111111', 'COMPLIANT'),
          result('333333333333', 'NON_COMPLIANT'),
          result('333333333333', 'COMPLIANT', 'eu-west-1'),
          result('999999999999', 'COMPLIANT'),
        ],
        directory: directoryOf([
          account('111111111111'),
          account('222222222222'),
          account('333333333333'),
          account('444444444444'),
          account('555555555555', 'SUSPENDED'),
        ]),
        statuses: new Map([
          [
            '444444444444',
            {
              accountId: '444444444444',
              status: 'CREATE_FAILED',
              errorCode: 'NoAvailableConfigurationRecorder',
              errorMessage: 'Config recorder is not available.',
            },
          ],
        ]),
      }),
    );

    expect(rows.map((row) => [row.accountId, row.region, row.compliance])).toEqual([
      ['111111111111', 'us-east-1', 'COMPLIANT'],
      ['222222222222', 'us-east-1', 'EXCLUDED'],
      ['333333333333', 'eu-west-1', 'COMPLIANT'],
      ['333333333333', 'us-east-1', 'NON_COMPLIANT'],
      ['444444444444', 'us-east-1', 'NO_RESULT'],
      ['999999999999', 'us-east-1', 'COMPLIANT'],
    ]);
    expect(rows[1]).toEqual({
      accountId: '222222222222',
      accountName: 'name-222222222222',
      organizationalUnit: 'Root/Workloads/Prod',
      region: 'us-east-1',
      ruleName: 'root-access-key-rule',
      compliance: 'EXCLUDED',
      note: 'excluded from organization conformance pack root-access-key-rule (ExcludedAccounts): the rule is not deployed here on purpose',
    });
    expect(rows[4]).toEqual({
      accountId: '444444444444',
      accountName: 'name-444444444444',
      organizationalUnit: 'Root/Workloads/Prod',
      region: 'us-east-1',
      ruleName: 'root-access-key-rule',
      compliance: 'NO_RESULT',
      error:
        'organization conformance pack root-access-key-rule failed in this account (CREATE_FAILED: NoAvailableConfigurationRecorder: Config recorder is not available.); check the account with evaluate, or pass --allow-missing-accounts to accept accounts without a result',
      packStatus: 'CREATE_FAILED',
      packErrorCode: 'NoAvailableConfigurationRecorder',
      packErrorMessage: 'Config recorder is not available.',
    });
    expect(rows[0]).toMatchObject({
      accountName: 'name-111111111111',
      organizationalUnit: 'Root/Workloads/Prod',
    });
    expect(rows[5]).not.toHaveProperty('accountName');
    expect(coverage).toEqual({
      checked: true,
      activeAccounts: 4,
      withResult: 2,
      compliant: 1,
      nonCompliant: 1,
      stale: 0,
      conflict: 0,
      insufficientData: 0,
      excluded: 1,
      noResult: 1,
      unreadable: 0,
      ignoredResults: 0,
      leftOut: [account('555555555555', 'SUSPENDED')],
      outsideOrganization: ['999999999999'],
    });
  });

  it('says which deployment state an account without a result is in', () => {
    const statuses = new Map(
      [
        ['111111111111', 'CREATE_IN_PROGRESS'],
        ['222222222222', 'UPDATE_SUCCESSFUL'],
        ['333333333333', 'DELETE_SUCCESSFUL'],
      ].map(([accountId, status]) => [
        accountId as string,
        { accountId: accountId as string, status: status as string },
      ]),
    );
    const { rows } = applyCoverage(
      input({
        directory: directoryOf(
          ['111111111111', '222222222222', '333333333333', '444444444444'].map((id) => account(id)),
        ),
        deployment: { ...pack, excludedAccounts: [] },
        statuses,
      }),
    );

    expect(rows.map((row) => row.error)).toEqual([
      expect.stringMatching(
        /^organization conformance pack root-access-key-rule is still being deployed in this account \(CREATE_IN_PROGRESS\); no result yet;/,
      ),
      expect.stringMatching(
        /is deployed in this account \(UPDATE_SUCCESSFUL\), but the aggregator holds no result of the rule: not evaluated yet, no configuration recorder, or the account is not a source of the aggregator;/,
      ),
      expect.stringMatching(/was removed from this account \(DELETE_SUCCESSFUL\);/),
      expect.stringMatching(/has no deployment status for this account \(not deployed here\);/),
    ]);
  });

  it('accepts missing accounts with a note when asked, and says when the pack is unknown', () => {
    const { rows } = applyCoverage(
      input({
        directory: directoryOf([account('111111111111')]),
        deployment: { ...pack, found: false, note: 'no organization conformance pack named x' },
        allowMissingAccounts: true,
      }),
    );

    expect(rows).toEqual([
      expect.objectContaining({
        compliance: 'NO_RESULT',
        note: 'no result of the rule in the aggregator for this ACTIVE account; deployment status unknown (no organization conformance pack named x)',
      }),
    ]);
    expect(rows[0]).not.toHaveProperty('error');
  });

  it('counts an account with only errors as unreadable, and one with INSUFFICIENT_DATA as such, with its pack status', () => {
    const { rows, coverage } = applyCoverage(
      input({
        rows: [result('111111111111', 'ERROR'), result('222222222222', 'INSUFFICIENT_DATA')],
        directory: directoryOf([account('111111111111'), account('222222222222')]),
        deployment: { ...pack, excludedAccounts: [] },
        statuses: new Map([
          ['222222222222', { accountId: '222222222222', status: 'CREATE_SUCCESSFUL' }],
        ]),
      }),
    );

    expect(coverage).toMatchObject({
      withResult: 0,
      unreadable: 1,
      insufficientData: 1,
      noResult: 0,
    });
    expect(rows[1]).toMatchObject({
      compliance: 'INSUFFICIENT_DATA',
      packStatus: 'CREATE_SUCCESSFUL',
    });
  });

  it('checks nothing when the organization could not be listed whole, but names the accounts it knows', () => {
    const unreadable = applyCoverage(
      input({
        rows: [result('111111111111', 'COMPLIANT')],
        directory: {
          readable: false,
          reason: 'organizations:ListAccounts was denied',
          error: new Error(),
        },
      }),
    );
    const partial = applyCoverage(
      input({
        rows: [result('111111111111', 'COMPLIANT')],
        directory: directoryOf([account('111111111111')], false),
      }),
    );

    expect(unreadable.coverage).toMatchObject({
      checked: false,
      reason: 'organizations:ListAccounts was denied',
    });
    expect(unreadable.rows).toEqual([result('111111111111', 'COMPLIANT')]);
    expect(partial.coverage.checked).toBe(false);
    expect(partial.rows[0]).toMatchObject({ accountName: 'name-111111111111' });
  });

  it('counts each account once by its worst row, never by an IGNORED one, and gives an account with only IGNORED rows a NO_RESULT row', () => {
    const { rows, coverage } = applyCoverage(
      input({
        rows: [
          result('111111111111', 'COMPLIANT'),
          result('111111111111', 'STALE', 'eu-west-1'),
          result('333333333333', 'IGNORED'),
          result('444444444444', 'CONFLICT'),
          result('444444444444', 'CONFLICT'),
        ],
        directory: directoryOf([
          account('111111111111'),
          account('333333333333'),
          account('444444444444'),
        ]),
        statuses: new Map([
          ['333333333333', { accountId: '333333333333', status: 'CREATE_FAILED' }],
        ]),
      }),
    );

    expect(coverage).toMatchObject({
      activeAccounts: 3,
      withResult: 0,
      compliant: 0,
      stale: 1,
      conflict: 1,
      noResult: 1,
      ignoredResults: 1,
    });
    expect(rows.filter((row) => row.accountId === '333333333333')).toEqual([
      expect.objectContaining({ compliance: 'IGNORED', packStatus: 'CREATE_FAILED' }),
      expect.objectContaining({
        compliance: 'NO_RESULT',
        error: expect.stringContaining(
          '1 result of another rule, Region or pack ignored (see the IGNORED rows)',
        ),
      }),
    ]);
  });
});
