import {
  type AggregateComplianceByConfigRule,
  ConfigServiceClient,
  DescribeAggregateComplianceByConfigRulesCommand,
  type Evaluation,
  GetAggregateComplianceDetailsByConfigRuleCommand,
  PutEvaluationsCommand,
  paginateDescribeAggregateComplianceByConfigRules,
} from '@aws-sdk/client-config-service';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withEnv } from '../../../../tools/aws-endpoint/env.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../../../tools/aws-endpoint/server.js';
import {
  deployedRuleName,
  generateAggregateEvaluations,
  generatedAccountId,
} from '../../../../tools/aws-endpoint/world/generate.js';
import { createWorld } from '../../../../tools/aws-endpoint/world/world.js';

const evaluations = generateAggregateEvaluations({ accountCount: 10_000, nonCompliantEvery: 7 });
const notApplicable = generateAggregateEvaluations({
  accountCount: 3,
  nonCompliantEvery: 0,
  notApplicableEvery: 2,
  otherRules: [],
});
const world = createWorld({
  aggregators: [
    { name: 'org', evaluations },
    { name: 'not-applicable', evaluations: notApplicable },
  ],
  emptyPages: {
    DescribeAggregateComplianceByConfigRules: [0, 5],
    GetAggregateComplianceDetailsByConfigRule: [0],
  },
});
let server: AwsEndpoint;

