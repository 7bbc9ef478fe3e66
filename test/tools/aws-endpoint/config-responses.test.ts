import {
  ConfigServiceClient,
  DescribeAggregateComplianceByConfigRulesCommand,
  GetAggregateComplianceDetailsByConfigRuleCommand,
  PutEvaluationsCommand,
} from '@aws-sdk/client-config-service';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { configResponses } from '../../../tools/aws-endpoint/config-responses.js';
import { withEnv } from '../../../tools/aws-endpoint/env.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../../tools/aws-endpoint/server.js';

let server: AwsEndpoint;

beforeAll(async () => {
  server = await startAwsEndpoint();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function sendConfig<T>(send: (config: ConfigServiceClient) => Promise<T>): Promise<T> {
  return withEnv(server.env(), () => send(new ConfigServiceClient({ maxAttempts: 1 })));
}

const ORDERING = new Date('2026-11-28T06:00:00Z');

describe('Config answers through the real ConfigServiceClient', () => {
  it('records PutEvaluations as JSON 1.1 and returns FailedEvaluations', async () => {
    const evaluation = {
      ComplianceResourceType: 'AWS::::Account',
      ComplianceResourceId: '222222222222',
      ComplianceType: 'NON_COMPLIANT' as const,
      Annotation: 'Root user has 1 access key.',
      OrderingTimestamp: ORDERING,
    };
    server.script('config', 'PutEvaluations', configResponses.putEvaluations([evaluation]));

    const answer = await sendConfig((config) =>
      config.send(
        new PutEvaluationsCommand({
          Evaluations: [evaluation],
          ResultToken: 'token',
          TestMode: true,
        }),
      ),
    );

    expect(answer.FailedEvaluations).toEqual([evaluation]);
    expect(server.calls[0]).toMatchObject({
      service: 'config',
      action: 'PutEvaluations',
      params: {
        ResultToken: 'token',
        TestMode: true,
        Evaluations: [{ ...evaluation, OrderingTimestamp: ORDERING.getTime() / 1000 }],
      },
    });
  });

  it('parses a DescribeAggregateComplianceByConfigRules page', async () => {
    server.script(
      'config',
      'DescribeAggregateComplianceByConfigRules',
      configResponses.describeAggregateComplianceByConfigRules(
        [
          {
            ruleName: 'OrgConfigRule-root-access-key-rule-xyz',
            accountId: '222222222222',
            region: 'eu-west-1',
            complianceType: 'NON_COMPLIANT',
          },
          {
            ruleName: 'iam-password-policy',
            accountId: '222222222222',
            region: 'eu-west-1',
            complianceType: 'COMPLIANT',
          },
        ],
        'next-page',
      ),
    );

    const answer = await sendConfig((config) =>
      config.send(
        new DescribeAggregateComplianceByConfigRulesCommand({ ConfigurationAggregatorName: 'org' }),
      ),
    );

    expect(answer.NextToken).toBe('next-page');
    expect(answer.AggregateComplianceByConfigRules).toEqual([
      {
        ConfigRuleName: 'OrgConfigRule-root-access-key-rule-xyz',
        Compliance: {
          ComplianceType: 'NON_COMPLIANT',
          ComplianceContributorCount: { CappedCount: 1, CapExceeded: false },
        },
        AccountId: '222222222222',
        AwsRegion: 'eu-west-1',
      },
      {
        ConfigRuleName: 'iam-password-policy',
        Compliance: { ComplianceType: 'COMPLIANT' },
        AccountId: '222222222222',
        AwsRegion: 'eu-west-1',
      },
    ]);
  });

  it('parses GetAggregateComplianceDetailsByConfigRule results with their times', async () => {
    const recorded = new Date('2026-11-28T06:01:02Z');
    server.script(
      'config',
      'GetAggregateComplianceDetailsByConfigRule',
      configResponses.getAggregateComplianceDetailsByConfigRule([
        {
          accountId: '222222222222',
          region: 'eu-west-1',
          ruleName: 'root-access-key-rule-conformance-pack-abc123',
          complianceType: 'COMPLIANT',
          annotation: 'No root access key exists.',
          resultRecordedTime: recorded,
        },
      ]),
    );

    const answer = await sendConfig((config) =>
      config.send(
        new GetAggregateComplianceDetailsByConfigRuleCommand({
          ConfigurationAggregatorName: 'org',
          ConfigRuleName: 'root-access-key-rule-conformance-pack-abc123',
          AccountId: '222222222222',
          AwsRegion: 'eu-west-1',
        }),
      ),
    );

    expect(answer.NextToken).toBeUndefined();
    expect(answer.AggregateEvaluationResults).toEqual([
      {
        EvaluationResultIdentifier: {
          EvaluationResultQualifier: {
            ConfigRuleName: 'root-access-key-rule-conformance-pack-abc123',
            ResourceType: 'AWS::::Account',
            ResourceId: '222222222222',
            EvaluationMode: 'DETECTIVE',
          },
          OrderingTimestamp: recorded,
        },
        ComplianceType: 'COMPLIANT',
        ResultRecordedTime: recorded,
        ConfigRuleInvokedTime: recorded,
        Annotation: 'No root access key exists.',
        AccountId: '222222222222',
        AwsRegion: 'eu-west-1',
      },
    ]);
  });

  it.each([
    [
      configResponses.noSuchConfigurationAggregator('org'),
      'NoSuchConfigurationAggregatorException',
    ],
    [configResponses.invalidNextToken(), 'InvalidNextTokenException'],
    [configResponses.invalidLimit(5000, 1000), 'InvalidLimitException'],
    [configResponses.throttling(), 'ThrottlingException'],
  ])('turns a JSON error into the SDK error %#', async (response, name) => {
    server.script('config', 'DescribeAggregateComplianceByConfigRules', response);

    const error = await sendConfig((config) =>
      config.send(
        new DescribeAggregateComplianceByConfigRulesCommand({ ConfigurationAggregatorName: 'org' }),
      ),
    ).catch((caught: Error) => caught);

    expect(error).toMatchObject({ name, $metadata: { httpStatusCode: 400 } });
  });
});
