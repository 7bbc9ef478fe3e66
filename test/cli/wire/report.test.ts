import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NO_RESULT_REASON } from '../../../cli/src/commands/report/report.js';
import {
  type AggregateEvaluation,
  type AwsEndpoint,
  awsError,
  createWorld,
  deployedRuleName,
  generateAggregateEvaluations,
  generatedAccountId,
  startAwsEndpoint,
  withEnv,
} from '../../../tools/aws-endpoint/index.js';
import { type CliRun, run } from '../capture-io.js';

/**
 * `report` with the real SDK clients against the local endpoint's simulated
 * aggregators. "org" holds 100 accounts in two Regions with the rule under
 * its own, conformance-pack and organization names, next to six other rules,
 * among them `root-access-key-rule-v2`: 1,400 summary entries over 2 pages
 * plus an empty one in between; every detail read starts with an empty page.
 */
const ACCOUNTS = 100;
const REGIONS = ['us-east-1', 'eu-west-1'];
const orgEvaluations = generateAggregateEvaluations({
  accountCount: ACCOUNTS,
  regions: REGIONS,
  nonCompliantEvery: 10,
  notApplicableEvery: 7,
  otherRules: [
    'root-access-key-rule-v2',
    'iam-password-policy',
    'iam-root-access-key-check',
    'OrgConfigRule-root-access-key-rule-v2-xyz789gh',
    'root-access-key-rule-v2-conformance-pack-abc123de',
    'mfa-enabled-for-iam-console-access',
  ],
});
/** NOT_APPLICABLE accounts (every 7th, but 70 is NON_COMPLIANT), in both Regions. */
const NOT_APPLICABLE_ROWS = 13 * REGIONS.length;
const compliantEvaluations = generateAggregateEvaluations({
  accountCount: 5,
  nonCompliantEvery: 0,
});
const world = createWorld({
  now: new Date('2026-11-28T12:00:00Z'),
  aggregators: [
    { name: 'org', evaluations: orgEvaluations },
    { name: 'clean', evaluations: compliantEvaluations },
  ],
  emptyPages: {
    DescribeAggregateComplianceByConfigRules: [1],
    GetAggregateComplianceDetailsByConfigRule: [0],
  },
});
let endpoint: AwsEndpoint;

beforeAll(async () => {
  endpoint = await startAwsEndpoint({ world });
});
afterAll(() => endpoint.close());
beforeEach(() => endpoint.reset());

function report(...argv: string[]): Promise<CliRun> {
  return withEnv(endpoint.env(), () => run(['report', ...argv]));
}

function json(result: CliRun): Array<Record<string, unknown>> {
  return JSON.parse(result.stdout) as Array<Record<string, unknown>>;
}

/** Why a NOT_APPLICABLE account, which the aggregator does not return, fails a report. */
const NO_RESULT_ERROR = `${NO_RESULT_REASON}; check the account with evaluate, or pass --allow-insufficient-data if the rule reports NOT_APPLICABLE (RootWithoutCredentials=NOT_APPLICABLE)`;

/**
 * The rows the report must print: the rule's evaluations only, sorted. The
 * aggregator returns no NOT_APPLICABLE result: such an account is an
 * INSUFFICIENT_DATA row with an error, or with a note when that is allowed.
 */
function expectedRows(
  evaluations: readonly AggregateEvaluation[],
  { ruleName = 'root-access-key-rule', allowInsufficientData = false } = {},
) {
  return evaluations
    .filter(
      (evaluation) =>
        evaluation.ruleName.includes(ruleName) && !evaluation.ruleName.includes(`${ruleName}-v2`),
    )
    .map(({ accountId, region, ruleName, complianceType, annotation, resultRecordedTime }) =>
      complianceType === 'NOT_APPLICABLE'
        ? {
            accountId,
            region,
            ruleName,
            compliance: 'INSUFFICIENT_DATA',
            ...(allowInsufficientData ? { note: NO_RESULT_REASON } : { error: NO_RESULT_ERROR }),
          }
        : {
            accountId,
            region,
            ruleName,
            compliance: complianceType,
            annotation,
            resultRecordedTime: resultRecordedTime.toISOString(),
          },
    )
    .sort((a, b) => (a.accountId + a.region < b.accountId + b.region ? -1 : 1));
}

const count = (action: string) => endpoint.calls.filter((call) => call.action === action).length;

