import { ConfigServiceClient, DescribeConfigRulesCommand } from '@aws-sdk/client-config-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsClock } from '../../../../cli/src/root-access/aws-clock.js';
import { withEnv } from '../../../../tools/aws-endpoint/env.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../../../tools/aws-endpoint/server.js';
import { createWorld } from '../../../../tools/aws-endpoint/world/world.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const world = createWorld({
  now: NOW,
  configRules: [
    {
      name: 'root-access-key-rule-conformance-pack-abc123de',
      maximumExecutionFrequency: 'Six_Hours',
      createdBy: 'config-conforms.amazonaws.com',
    },
    ...Array.from({ length: 30 }, (_, index) => ({ name: `other-rule-${index}` })),
  ],
});
let server: AwsEndpoint;

beforeAll(async () => {
  server = await startAwsEndpoint({ world });
});
afterAll(() => server.close());

function withConfig<T>(send: (config: ConfigServiceClient) => Promise<T>): Promise<T> {
  return withEnv(server.env('eu-west-1'), () => send(new ConfigServiceClient({ maxAttempts: 1 })));
}

describe('Config rules and the clock of the simulated world', () => {
  it('lists the caller account’s rules in pages of 25, as custom Lambda rules with their period', async () => {
    const [first, second] = await withConfig(async (config) => {
      const one = await config.send(new DescribeConfigRulesCommand({}));
      const two = await config.send(new DescribeConfigRulesCommand({ NextToken: one.NextToken }));
      return [one, two];
    });

    expect(first?.ConfigRules).toHaveLength(25);
    expect(second?.ConfigRules).toHaveLength(6);
    expect(second?.NextToken).toBeUndefined();
    expect(first?.ConfigRules?.[0]).toMatchObject({
      ConfigRuleName: 'root-access-key-rule-conformance-pack-abc123de',
      MaximumExecutionFrequency: 'Six_Hours',
      CreatedBy: 'config-conforms.amazonaws.com',
      ConfigRuleState: 'ACTIVE',
      Source: {
        Owner: 'CUSTOM_LAMBDA',
        SourceDetails: [
          {
            EventSource: 'aws.config',
            MessageType: 'ScheduledNotification',
            MaximumExecutionFrequency: 'Six_Hours',
          },
        ],
      },
    });
  });

  it('answers an unknown rule name with NoSuchConfigRuleException, carrying no Date: the SDK would take a far-off one for clock skew', async () => {
    const { error, skew } = await withConfig(async (config) => {
      const clock = new AwsClock();
      clock.watch(config);
      const failure = await config
        .send(new DescribeConfigRulesCommand({ ConfigRuleNames: ['nope'] }))
        .catch((e: unknown) => e);
      return { error: failure, skew: clock.skewMs() };
    });
    expect(error).toMatchObject({ name: 'NoSuchConfigRuleException' });
    expect(skew).toBeUndefined();
  });

  it("sends the world's clock in the Date header, which the CLI reads as AWS's clock", async () => {
    const now = await withConfig(async (config) => {
      const clock = new AwsClock();
      clock.watch(config);
      expect(clock.skewMs()).toBeUndefined();
      await config.send(new DescribeConfigRulesCommand({}));
      return clock.now();
    });
    expect(now?.getTime()).toBeGreaterThanOrEqual(NOW.getTime());
    expect(now?.getTime()).toBeLessThan(NOW.getTime() + 5_000);
  });
});
