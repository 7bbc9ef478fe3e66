import {
  type ComplianceType,
  ConfigServiceClient,
  DescribeAggregateComplianceByConfigRulesCommand,
  GetAggregateComplianceDetailsByConfigRuleCommand,
} from '@aws-sdk/client-config-service';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AccessDeniedError, AwsCallError } from '../../../aws/errors.js';
import {
  getAggregateEvaluations,
  listAggregateRuleCompliance,
} from '../../../cli/src/aws/aggregator.js';
import { AggregatorNotFoundError } from '../../../cli/src/errors.js';
import { ruleNameMatcher } from '../../../definition/rule-names.js';
import { serviceError } from '../../support/service-error.js';

const configMock = mockClient(ConfigServiceClient);
const config = new ConfigServiceClient({ region: 'us-east-1' });
const matches = ruleNameMatcher('root-access-key-rule');

const item = (
  ConfigRuleName: string,
  AccountId: string,
  ComplianceType: ComplianceType = 'COMPLIANT',
) => ({
  ConfigRuleName,
  AccountId,
  AwsRegion: 'eu-west-1',
  Compliance: { ComplianceType },
});

describe('listAggregateRuleCompliance', () => {
  beforeEach(() => configMock.reset());

  it('reads every page, empty ones with a NextToken included, and keeps the rule under all its names', async () => {
    configMock
      .on(DescribeAggregateComplianceByConfigRulesCommand, { NextToken: undefined })
      .resolves({
        AggregateComplianceByConfigRules: [
          item('root-access-key-rule', '111111111111'),
          item('iam-password-policy', '111111111111', 'NON_COMPLIANT'),
        ],
        NextToken: 'p2',
      })
      .on(DescribeAggregateComplianceByConfigRulesCommand, { NextToken: 'p2' })
      .resolves({ AggregateComplianceByConfigRules: [], NextToken: 'p3' })
      .on(DescribeAggregateComplianceByConfigRulesCommand, { NextToken: 'p3' })
      .resolves({
        AggregateComplianceByConfigRules: [
          item('root-access-key-rule-conformance-pack-abc123de', '222222222222', 'NON_COMPLIANT'),
          item('OrgConfigRule-root-access-key-rule-xyz789gh', '333333333333', 'INSUFFICIENT_DATA'),
          item('root-access-key-rule-v2', '444444444444'),
        ],
      });

    const listing = await listAggregateRuleCompliance(config, 'org', matches);

    expect(listing.pages).toBe(3);
    expect(listing.entries).toEqual([
      {
        ruleName: 'root-access-key-rule',
        accountId: '111111111111',
        region: 'eu-west-1',
        compliance: 'COMPLIANT',
      },
      {
        ruleName: 'root-access-key-rule-conformance-pack-abc123de',
        accountId: '222222222222',
        region: 'eu-west-1',
        compliance: 'NON_COMPLIANT',
      },
      {
        ruleName: 'OrgConfigRule-root-access-key-rule-xyz789gh',
        accountId: '333333333333',
        region: 'eu-west-1',
        compliance: 'INSUFFICIENT_DATA',
      },
    ]);
    expect(listing.ruleNamesSeen).toContain('root-access-key-rule-v2');
    const first = configMock.commandCalls(DescribeAggregateComplianceByConfigRulesCommand)[0];
    expect(first?.args[0].input).toMatchObject({ ConfigurationAggregatorName: 'org', Limit: 1000 });
  });

  it('names the permission when the aggregator cannot be read', async () => {
    configMock
      .on(DescribeAggregateComplianceByConfigRulesCommand)
      .rejects(serviceError('config', 'AccessDeniedException'));

    await expect(listAggregateRuleCompliance(config, 'org', matches)).rejects.toThrow(
      AccessDeniedError,
    );
  });

  it('reports an unknown aggregator by name and Region, without claiming retries', async () => {
    configMock
      .on(DescribeAggregateComplianceByConfigRulesCommand)
      .rejects(
        serviceError('config', 'NoSuchConfigurationAggregatorException', 'no aggregator org'),
      );

    const failure = listAggregateRuleCompliance(config, 'org', matches);

    await expect(failure).rejects.toThrow(AggregatorNotFoundError);
    await expect(failure).rejects.toThrow(
      'no Config aggregator named "org" in Region us-east-1 of the caller\'s account (NoSuchConfigurationAggregatorException); give the aggregator\'s name with --aggregator and its Region with --region',
    );
    await expect(failure).rejects.not.toThrow(/after retries/);
  });
});

describe('getAggregateEvaluations', () => {
  beforeEach(() => configMock.reset());

  const entry = {
    ruleName: 'OrgConfigRule-root-access-key-rule-xyz789gh',
    accountId: '333333333333',
    region: 'eu-west-1',
  };

  it('asks for one rule, account and Region in pages of 100 and reads every page', async () => {
    const recorded = new Date('2026-11-28T06:00:00Z');
    configMock
      .on(GetAggregateComplianceDetailsByConfigRuleCommand, { NextToken: undefined })
      .resolves({ AggregateEvaluationResults: [], NextToken: 'd2' })
      .on(GetAggregateComplianceDetailsByConfigRuleCommand, { NextToken: 'd2' })
      .resolves({
        AggregateEvaluationResults: [
          {
            EvaluationResultIdentifier: {
              EvaluationResultQualifier: {
                ConfigRuleName: entry.ruleName,
                ResourceType: 'AWS::::Account',
                ResourceId: '333333333333',
              },
            },
            ComplianceType: 'NON_COMPLIANT',
            Annotation: 'Root user has 1 access key.',
            ResultRecordedTime: recorded,
            AccountId: '333333333333',
            AwsRegion: 'eu-west-1',
          },
        ],
      });

    const { evaluations, pages } = await getAggregateEvaluations(config, 'org', entry);

    expect(pages).toBe(2);
    expect(evaluations).toEqual([
      {
        ...entry,
        resourceType: 'AWS::::Account',
        resourceId: '333333333333',
        compliance: 'NON_COMPLIANT',
        annotation: 'Root user has 1 access key.',
        resultRecordedTime: recorded,
      },
    ]);
    expect(
      configMock.commandCalls(GetAggregateComplianceDetailsByConfigRuleCommand)[0]?.args[0].input,
    ).toEqual({
      ConfigurationAggregatorName: 'org',
      ConfigRuleName: entry.ruleName,
      AccountId: '333333333333',
      AwsRegion: 'eu-west-1',
      Limit: 100,
      NextToken: undefined,
    });
  });

  it('fails on a repeated NextToken rather than looping', async () => {
    configMock
      .on(GetAggregateComplianceDetailsByConfigRuleCommand)
      .resolves({ AggregateEvaluationResults: [], NextToken: 'again' });

    await expect(getAggregateEvaluations(config, 'org', entry)).rejects.toThrow(AwsCallError);
  });
});