beforeAll(async () => {
  server = await startAwsEndpoint({ world });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function sendConfig<T>(send: (config: ConfigServiceClient) => Promise<T>): Promise<T> {
  return withEnv(server.env(), () => send(new ConfigServiceClient({ maxAttempts: 1 })));
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => 'succeeded',
    (error: Error) => error.name,
  );

const ROOT_RULE = /^(?:OrgConfigRule-)?root-access-key-rule(?:-conformance-pack)?(?:-[a-z0-9]+)?$/;

describe('the simulated world: a Config aggregator over 10,000 accounts', () => {
  it('pages DescribeAggregateComplianceByConfigRules through every rule, account and Region', async () => {
    const entries: AggregateComplianceByConfigRule[] = [];
    const pageSizes: number[] = [];
    await sendConfig(async (client) => {
      const pages = paginateDescribeAggregateComplianceByConfigRules(
        { client },
        { ConfigurationAggregatorName: 'org', Limit: 1000 },
      );
      for await (const page of pages) {
        pageSizes.push(page.AggregateComplianceByConfigRules?.length ?? 0);
        entries.push(...(page.AggregateComplianceByConfigRules ?? []));
      }
    });

    expect(entries).toHaveLength(30_000);
    expect(pageSizes.slice(0, 7)).toEqual([0, 1000, 1000, 1000, 1000, 0, 1000]);
    const rootRules = entries.filter((entry) => ROOT_RULE.test(entry.ConfigRuleName ?? ''));
    expect(new Set(rootRules.map((entry) => entry.ConfigRuleName))).toEqual(
      new Set([deployedRuleName(0), deployedRuleName(1), deployedRuleName(2)]),
    );
    expect(
      rootRules.filter((entry) => entry.Compliance?.ComplianceType === 'NON_COMPLIANT'),
    ).toHaveLength(1429);
  });

  it('filters by rule name and compliance type', async () => {
    const answer = await sendConfig((client) =>
      client.send(
        new DescribeAggregateComplianceByConfigRulesCommand({
          ConfigurationAggregatorName: 'org',
          Filters: { ConfigRuleName: deployedRuleName(7), ComplianceType: 'NON_COMPLIANT' },
          NextToken: undefined,
        }),
      ),
    );
    const next = await sendConfig((client) =>
      client.send(
        new DescribeAggregateComplianceByConfigRulesCommand({
          ConfigurationAggregatorName: 'org',
          Filters: { ConfigRuleName: deployedRuleName(7), ComplianceType: 'NON_COMPLIANT' },
          NextToken: answer.NextToken,
        }),
      ),
    );

    expect(answer.AggregateComplianceByConfigRules).toEqual([]);
    expect(next.AggregateComplianceByConfigRules?.[0]).toMatchObject({
      AccountId: generatedAccountId(7),
      ConfigRuleName: 'root-access-key-rule-conformance-pack-abc123de',
    });
  });

  it('returns one account evaluation with annotation and time from GetAggregateComplianceDetailsByConfigRule', async () => {
    const request = {
      ConfigurationAggregatorName: 'org',
      ConfigRuleName: deployedRuleName(14),
      AccountId: generatedAccountId(14),
      AwsRegion: 'us-east-1',
    };
    const [empty, page] = await sendConfig(async (client) => {
      const first = await client.send(
        new GetAggregateComplianceDetailsByConfigRuleCommand(request),
      );
      return [
        first,
        await client.send(
          new GetAggregateComplianceDetailsByConfigRuleCommand({
            ...request,
            NextToken: first.NextToken,
          }),
        ),
      ];
    });

    expect(empty.AggregateEvaluationResults).toEqual([]);
    expect(page.NextToken).toBeUndefined();
    expect(page.AggregateEvaluationResults).toEqual([
      expect.objectContaining({
        ComplianceType: 'NON_COMPLIANT',
        Annotation: expect.stringContaining('Root user has 1 access key'),
        ResultRecordedTime: new Date(Date.parse('2026-11-28T06:00:00Z') - 14 * 60_000),
        AccountId: generatedAccountId(14),
        AwsRegion: 'us-east-1',
      }),
    ]);
  });

  it('models NOT_APPLICABLE as AWS does: an INSUFFICIENT_DATA summary and no detail result', async () => {
    const details = (index: number) =>
      sendConfig(async (client) => {
        const request = {
          ConfigurationAggregatorName: 'not-applicable',
          ConfigRuleName: deployedRuleName(index),
          AccountId: generatedAccountId(index),
          AwsRegion: 'us-east-1',
        };
        const first = await client.send(
          new GetAggregateComplianceDetailsByConfigRuleCommand(request),
        );
        const second = await client.send(
          new GetAggregateComplianceDetailsByConfigRuleCommand({
            ...request,
            NextToken: first.NextToken,
          }),
        );
        return second.AggregateEvaluationResults?.map((result) => result.ComplianceType);
      });
    const summary = await sendConfig((client) =>
      client.send(
        new DescribeAggregateComplianceByConfigRulesCommand({
          ConfigurationAggregatorName: 'not-applicable',
          NextToken: undefined,
        }),
      ),
    );
    const next = await sendConfig((client) =>
      client.send(
        new DescribeAggregateComplianceByConfigRulesCommand({
          ConfigurationAggregatorName: 'not-applicable',
          NextToken: summary.NextToken,
        }),
      ),
    );

    expect(
      next.AggregateComplianceByConfigRules?.map((entry) => [
        entry.AccountId,
        entry.Compliance?.ComplianceType,
      ]),
    ).toEqual([
      [generatedAccountId(0), 'INSUFFICIENT_DATA'],
      [generatedAccountId(1), 'COMPLIANT'],
      [generatedAccountId(2), 'INSUFFICIENT_DATA'],
    ]);
    expect(await details(0)).toEqual([]);
    expect(await details(1)).toEqual(['COMPLIANT']);
    expect(await details(2)).toEqual([]);
  });

  it.each([
    [
      'an unknown aggregator',
      { ConfigurationAggregatorName: 'nope' },
      'NoSuchConfigurationAggregatorException',
    ],
    [
      'a Limit above 1000',
      { ConfigurationAggregatorName: 'org', Limit: 1001 },
      'InvalidLimitException',
    ],
    [
      'a foreign NextToken',
      { ConfigurationAggregatorName: 'org', NextToken: 'forged' },
      'InvalidNextTokenException',
    ],
  ])('rejects %s', async (_, input, name) => {
    const result = await sendConfig((client) =>
      failure(client.send(new DescribeAggregateComplianceByConfigRulesCommand(input))),
    );

    expect(result).toBe(name);
  });

  it('rejects a details Limit above 100 and a request without AccountId', async () => {
    const base = {
      ConfigurationAggregatorName: 'org',
      ConfigRuleName: deployedRuleName(0),
      AwsRegion: 'us-east-1',
    };
    const results = await sendConfig(async (client) => [
      await failure(
        client.send(
          new GetAggregateComplianceDetailsByConfigRuleCommand({
            ...base,
            AccountId: generatedAccountId(0),
            Limit: 101,
          }),
        ),
      ),
      await failure(
        client.send(
          new GetAggregateComplianceDetailsByConfigRuleCommand({ ...base, AccountId: undefined }),
        ),
      ),
    ]);

    expect(results).toEqual(['InvalidLimitException', 'ValidationException']);
  });
});

describe('the simulated world: PutEvaluations validation', () => {
  const evaluation: Evaluation = {
    ComplianceResourceType: 'AWS::::Account',
    ComplianceResourceId: '111111111111',
    ComplianceType: 'COMPLIANT',
    OrderingTimestamp: new Date('2026-11-28T06:00:00Z'),
  };
  const put = (
    evaluations: Evaluation[],
    input: { ResultToken: string | undefined } = { ResultToken: 'token' },
  ) =>
    sendConfig((client) =>
      failure(client.send(new PutEvaluationsCommand({ Evaluations: evaluations, ...input }))),
    );

  it('accepts up to 100 valid evaluations', async () => {
    expect(await put(Array.from({ length: 100 }, () => evaluation))).toBe('succeeded');
  });

  it.each([
    ['101 evaluations', Array.from({ length: 101 }, () => evaluation), 'ValidationException'],
    [
      'an annotation of 257 characters',
      [{ ...evaluation, Annotation: 'a'.repeat(257) }],
      'ValidationException',
    ],
    [
      'INSUFFICIENT_DATA',
      [{ ...evaluation, ComplianceType: 'INSUFFICIENT_DATA' as const }],
      'InvalidParameterValueException',
    ],
    [
      'no OrderingTimestamp',
      [{ ...evaluation, OrderingTimestamp: undefined }],
      'ValidationException',
    ],
  ])('rejects %s', async (_, evaluations, name) => {
    expect(await put(evaluations)).toBe(name);
  });

  it('rejects a call without ResultToken', async () => {
    expect(await put([evaluation], { ResultToken: undefined })).toBe('ValidationException');
  });
});
