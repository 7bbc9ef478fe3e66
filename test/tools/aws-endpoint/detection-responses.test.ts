import {
  ConfigServiceClient,
  DescribeConfigRulesCommand,
  StartConfigRulesEvaluationCommand,
} from '@aws-sdk/client-config-service';
import { DescribeAccountCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { configResponses } from '../../../tools/aws-endpoint/config-responses.js';
import { configRuleResponses } from '../../../tools/aws-endpoint/config-rule-responses.js';
import { withEnv } from '../../../tools/aws-endpoint/env.js';
import { organizationsAccountResponses } from '../../../tools/aws-endpoint/organizations-account-responses.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../../tools/aws-endpoint/server.js';
import { publishedMessages, snsResponses } from '../../../tools/aws-endpoint/sns-responses.js';

let server: AwsEndpoint;

beforeAll(async () => {
  server = await startAwsEndpoint();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const TOPIC = 'arn:aws:sns:eu-west-1:111111111111:root-access-key-alerts';

describe('SNS Publish through the real SNSClient (awsQuery XML)', () => {
  it('answers the message id and records the message, subject and attributes', async () => {
    server.script('sns', 'Publish', snsResponses.publish('0f3e7c52-message-1'));

    const answer = await withEnv(server.env('eu-west-1'), () =>
      new SNSClient({}).send(
        new PublishCommand({
          TopicArn: TOPIC,
          Subject: 'Root access key created',
          Message: '{"alert":"root-access-key-created"}',
          MessageAttributes: {
            alert: { DataType: 'String', StringValue: 'root-access-key-created' },
          },
        }),
      ),
    );

    expect(answer.MessageId).toBe('0f3e7c52-message-1');
    expect(server.calls[0]).toMatchObject({
      service: 'sns',
      action: 'Publish',
      region: 'eu-west-1',
    });
    expect(publishedMessages(server.calls)).toEqual([
      {
        topicArn: TOPIC,
        subject: 'Root access key created',
        message: '{"alert":"root-access-key-created"}',
        attributes: { alert: 'root-access-key-created' },
        accessKeyId: 'AKIDBASEEXAMPLEKEY01',
      },
    ]);
  });

  it.each([
    ['NotFoundException', snsResponses.notFound(), 'Topic does not exist'],
    ['AuthorizationErrorException', snsResponses.authorizationError(TOPIC), 'not authorized'],
    [
      'InvalidParameterException',
      snsResponses.invalidParameter('Subject'),
      'Invalid parameter: Subject',
    ],
    ['KMSAccessDeniedException', snsResponses.kmsAccessDenied(), 'kms:GenerateDataKey'],
  ])('fails with the code SNS sends, which the SDK names %s', async (name, response, message) => {
    server.script('sns', 'Publish', response);

    const failure = await withEnv(server.env(), () =>
      new SNSClient({ maxAttempts: 1 }).send(new PublishCommand({ TopicArn: TOPIC, Message: 'x' })),
    ).catch((error: unknown) => error as Error);

    expect(failure).toMatchObject({ name });
    expect((failure as Error).message).toContain(message);
  });
});

describe('Config rules through the real ConfigServiceClient (JSON 1.1)', () => {
  it('lists rules with their names, ARNs and state, and a NextToken', async () => {
    server.script(
      'config',
      'DescribeConfigRules',
      configResponses.describeConfigRules(
        [
          {
            name: 'root-access-key-rule-conformance-pack-x1y2z3',
            arn: 'arn:aws:config:us-east-1:222222222222:config-rule/config-rule-x1y2z3',
            id: 'config-rule-x1y2z3',
            functionArn: 'arn:aws:lambda:us-east-1:111111111111:function:root-access-key-rule',
          },
        ],
        'token-2',
      ),
    );

    const answer = await withEnv(server.env(), () =>
      new ConfigServiceClient({}).send(new DescribeConfigRulesCommand({})),
    );

    expect(answer.NextToken).toBe('token-2');
    expect(answer.ConfigRules?.[0]).toMatchObject({
      ConfigRuleName: 'root-access-key-rule-conformance-pack-x1y2z3',
      ConfigRuleState: 'ACTIVE',
      ConfigRuleArn: expect.stringMatching(/^arn:aws:config:us-east-1:222222222222:config-rule\//),
    });
  });

  it('starts an evaluation and records the rule names', async () => {
    server.script(
      'config',
      'StartConfigRulesEvaluation',
      configRuleResponses.startConfigRulesEvaluation(),
    );

    await withEnv(server.env(), () =>
      new ConfigServiceClient({}).send(
        new StartConfigRulesEvaluationCommand({ ConfigRuleNames: ['root-access-key-rule'] }),
      ),
    );

    expect(server.calls[0]?.params).toEqual({ ConfigRuleNames: ['root-access-key-rule'] });
  });

  it.each([
    ['NoSuchConfigRuleException', configRuleResponses.noSuchConfigRule('x')],
    ['LimitExceededException', configRuleResponses.evaluationInProgress()],
  ])('fails with %s', async (name, response) => {
    server.script('config', 'StartConfigRulesEvaluation', response);

    const failure = await withEnv(server.env(), () =>
      new ConfigServiceClient({ maxAttempts: 1 }).send(
        new StartConfigRulesEvaluationCommand({ ConfigRuleNames: ['x'] }),
      ),
    ).catch((error: unknown) => error as Error);

    expect(failure).toMatchObject({ name });
  });
});

describe('Organizations DescribeAccount through the real OrganizationsClient', () => {
  it('answers the account with its name', async () => {
    server.script(
      'organizations',
      'DescribeAccount',
      organizationsAccountResponses.describeAccount({
        id: '222222222222',
        name: 'Production',
        status: 'ACTIVE',
      }),
    );

    const answer = await withEnv(server.env(), () =>
      new OrganizationsClient({}).send(new DescribeAccountCommand({ AccountId: '222222222222' })),
    );

    expect(answer.Account).toMatchObject({
      Id: '222222222222',
      Name: 'Production',
      Status: 'ACTIVE',
    });
  });

  it('fails with AccountNotFoundException', async () => {
    server.script(
      'organizations',
      'DescribeAccount',
      organizationsAccountResponses.accountNotFound(),
    );

    const failure = await withEnv(server.env(), () =>
      new OrganizationsClient({ maxAttempts: 1 }).send(
        new DescribeAccountCommand({ AccountId: '999999999999' }),
      ),
    ).catch((error: unknown) => error as Error);

    expect(failure).toMatchObject({ name: 'AccountNotFoundException' });
  });
});
