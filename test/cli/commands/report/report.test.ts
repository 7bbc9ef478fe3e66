import {
  type ComplianceType,
  ConfigServiceClient,
  DescribeAggregateComplianceByConfigRulesCommand,
  DescribeConfigRulesCommand,
  DescribeOrganizationConformancePacksCommand,
  GetAggregateComplianceDetailsByConfigRuleCommand,
} from '@aws-sdk/client-config-service';
import { IAMClient } from '@aws-sdk/client-iam';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CALLER_RETRIES } from '../../../../cli/src/aws/session.js';
import {
  NO_RESULT_REASON,
  readAggregatorReport,
} from '../../../../cli/src/commands/report/report.js';
import { MissingRegionError } from '../../../../cli/src/errors.js';
import { serviceError } from '../../../support/service-error.js';

const configMock = mockClient(ConfigServiceClient);
// The caller outside any organization: coverage cannot be checked, rows are the aggregator's.
const stsMock = mockClient(STSClient);
const orgMock = mockClient(OrganizationsClient);
const iamMock = mockClient(IAMClient);
const RECORDED = new Date('2026-11-28T06:00:00Z');
/** The clock the mocked answers are judged by (they carry no Date header): results are 6 hours old. */
const NOW = new Date('2026-11-28T12:00:00Z');

const entry = (ConfigRuleName: string, AccountId: string, ComplianceType: ComplianceType) => ({
  ConfigRuleName,
  AccountId,
  AwsRegion: 'us-east-1',
  Compliance: { ComplianceType },
});

