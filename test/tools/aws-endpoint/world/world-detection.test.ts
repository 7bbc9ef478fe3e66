import {
  ConfigServiceClient,
  DescribeConfigRulesCommand,
  StartConfigRulesEvaluationCommand,
} from '@aws-sdk/client-config-service';
import { DescribeAccountCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withEnv } from '../../../../tools/aws-endpoint/env.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../../../tools/aws-endpoint/server.js';
import { publishedMessages } from '../../../../tools/aws-endpoint/sns-responses.js';
import { createWorld } from '../../../../tools/aws-endpoint/world/world.js';

const TOPIC = 'arn:aws:sns:us-east-1:111111111111:alerts';
const manyRules = Array.from({ length: 30 }, (_, n) => `other-rule-${n}`);

const world = createWorld({
  callerAccountId: '111111111111',
  topics: [TOPIC],
  accounts: [
    { id: '111111111111', name: 'management', configRules: ['root-access-key-rule'] },
    {
      id: '222222222222',
      name: 'Production',
      configRules: [...manyRules, 'OrgConfigRule-root-access-key-rule-ab12cd34'],
    },
    {
      id: '333333333333',
      configRules: ['root-access-key-rule'],
      deniedActions: ['config:StartConfigRulesEvaluation', 'sns:Publish'],
    },
  ],
});
let server: AwsEndpoint;

beforeAll(async () => {
  server = await startAwsEndpoint({ world });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** Config clients signed as a role session in `account`. */
async function configIn(account: string) {
  const { Credentials } = await new STSClient({}).send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/Member`, RoleSessionName: 's' }),
  );
  return new ConfigServiceClient({
    maxAttempts: 1,
    credentials: {
      accessKeyId: Credentials?.AccessKeyId ?? '',
      secretAccessKey: Credentials?.SecretAccessKey ?? '',
      sessionToken: Credentials?.SessionToken ?? '',
    },
  });
}

describe('the simulated world: Config rules of each account', () => {
  it('lists the signing account’s rules, 25 a page', async () => {
    const names = await withEnv(server.env(), async () => {
      const config = await configIn('222222222222');
      const first = await config.send(new DescribeConfigRulesCommand({}));
      const second = await config.send(
        new DescribeConfigRulesCommand({ NextToken: first.NextToken }),
      );
      expect(first.ConfigRules).toHaveLength(25);
      expect(second.NextToken).toBeUndefined();
      return [...(first.ConfigRules ?? []), ...(second.ConfigRules ?? [])].map(
        (r) => r.ConfigRuleName,
      );
    });
    expect(names).toEqual([...manyRules, 'OrgConfigRule-root-access-key-rule-ab12cd34']);
  });

  it('starts an evaluation of a rule of the account, and refuses an unknown rule', async () => {
    await withEnv(server.env(), async () => {
      const config = await configIn('222222222222');
      await config.send(
        new StartConfigRulesEvaluationCommand({
          ConfigRuleNames: ['OrgConfigRule-root-access-key-rule-ab12cd34'],
        }),
      );
      await expect(
        config.send(
          new StartConfigRulesEvaluationCommand({ ConfigRuleNames: ['root-access-key-rule'] }),
        ),
      ).rejects.toMatchObject({ name: 'NoSuchConfigRuleException' });
    });
  });

  it('denies what the account denies', async () => {
    await withEnv(server.env(), async () => {
      const config = await configIn('333333333333');
      await expect(
        config.send(
          new StartConfigRulesEvaluationCommand({ ConfigRuleNames: ['root-access-key-rule'] }),
        ),
      ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    });
  });
});

describe('the simulated world: SNS and account names', () => {
  it('publishes to a topic that exists, and not to another', async () => {
    await withEnv(server.env(), async () => {
      const sns = new SNSClient({ maxAttempts: 1 });
      await sns.send(new PublishCommand({ TopicArn: TOPIC, Subject: 'Alert', Message: '{}' }));
      await expect(
        sns.send(new PublishCommand({ TopicArn: `${TOPIC}-gone`, Message: '{}' })),
      ).rejects.toMatchObject({ name: 'NotFoundException' });
    });
    expect(publishedMessages(server.calls).map((message) => message.topicArn)).toEqual([
      TOPIC,
      `${TOPIC}-gone`,
    ]);
  });

  it('refuses a subject SNS would refuse (a line break)', async () => {
    await withEnv(server.env(), async () => {
      await expect(
        new SNSClient({ maxAttempts: 1 }).send(
          new PublishCommand({ TopicArn: TOPIC, Subject: 'a\nb', Message: '{}' }),
        ),
      ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    });
  });

  it('names the organization’s accounts to the management account', async () => {
    const answer = await withEnv(server.env(), () =>
      new OrganizationsClient({}).send(new DescribeAccountCommand({ AccountId: '222222222222' })),
    );
    expect(answer.Account?.Name).toBe('Production');
  });
});