describe('report against the local endpoint', () => {
  it("reads the rule's results under all its names across every page, and exits 1 on NON_COMPLIANT with INSUFFICIENT_DATA allowed", async () => {
    const result = await report(
      '--aggregator',
      'org',
      '--output',
      'json',
      '--concurrency',
      '20',
      '--allow-insufficient-data',
    );
    const rows = json(result);

    expect(result.code).toBe(1);
    expect(rows).toEqual(expectedRows(orgEvaluations, { allowInsufficientData: true }));
    expect(rows).toHaveLength(ACCOUNTS * REGIONS.length);
    expect(new Set(rows.map((row) => row.ruleName))).toEqual(
      new Set([deployedRuleName(0), deployedRuleName(1), deployedRuleName(2)]),
    );
    expect(rows.filter((row) => row.compliance === 'NON_COMPLIANT')).toHaveLength(20);
    expect(rows.filter((row) => row.note !== undefined)).toHaveLength(NOT_APPLICABLE_ROWS);
    expect(rows.filter((row) => row.error !== undefined)).toEqual([]);
    expect(count('DescribeAggregateComplianceByConfigRules')).toBe(3);
    expect(count('GetAggregateComplianceDetailsByConfigRule')).toBe(2 * ACCOUNTS * REGIONS.length);
    const asked = new Set(
      endpoint.calls
        .filter((call) => call.action === 'GetAggregateComplianceDetailsByConfigRule')
        .map((call) => call.params.ConfigRuleName),
    );
    expect([...asked].sort()).toEqual(
      [deployedRuleName(0), deployedRuleName(1), deployedRuleName(2)].sort(),
    );
  });

  it('marks accounts without a COMPLIANT or NON_COMPLIANT result (NOT_APPLICABLE) with an error and exits 2', async () => {
    const result = await report('--aggregator', 'org', '--output', 'json', '--concurrency', '20');
    const rows = json(result);

    expect(result.code).toBe(2);
    expect(rows).toEqual(expectedRows(orgEvaluations));
    expect(rows.filter((row) => row.error !== undefined)).toHaveLength(NOT_APPLICABLE_ROWS);
    expect(rows.filter((row) => row.error !== undefined)[0]).toEqual({
      accountId: generatedAccountId(7),
      region: 'eu-west-1',
      ruleName: deployedRuleName(7),
      compliance: 'INSUFFICIENT_DATA',
      error: NO_RESULT_ERROR,
    });
  });

  it('prints accepted INSUFFICIENT_DATA rows in the table, their long note once under it', async () => {
    const result = await report(
      '--aggregator',
      'org',
      '--output',
      'table',
      '--allow-insufficient-data',
    );
    const lines = result.stdout.trimEnd().split('\n');
    const rows = lines.filter((line) => /^\d{12} /.test(line));

    expect(result.code).toBe(1);
    expect(rows.filter((line) => line.includes('INSUFFICIENT_DATA'))).toHaveLength(
      NOT_APPLICABLE_ROWS,
    );
    expect(rows).toContainEqual(
      `${generatedAccountId(7)}  eu-west-1  pack abc123de      INSUFFICIENT_DATA  ${''.padEnd(20)}  see [1]`,
    );
    expect(lines).toContain(`[1] ${NO_RESULT_REASON}`);
    // Each account counted once, by its worst row, in both Regions alike.
    expect(lines.at(-2)).toBe(
      `100 accounts: 77 COMPLIANT, 10 NON_COMPLIANT, ${NOT_APPLICABLE_ROWS / REGIONS.length} INSUFFICIENT_DATA, 0 ERROR`,
    );
    expect(lines.at(-1)).toMatch(
      /^Coverage not checked: organizations:ListAccounts failed: AWSOrganizationsNotInUseException/,
    );
    expect(result.stderr).toMatch(
      /^warning: Coverage not checked: organizations:ListAccounts failed: AWSOrganizationsNotInUseException: .*; only the aggregator's accounts are reported\n$/,
    );
  });

  it('exits 0 when every account is compliant', async () => {
    const result = await report('--aggregator', 'clean', '--output', 'json');

    expect(result.code).toBe(0);
    expect(json(result)).toEqual(expectedRows(compliantEvaluations));
  });

  it('reads another rule when --rule-name names it', async () => {
    const result = await report(
      '--aggregator',
      'clean',
      '--rule-name',
      'iam-password-policy',
      '--output',
      'json',
    );
    const rows = json(result);

    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((row) => row.ruleName))).toEqual(new Set(['iam-password-policy']));
    expect(result.code).toBe(1);
  });

  it('turns a denied detail read into an error row, reads the rest and exits 2, even with INSUFFICIENT_DATA allowed', async () => {
    const denied = generatedAccountId(3);
    endpoint.setDefault('config', 'GetAggregateComplianceDetailsByConfigRule', (call) =>
      call.params.AccountId === denied && call.params.AwsRegion === 'eu-west-1'
        ? awsError(
            'AccessDeniedException',
            'not authorized to perform config:GetAggregateComplianceDetailsByConfigRule',
          )
        : (world.answer(call) ?? awsError('Unexpected', 'world gave no answer')),
    );

    const result = await report(
      '--aggregator',
      'org',
      '--output',
      'json',
      '--allow-insufficient-data',
    );
    const rows = json(result);

    expect(result.code).toBe(2);
    expect(rows).toHaveLength(ACCOUNTS * REGIONS.length);
    expect(rows.filter((row) => row.error !== undefined)).toEqual([
      {
        accountId: denied,
        region: 'eu-west-1',
        ruleName: deployedRuleName(3),
        compliance: 'ERROR',
        error: expect.stringContaining(
          'config:GetAggregateComplianceDetailsByConfigRule was denied',
        ),
      },
    ]);
  });

  it('exits 2 naming the aggregator and Region when the aggregator does not exist', async () => {
    const result = await report('--aggregator', 'missing', '--output', 'json');

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'error: no Config aggregator named "missing" in Region us-east-1 of the caller\'s account (NoSuchConfigurationAggregatorException); give the aggregator\'s name with --aggregator and its Region with --region\n',
    );
    expect(count('DescribeAggregateComplianceByConfigRules')).toBe(1);
  });

  it('exits 2 and lists the rules it saw when the rule is not in the aggregator', async () => {
    const result = await report(
      '--aggregator',
      'clean',
      '--rule-name',
      'not-deployed',
      '--output',
      'json',
    );

    expect(result.code).toBe(2);
    expect(json(result)).toEqual([]);
    expect(result.stderr).toContain('aggregator clean holds no results of rule not-deployed');
    expect(result.stderr).toContain('iam-password-policy');
  });

  it('prints CSV with a header, one record per evaluation', async () => {
    const result = await report('--aggregator', 'clean', '--output', 'csv');
    const records = parse(result.stdout, { columns: true }) as Array<Record<string, string>>;

    expect(result.stdout.split('\r\n')[0]).toBe(
      'accountId,region,ruleName,compliance,recordedCompliance,resultRecordedTime,resultAgeHours,annotation,error,note,accountName,organizationalUnit,packStatus,packErrorCode,packErrorMessage',
    );
    const empty = {
      recordedCompliance: '',
      resultAgeHours: '',
      accountName: '',
      organizationalUnit: '',
      packStatus: '',
      packErrorCode: '',
      packErrorMessage: '',
    };
    expect(records).toEqual(
      expectedRows(compliantEvaluations).map((row) => ({ ...row, error: '', note: '', ...empty })),
    );
  });

  it('prints a table with a summary line', async () => {
    const result = await report('--aggregator', 'clean', '--output', 'table');
    const lines = result.stdout.trimEnd().split('\n');
    const table = lines.indexOf('') + 1;

    expect(lines.slice(0, table)).toEqual([
      expect.stringMatching(
        /^Generated \S+ by arn:aws:iam::111111111111:user\/auditor with root-access-key-rule /,
      ),
      expect.stringMatching(
        /^Organization: unknown \(organizations:DescribeOrganization failed: AWSOrganizationsNotInUseException/,
      ),
      'Aggregator: clean (us-east-1)',
      expect.stringMatching(/^Centralized root access: not readable: /),
      expect.stringMatching(
        /^Deployment: organization conformance pack root-access-key-rule not read: config:DescribeOrganizationConformancePacks failed: OrganizationAccessDeniedException/,
      ),
      'Results counted: any rule named root-access-key-rule, root-access-key-rule-conformance-pack-<suffix> or OrgConfigRule-root-access-key-rule-<suffix>, in any Region (no organization conformance pack root-access-key-rule found)',
      "Maximum result age: 48h (the default, as the rule's period is unknown: no rule of that name in the caller's account and Region); older results are STALE; judged at 2026-11-28T12:00:00Z by AWS's clock (the Date header of Config's answers)",
      '',
    ]);
    expect(lines[table]).toMatch(
      /^ACCOUNT\s+REGION\s+DEPLOYED AS\s+COMPLIANCE\s+RECORDED\s+DETAIL$/,
    );
    expect(lines[table + 1]).toMatch(
      /^200000000000\s+us-east-1\s+rule\s+COMPLIANT\s+2026-11-28T06:00:00Z\s+No root access key exists\.$/,
    );
    expect(lines[table + 2]).toMatch(/^200000000001\s+us-east-1\s+pack abc123de\s+COMPLIANT\s/);
    expect(lines[table + 3]).toMatch(/^200000000002\s+us-east-1\s+org rule xyz789gh\s+COMPLIANT\s/);
    expect(lines.at(-2)).toBe('5 accounts: 5 COMPLIANT, 0 NON_COMPLIANT, 0 ERROR');
  });
});