const result = (
  ConfigRuleName: string,
  AccountId: string,
  ComplianceType: ComplianceType,
  Annotation: string,
) => ({
  EvaluationResultIdentifier: {
    EvaluationResultQualifier: {
      ConfigRuleName,
      ResourceType: 'AWS::::Account',
      ResourceId: AccountId,
    },
  },
  ComplianceType,
  Annotation,
  ResultRecordedTime: RECORDED,
  AccountId,
  AwsRegion: 'us-east-1',
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDCALLEREXAMPLE');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
  configMock.reset();
  stsMock.reset();
  orgMock.reset();
  iamMock.reset();
  stsMock
    .on(GetCallerIdentityCommand)
    .resolves({ Account: '111111111111', Arn: 'arn:aws:iam::111111111111:user/auditor' });
  orgMock
    .onAnyCommand()
    .rejects(serviceError('organizations', 'AWSOrganizationsNotInUseException'));
  iamMock.onAnyCommand().rejects(new Error('not an IAM delegated administrator'));
  configMock
    .on(DescribeOrganizationConformancePacksCommand)
    .rejects(serviceError('config', 'NoSuchOrganizationConformancePackException'));
  configMock.on(DescribeConfigRulesCommand).resolves({ ConfigRules: [] });
  configMock.on(DescribeAggregateComplianceByConfigRulesCommand).resolves({
    AggregateComplianceByConfigRules: [
      entry('root-access-key-rule-conformance-pack-abc123de', '333333333333', 'COMPLIANT'),
      entry('root-access-key-rule', '111111111111', 'NON_COMPLIANT'),
      entry('iam-password-policy', '111111111111', 'NON_COMPLIANT'),
      entry('OrgConfigRule-root-access-key-rule-xyz789gh', '222222222222', 'INSUFFICIENT_DATA'),
    ],
  });
  configMock
    .on(GetAggregateComplianceDetailsByConfigRuleCommand, { AccountId: '111111111111' })
    .resolves({
      AggregateEvaluationResults: [
        result(
          'root-access-key-rule',
          '111111111111',
          'NON_COMPLIANT',
          'Root user has 1 access key.',
        ),
      ],
    })
    .on(GetAggregateComplianceDetailsByConfigRuleCommand, { AccountId: '222222222222' })
    .resolves({ AggregateEvaluationResults: [] })
    .on(GetAggregateComplianceDetailsByConfigRuleCommand, { AccountId: '333333333333' })
    .resolves({
      AggregateEvaluationResults: [
        result(
          'root-access-key-rule-conformance-pack-abc123de',
          '333333333333',
          'COMPLIANT',
          'No root access key exists.',
        ),
      ],
    });
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

describe('readAggregatorReport', () => {
  it("reads the rule's evaluations under every name it has, sorted by account", async () => {
    const report = await readAggregatorReport({ aggregatorName: 'org', region: 'us-east-1' });

    expect(report.rows).toEqual([
      {
        accountId: '111111111111',
        region: 'us-east-1',
        ruleName: 'root-access-key-rule',
        compliance: 'NON_COMPLIANT',
        annotation: 'Root user has 1 access key.',
        resultRecordedTime: '2026-11-28T06:00:00.000Z',
      },
      {
        accountId: '222222222222',
        region: 'us-east-1',
        ruleName: 'OrgConfigRule-root-access-key-rule-xyz789gh',
        compliance: 'INSUFFICIENT_DATA',
        error: `${NO_RESULT_REASON}; check the account with evaluate, or pass --allow-insufficient-data if the rule reports NOT_APPLICABLE (RootWithoutCredentials=NOT_APPLICABLE)`,
      },
      {
        accountId: '333333333333',
        region: 'us-east-1',
        ruleName: 'root-access-key-rule-conformance-pack-abc123de',
        compliance: 'COMPLIANT',
        annotation: 'No root access key exists.',
        resultRecordedTime: '2026-11-28T06:00:00.000Z',
      },
    ]);
    expect(report.ruleNames).toEqual([
      'OrgConfigRule-root-access-key-rule-xyz789gh',
      'root-access-key-rule',
      'root-access-key-rule-conformance-pack-abc123de',
    ]);
    expect(report.pages).toEqual({ summary: 1, details: 3 });
    const asked = configMock
      .commandCalls(GetAggregateComplianceDetailsByConfigRuleCommand)
      .map((call) => call.args[0].input.ConfigRuleName);
    expect(asked).not.toContain('iam-password-policy');
  });

  it('explains an account without a result, and names NOT_APPLICABLE as a possible cause', () => {
    expect(NO_RESULT_REASON).toBe(
      'no COMPLIANT or NON_COMPLIANT result in the aggregator: the rule has not evaluated this account and Region yet (or failed there), or it reported NOT_APPLICABLE, which aggregators do not return',
    );
  });

  it('marks an account without a result with a note, not an error, when INSUFFICIENT_DATA is allowed', async () => {
    const { rows } = await readAggregatorReport({
      aggregatorName: 'org',
      region: 'us-east-1',
      allowInsufficientData: true,
    });

    expect(rows[1]).toEqual({
      accountId: '222222222222',
      region: 'us-east-1',
      ruleName: 'OrgConfigRule-root-access-key-rule-xyz789gh',
      compliance: 'INSUFFICIENT_DATA',
      note: NO_RESULT_REASON,
    });
    expect(rows.filter((row) => row.error !== undefined || row.note !== undefined)).toHaveLength(1);
  });

  it('reads the aggregator with the adaptive retry mode of its burst of calls', async () => {
    await readAggregatorReport({ aggregatorName: 'org', region: 'us-east-1' });

    const clients = [
      ...configMock.commandCalls(DescribeAggregateComplianceByConfigRulesCommand),
      ...configMock.commandCalls(GetAggregateComplianceDetailsByConfigRuleCommand),
    ].map((call) => call.thisValue as ConfigServiceClient);
    expect(clients).toHaveLength(4);
    for (const client of clients) {
      expect(client.config.retryMode).toBe(CALLER_RETRIES.retryMode);
      expect(await client.config.retryStrategy()).toMatchObject({ mode: 'adaptive' });
      await expect(client.config.maxAttempts()).resolves.toBe(CALLER_RETRIES.maxAttempts);
    }
  });

  it('turns a failed detail read into an error row and reads the other accounts', async () => {
    configMock
      .on(GetAggregateComplianceDetailsByConfigRuleCommand, { AccountId: '333333333333' })
      .rejects(serviceError('config', 'ThrottlingException', 'Rate exceeded'));

    const { rows } = await readAggregatorReport({ aggregatorName: 'org', region: 'us-east-1' });

    expect(rows[2]).toEqual({
      accountId: '333333333333',
      region: 'us-east-1',
      ruleName: 'root-access-key-rule-conformance-pack-abc123de',
      compliance: 'ERROR',
      error: expect.stringContaining('ThrottlingException: Rate exceeded'),
    });
    expect(rows[0]?.compliance).toBe('NON_COMPLIANT');
  });

  it('looks for another rule name when asked', async () => {
    configMock
      .on(GetAggregateComplianceDetailsByConfigRuleCommand, {
        ConfigRuleName: 'iam-password-policy',
      })
      .resolves({
        AggregateEvaluationResults: [
          result('iam-password-policy', '111111111111', 'NON_COMPLIANT', 'No password policy.'),
        ],
      });

    const { rows } = await readAggregatorReport({
      aggregatorName: 'org',
      region: 'us-east-1',
      ruleName: 'iam-password-policy',
    });

    expect(rows.map((row) => [row.ruleName, row.annotation])).toEqual([
      ['iam-password-policy', 'No password policy.'],
    ]);
  });

  it('needs a Region, and says how to give one', async () => {
    vi.stubEnv('AWS_REGION', undefined);
    vi.stubEnv('AWS_DEFAULT_REGION', undefined);
    vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/config');
    vi.stubEnv('AWS_PROFILE', undefined);

    const failure = readAggregatorReport({ aggregatorName: 'org' });

    await expect(failure).rejects.toThrow(MissingRegionError);
    await expect(failure).rejects.toThrow(/--region/);
  });
});

describe('readAggregatorReport outside an organization', () => {
  it('says coverage could not be checked, and keeps the evidence of the run', async () => {
    const report = await readAggregatorReport({ aggregatorName: 'org', region: 'us-east-1' });

    expect(report.coverage).toMatchObject({
      checked: false,
      reason: expect.stringContaining('AWSOrganizationsNotInUseException'),
      leftOut: [],
    });
    expect(report.deployment).toMatchObject({ packName: 'root-access-key-rule', found: false });
    expect(report.evidence).toMatchObject({
      callerArn: 'arn:aws:iam::111111111111:user/auditor',
      aggregator: { name: 'org', region: 'us-east-1' },
      toolName: 'root-access-key-rule',
      toolVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
      organizationNote: expect.stringContaining('organizations:DescribeOrganization'),
      rootAccess: { readable: false },
    });
    expect(report.rows.map((row) => Object.keys(row))).not.toContainEqual(
      expect.arrayContaining(['organizationalUnit']),
    );
  });
});
