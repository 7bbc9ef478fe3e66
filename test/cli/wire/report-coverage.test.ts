import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AwsEndpoint, startAwsEndpoint, withEnv } from '../../../tools/aws-endpoint/index.js';
import {
  ACCOUNTS as A,
  coverageWorld,
  HOSTILE_ANNOTATION,
  HOSTILE_NAME,
  rootCredentialsManagementOn,
} from '../../support/coverage-world.js';
import { type CliRun, run } from '../capture-io.js';

/**
 * `report` joined with the organization, end to end over HTTP: accounts
 * missing from the aggregator, an excluded account, a failed pack
 * deployment, a suspended account, nested OUs and hostile text.
 */
const world = coverageWorld();
let endpoint: AwsEndpoint;

beforeAll(async () => {
  endpoint = await startAwsEndpoint({ world });
});
afterAll(() => endpoint.close());
beforeEach(() => {
  endpoint.reset();
  endpoint.setDefault('iam', 'ListOrganizationsFeatures', rootCredentialsManagementOn);
});

function cli(...argv: string[]): Promise<CliRun> {
  return withEnv(endpoint.env('eu-west-1'), () => run(argv));
}

function rows(result: CliRun): Array<Record<string, unknown>> {
  return JSON.parse(result.stdout) as Array<Record<string, unknown>>;
}

const COVERAGE_LINE = `Coverage: 4 of 9 ACTIVE accounts of the organization with a current COMPLIANT or NON_COMPLIANT result; 1 left out (not ACTIVE): ${A.suspended} SUSPENDED; 1 account outside the organization`;
const ADVICE =
  '; check the account with evaluate, or pass --allow-missing-accounts to accept accounts without a result';

