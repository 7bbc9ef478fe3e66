import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHandler, settingsFromEnvironment } from '../../detection/src/alert-handler.js';
import type { AlertSettings } from '../../detection/src/handle-event.js';
import { configRuleResponses } from '../../tools/aws-endpoint/config-rule-responses.js';
import { withEnv } from '../../tools/aws-endpoint/env.js';
import { awsError, withDelay } from '../../tools/aws-endpoint/responses.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../tools/aws-endpoint/server.js';
import { publishedMessages, snsResponses } from '../../tools/aws-endpoint/sns-responses.js';
import { createWorld } from '../../tools/aws-endpoint/world/world.js';
import { cloudTrailEvent, configEvent } from './support.js';

const OWN = '493859302102';
const TOPIC = `arn:aws:sns:eu-west-1:${OWN}:alerts`;
const RULE = 'root-access-key-rule';
const manyRules = Array.from({ length: 40 }, (_, n) => `other-${n}`);

const world = createWorld({
  callerAccountId: OWN,
  topics: [TOPIC],
  roleName: 'Member',
  accounts: [
    { id: OWN, name: 'management', configRules: [...manyRules, RULE] },
    { id: '222222222222', name: 'Production', configRules: [] },
  ],
});
let server: AwsEndpoint;
beforeAll(async () => {
  server = await startAwsEndpoint({ world });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const context = { getRemainingTimeInMillis: () => 30_000 };
const own: AlertSettings = { topicArn: TOPIC, ruleName: RULE, readAccountNames: false };

function invoke(event: unknown, settings: AlertSettings = own, ctx = context) {
  return withEnv(server.env('eu-west-1'), () => createHandler(settings)(event, ctx));
}

function alertBody(): Record<string, unknown> {
  const [message] = publishedMessages(server.calls);
  return JSON.parse(message?.message ?? '{}') as Record<string, unknown>;
}

describe('alert handler: one account', () => {
  it('finds the rule among pages of rules, and has it evaluated again', async () => {
    const outcome = await invoke(cloudTrailEvent('root-create-access-key-console'));

    expect(outcome).toMatchObject({ kind: 'root-key', problems: [] });
    expect(server.calls.filter((call) => call.action === 'DescribeConfigRules')).toHaveLength(2);
    expect(alertBody().reEvaluation).toEqual({ status: 'requested', configRuleName: RULE });
  });

  it('counts an evaluation already running as requested', async () => {
    server.script(
      'config',
      'StartConfigRulesEvaluation',
      configRuleResponses.evaluationInProgress(),
    );

    await invoke(cloudTrailEvent('root-create-access-key-console'));

    expect(alertBody().reEvaluation).toEqual({ status: 'requested', configRuleName: RULE });
  });

  it('alerts without re-evaluation when the rule is not in the account, and says so', async () => {
    const outcome = await invoke(cloudTrailEvent('root-create-access-key-console'), {
      ...own,
      ruleName: 'renamed-rule',
    });

    expect(outcome.problems).toEqual([
      `no rule named renamed-rule (or a copy of it) in account ${OWN}`,
    ]);
    expect(publishedMessages(server.calls)).toHaveLength(1);
    expect(server.calls.some((call) => call.action === 'StartConfigRulesEvaluation')).toBe(false);
  });

  it('does not re-evaluate another account without a member role', async () => {
    const event = JSON.parse(
      JSON.stringify(cloudTrailEvent('root-create-access-key-console')).replaceAll(
        OWN,
        '222222222222',
      ),
    );

    const outcome = await invoke(event);

    expect(outcome.problems[0]).toContain('account 222222222222 is not the function');
    expect(server.calls.map((call) => call.action)).toEqual(['Publish']);
  });

  it('alerts a NON_COMPLIANT transition with its annotation, and calls nothing else', async () => {
    await invoke(configEvent('compliance-change-non-compliant'));

    expect(server.calls.map((call) => call.action)).toEqual(['Publish']);
    expect(alertBody()).toMatchObject({ alert: 'rule-non-compliant', accountId: '222222222222' });
  });

  it('fails the invocation when SNS fails after its retries, naming the call', async () => {
    server.setDefault('sns', 'Publish', () => awsError('InternalError', 'boom', 500));

    await expect(invoke(cloudTrailEvent('root-create-access-key-console'))).rejects.toThrow(
      /sns:Publish on arn:aws:sns:eu-west-1:493859302102:alerts failed after 5 attempts/,
    );
  });

  it('fails the invocation when the time runs out before the alert is out', async () => {
    server.script('sns', 'Publish', withDelay(snsResponses.publish(), 2000));
    // 2 s left: no time for the optional calls (5 s are kept to publish), 1.5 s to publish.
    const started = Date.now();
    const short = { getRemainingTimeInMillis: () => 2000 - (Date.now() - started) };

    await expect(
      invoke(cloudTrailEvent('root-update-access-key-active'), own, short),
    ).rejects.toMatchObject({ name: 'DeadlineExceededError' });
  });
});

describe('alert handler: organization', () => {
  const org: AlertSettings = { ...own, memberRoleName: 'Member', readAccountNames: true };

  it('alerts without the name when Organizations refuses, and says so', async () => {
    server.script('organizations', 'DescribeAccount', awsError('AccessDeniedException', 'no', 403));
    const event = cloudTrailEvent('root-create-access-key-console');

    const outcome = await invoke(event, org);

    expect(outcome.problems).toEqual([
      expect.stringContaining('organizations:DescribeAccount on 493859302102 was denied'),
    ]);
    expect(publishedMessages(server.calls)[0]?.subject).toBe(
      `Root access key AKIA5ZZZK44445XXFFVB created in account ${OWN}`,
    );
  });

  it('says in the alert that the member role could not be assumed', async () => {
    const event = JSON.parse(
      JSON.stringify(cloudTrailEvent('root-create-access-key-console')).replaceAll(
        OWN,
        '999999999999',
      ),
    );

    const outcome = await invoke(event, org);

    expect(outcome.kind).toBe('root-key');
    expect(alertBody().reEvaluation).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('sts:AssumeRole on arn:aws:iam::999999999999:role/Member'),
    });
  });
});

describe('settingsFromEnvironment', () => {
  it('reads the topic, the rule, the member role and the account names switch', () => {
    expect(
      settingsFromEnvironment({
        ALERTS_TOPIC_ARN: TOPIC,
        RULE_NAME: RULE,
        MEMBER_ROLE_NAME: 'Member',
        READ_ACCOUNT_NAMES: 'true',
      }),
    ).toEqual({
      topicArn: TOPIC,
      ruleName: RULE,
      memberRoleName: 'Member',
      readAccountNames: true,
    });
    expect(settingsFromEnvironment({ ALERTS_TOPIC_ARN: TOPIC, RULE_NAME: RULE })).toEqual({
      topicArn: TOPIC,
      ruleName: RULE,
      readAccountNames: false,
    });
  });

  it.each(['ALERTS_TOPIC_ARN', 'RULE_NAME'])('fails without %s, naming it', (name) => {
    const env: Record<string, string> = { ALERTS_TOPIC_ARN: TOPIC, RULE_NAME: RULE };
    delete env[name];
    expect(() => settingsFromEnvironment(env)).toThrow(`Missing environment variable ${name}`);
  });
});