describe('report over an organization the aggregator does not fully cover', () => {
  it('gives every ACTIVE account a row saying why it has no result, and exits 2', async () => {
    const result = await cli('report', '--aggregator', 'org', '--output', 'json');
    const byId = new Map(rows(result).map((row) => [row.accountId, row]));

    expect(result.code).toBe(2);
    expect([...byId.keys()]).toEqual([
      A.management,
      A.keyed,
      A.clean,
      A.excluded,
      A.packFailed,
      A.hostile,
      A.neverEvaluated,
      A.notApplicable,
      A.deploying,
      A.outside,
    ]);
    expect(byId.has(A.suspended)).toBe(false);
    expect(byId.get(A.keyed)).toMatchObject({
      accountName: 'payments-prod',
      organizationalUnit: 'Root/Workloads/Prod/Payments',
      compliance: 'NON_COMPLIANT',
    });
    expect(byId.get(A.excluded)).toEqual({
      accountId: A.excluded,
      accountName: 'lab',
      organizationalUnit: 'Root/Sandbox',
      region: 'eu-west-1',
      ruleName: 'root-access-key-rule',
      compliance: 'EXCLUDED',
      note: 'excluded from organization conformance pack root-access-key-rule (ExcludedAccounts): the rule is not deployed here on purpose',
    });
    expect(byId.get(A.packFailed)).toEqual({
      accountId: A.packFailed,
      accountName: 'legacy-sandbox',
      organizationalUnit: 'Root/Sandbox',
      region: 'eu-west-1',
      ruleName: 'root-access-key-rule',
      compliance: 'NO_RESULT',
      error: `organization conformance pack root-access-key-rule failed in this account (CREATE_FAILED: NoAvailableConfigurationRecorder: Config recorder is not available in the member account.)${ADVICE}`,
      packStatus: 'CREATE_FAILED',
      packErrorCode: 'NoAvailableConfigurationRecorder',
      packErrorMessage: 'Config recorder is not available in the member account.',
    });
    expect(byId.get(A.deploying)).toMatchObject({
      compliance: 'NO_RESULT',
      organizationalUnit: 'Root/Workloads/Prod',
      packStatus: 'CREATE_IN_PROGRESS',
      error: expect.stringContaining(
        'is still being deployed in this account (CREATE_IN_PROGRESS)',
      ),
    });
    expect(byId.get(A.neverEvaluated)).toMatchObject({
      compliance: 'NO_RESULT',
      packStatus: 'CREATE_SUCCESSFUL',
      error: expect.stringContaining(
        'is deployed in this account (CREATE_SUCCESSFUL), but the aggregator holds no result',
      ),
    });
    expect(byId.get(A.notApplicable)).toMatchObject({
      compliance: 'INSUFFICIENT_DATA',
      packStatus: 'CREATE_SUCCESSFUL',
      error: expect.stringContaining('it reported NOT_APPLICABLE, which aggregators do not return'),
    });
    expect(byId.get(A.outside)).not.toHaveProperty('accountName');
    expect(result.stderr).toBe(`note: ${COVERAGE_LINE}\n`);
  });

  it('accepts the accounts without a result only when asked, and then exits 1 for the NON_COMPLIANT ones', async () => {
    const onlyMissing = await cli('report', '--aggregator', 'org', '--allow-missing-accounts');
    const both = await cli(
      'report',
      '--aggregator',
      'org',
      '--allow-missing-accounts',
      '--allow-insufficient-data',
      '--output',
      'json',
    );

    expect(onlyMissing.code).toBe(2);
    expect(both.code).toBe(1);
    const failed = rows(both).find((row) => row.accountId === A.packFailed);
    expect(failed).toMatchObject({
      compliance: 'NO_RESULT',
      note: expect.stringContaining('CREATE_FAILED'),
    });
    expect(failed).not.toHaveProperty('error');
  });

  it('never lets an account the aggregator missed pass, while evaluate finds its root keys', async () => {
    const report = await cli('report', '--aggregator', 'org', '--output', 'json');
    const evaluate = await cli(
      'evaluate',
      '--organization',
      '--role-name',
      'RootKeyAudit',
      '--output',
      'json',
    );

    expect(report.code).toBe(2);
    expect(rows(report).find((row) => row.accountId === A.packFailed)?.compliance).toBe(
      'NO_RESULT',
    );
    expect(rows(evaluate).find((row) => row.accountId === A.packFailed)).toMatchObject({
      accountName: 'legacy-sandbox',
      organizationalUnit: 'Root/Sandbox',
      compliance: 'NON_COMPLIANT',
      accessKeysPresent: 2,
    });
    expect(evaluate.stderr).toBe(`note: 1 left out (not ACTIVE): ${A.suspended} SUSPENDED\n`);
  });

  it('prints the evidence, the OU of each account, long reasons once under the table, and both summary lines', async () => {
    const result = await cli('report', '--aggregator', 'org', '--output', 'table');
    const lines = result.stdout.trimEnd().split('\n');

    expect(lines.slice(0, 8)).toEqual([
      expect.stringMatching(
        /^Generated \S+ by arn:aws:iam::111111111111:user\/auditor with root-access-key-rule \S+$/,
      ),
      'Organization: o-exampleorg1',
      'Aggregator: org (eu-west-1)',
      'Centralized root access: RootCredentialsManagement enabled, RootSessions not enabled',
      'Deployment: organization conformance pack root-access-key-rule: 1 CREATE_FAILED, 1 CREATE_IN_PROGRESS, 6 CREATE_SUCCESSFUL; 1 excluded',
      "Results counted: only the organization conformance pack root-access-key-rule's rule (root-access-key-rule-conformance-pack-<suffix>) in eu-west-1, in accounts where the pack is not FAILED; other results are IGNORED",
      "Maximum result age: 48h (the default, as the rule's period is unknown: no rule of that name in the caller's account and Region); older results are STALE; judged at 2026-11-28T12:00:00Z by AWS's clock (the Date header of Config's answers)",
      '',
    ]);
    expect(lines[8]).toMatch(
      /^ACCOUNT\s+NAME\s+OU\s+REGION\s+DEPLOYED AS\s+COMPLIANCE\s+RECORDED\s+DETAIL$/,
    );
    expect(lines.find((line) => line.startsWith(A.packFailed))).toMatch(
      /^200000000004\s+legacy-sandbox\s+Root\/Sandbox\s+eu-west-1\s+NO_RESULT\s+see \[\d\]$/,
    );
    expect(lines.find((line) => line.startsWith(A.hostile))).toContain(HOSTILE_NAME);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^\[\d\] organization conformance pack root-access-key-rule failed in this account \(CREATE_FAILED/,
      ),
    );
    // Non-compliant accounts first, then those without a counted result, compliant ones last.
    const order = lines
      .slice(9)
      .filter((line) => /^\d{12} /.test(line))
      .map((line) => line.slice(0, 12));
    expect(order).toEqual([
      A.keyed,
      A.hostile,
      A.notApplicable,
      A.packFailed,
      A.neverEvaluated,
      A.deploying,
      A.excluded,
      A.outside,
      A.management,
      A.clean,
    ]);
    expect(lines.find((line) => line.startsWith(A.excluded))).toMatch(
      /^200000000003\s+lab\s+Root\/Sandbox\s+eu-west-1\s+EXCLUDED\s/,
    );
    // Each account once, by the state its row shows: the line and the rows agree. The
    // account outside the organization cannot hold the pack's rule: its result is IGNORED.
    expect(lines.find((line) => line.startsWith(A.outside))).toMatch(
      /^300000000000\s+eu-west-1\s+pack abc123de\s+IGNORED\s/,
    );
    expect(lines.at(-2)).toBe(
      "9 accounts: 2 COMPLIANT, 2 NON_COMPLIANT, 1 INSUFFICIENT_DATA, 3 NO_RESULT, 1 EXCLUDED, 0 ERROR; 1 result IGNORED (not the deployed rule's)",
    );
    expect(lines.at(-1)).toBe(COVERAGE_LINE);
    expect(result.stderr).toBe('');
  });

  it('neutralises spreadsheet formulas from member accounts in CSV, one row per result', async () => {
    const result = await cli('report', '--aggregator', 'org', '--output', 'csv');
    const records = parse(result.stdout, { columns: true }) as Array<Record<string, string>>;

    expect(records).toHaveLength(10);
    const hostile = records.find((record) => record.accountId === A.hostile);
    expect(hostile?.accountName).toBe(`'${HOSTILE_NAME}`);
    expect(hostile?.annotation).toBe(HOSTILE_ANNOTATION);
    expect(records.find((record) => record.accountId === A.packFailed)).toMatchObject({
      compliance: 'NO_RESULT',
      packStatus: 'CREATE_FAILED',
      packErrorCode: 'NoAvailableConfigurationRecorder',
    });
  });

  it('reads the pack named by --pack-name, and says when it does not exist', async () => {
    const result = await cli(
      'report',
      '--aggregator',
      'org',
      '--pack-name',
      'other-pack',
      '--output',
      'json',
    );

    expect(result.code).toBe(2);
    expect(rows(result).find((row) => row.accountId === A.excluded)).toMatchObject({
      compliance: 'NO_RESULT',
      error: expect.stringContaining(
        "deployment status unknown (no organization conformance pack named other-pack was deployed from the caller's account in eu-west-1",
      ),
    });
    const asked = endpoint.calls.filter(
      (call) => call.action === 'DescribeOrganizationConformancePacks',
    );
    expect(asked.map((call) => call.params.OrganizationConformancePackNames)).toEqual([
      ['other-pack'],
    ]);
  });

  it('says once that coverage could not be checked when the organization cannot be listed', async () => {
    const denied = {
      kind: 'error',
      status: 400,
      code: 'AccessDeniedException',
      message: 'You don\u2019t have permissions to access this resource.',
      type: 'Sender',
    } as const;
    endpoint.script('organizations', 'ListRoots', denied);
    endpoint.script('organizations', 'ListAccounts', denied);

    const result = await cli('report', '--aggregator', 'org', '--output', 'json');
    const warnings = result.stderr.split('\n').filter((line) => line !== '');

    expect(result.code).toBe(2);
    expect(rows(result)).toHaveLength(6);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^warning: Coverage not checked: organizations:ListAccounts was denied \(AccessDeniedException: .*\); the calling role needs organizations:ListAccounts; only the aggregator's accounts are reported$/,
      ),
    ]);
  });

  it('walks the tree with a bounded number of calls, not one per account', async () => {
    await cli('report', '--aggregator', 'org', '--output', 'json');
    const organizations = endpoint.calls.filter((call) => call.service === 'organizations');

    expect(organizations.map((call) => call.action).sort()).toEqual([
      'DescribeOrganization',
      ...Array(6).fill('ListAccountsForParent'),
      ...Array(6).fill('ListOrganizationalUnitsForParent'),
      'ListRoots',
    ]);
  });
});
