import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AwsEndpoint, startAwsEndpoint } from '../../tools/aws-endpoint/server.js';
import { publishedMessages } from '../../tools/aws-endpoint/sns-responses.js';
import { accountOfAccessKey, createWorld } from '../../tools/aws-endpoint/world/world.js';
import { ORGANIZATION_CONTEXT } from '../infra/organization/support.js';
import { fixtureText } from '../support/fixtures.js';
import {
  type DeployedAlertFunction,
  deployedAlertFunction,
  invokeDeployed,
} from './support/deployed-alert-function.js';

/*
 * How the issue is checked: the alert function as deployed (its bundle in
 * cdk.out, the environment its template gives it), cold, against the local
 * IAM/STS/Config/SNS/Organizations endpoint, fed the real CloudTrail events
 * of test/fixtures/cloudtrail with their placeholder accounts replaced.
 */

/** The placeholder accounts of the fixtures (see test/fixtures/cloudtrail/SOURCES.md). */
const PLACEHOLDERS = ['123456789012', '493859302102', '946986569305'] as const;

/** A fixture with each placeholder account replaced by the test's. */
function cloudTrail(name: string, accounts: Readonly<Record<string, string>>): unknown {
  let text = fixtureText(`cloudtrail/${name}.json`);
  for (const placeholder of PLACEHOLDERS) {
    text = text.replaceAll(placeholder, accounts[placeholder] ?? placeholder);
  }
  return JSON.parse(text);
}

/** The root key events of the fixtures: the account they land in, and the key they name. */
const ROOT_KEY_EVENTS = [
  ['root-create-access-key', '123456789012', '1111'],
  ['root-create-access-key-console', '493859302102', 'AKIA5ZZZK44445XXFFVB'],
  ['forwarded/root-create-access-key-console', '493859302102', 'AKIA5ZZZK44445XXFFVB'],
  ['root-update-access-key-active', '493859302102', 'AKIA5ZZZK44445XXFFVB'],
] as const;

/** Events that must raise nothing and call nothing. */
const NOT_ROOT_KEYS = [
  'iam-user-create-access-key',
  'root-create-access-key-for-user',
  'root-create-access-key-for-user-cli',
] as const;

const GARBAGE: readonly [string, unknown][] = [
  ['null', null],
  ['a string', 'CreateAccessKey'],
  ['an empty object', {}],
  [
    'a root event without detail',
    { source: 'aws.iam', 'detail-type': 'AWS API Call via CloudTrail' },
  ],
];

let server: AwsEndpoint;
let world: ReturnType<typeof createWorld>;

/** Starts the endpoint once the deployed function is known: its topic is the one that exists. */
function useEndpoint(options: () => Parameters<typeof createWorld>[0]) {
  beforeAll(async () => {
    world = createWorld(options());
    server = await startAwsEndpoint({ world });
  });
  afterAll(() => server?.close());
  beforeEach(() => server.reset());
}

describe('acceptance, one account: the deployed alert function', () => {
  const OWN = '111111111111';
  const PACK_RULE = 'root-access-key-rule-conformance-pack-x1y2z3';
  const accounts = Object.fromEntries(PLACEHOLDERS.map((id) => [id, OWN]));
  let fn: DeployedAlertFunction;
  beforeAll(() => {
    fn = deployedAlertFunction({});
  });
  useEndpoint(() => ({
    callerAccountId: OWN,
    topics: [fn.topicArn],
    accounts: [{ id: OWN, configRules: ['other-rule', PACK_RULE] }],
  }));

  it('is deployed with the topic and the rule name, and no member role', () => {
    expect(fn.handler).toBe('index.handler');
    expect(fn.environment).toEqual({
      ALERTS_TOPIC_ARN: fn.topicArn,
      RULE_NAME: 'root-access-key-rule',
    });
  });

  it.each(ROOT_KEY_EVENTS)(
    '%s: exactly one alert naming the account and the key, and a re-evaluation of the pack rule',
    async (name, _, key) => {
      const invocation = await invokeDeployed(
        fn,
        server.env('eu-west-1'),
        cloudTrail(name, accounts),
      );

      expect(invocation).toMatchObject({ ok: true, result: { kind: 'root-key' } });
      const published = publishedMessages(server.calls);
      expect(published).toHaveLength(1);
      const [message] = published;
      expect(message?.topicArn).toBe(fn.topicArn);
      expect(message?.subject).toContain(`account ${OWN}`);
      expect(message?.subject).toContain(key);
      expect(JSON.parse(message?.message ?? '{}')).toMatchObject({
        accountId: OWN,
        accessKeyId: key,
        reEvaluation: { status: 'requested', configRuleName: PACK_RULE },
        remediation: `npx root-access-key-rule remediate --accounts ${OWN}`,
      });
      const starts = server.calls.filter((call) => call.action === 'StartConfigRulesEvaluation');
      expect(starts).toHaveLength(1);
      expect(starts[0]?.params).toEqual({ ConfigRuleNames: [PACK_RULE] });
      expect(starts[0]?.region).toBe('eu-west-1');
    },
  );

  it.each(NOT_ROOT_KEYS)('%s: nothing published, nothing called', async (name) => {
    const invocation = await invokeDeployed(
      fn,
      server.env('eu-west-1'),
      cloudTrail(name, accounts),
    );

    expect(invocation).toMatchObject({ ok: true, result: { kind: 'ignored' } });
    expect(server.calls).toEqual([]);
  });

  it.each(GARBAGE)('garbage (%s): nothing published, nothing called', async (_, event) => {
    const invocation = await invokeDeployed(fn, server.env('eu-west-1'), event);

    expect(invocation).toMatchObject({ ok: true, result: { kind: 'ignored' } });
    expect(server.calls).toEqual([]);
  });

  it('alerts a denied root attempt as blocked, and asks for no re-evaluation', async () => {
    const event = cloudTrail('root-create-access-key-console', accounts) as {
      detail: Record<string, unknown>;
    };
    event.detail.errorCode = 'AccessDenied';
    event.detail.errorMessage = 'explicit deny in a service control policy';
    event.detail.responseElements = null;

    const invocation = await invokeDeployed(fn, server.env('eu-west-1'), event);

    expect(invocation).toMatchObject({ ok: true, result: { kind: 'blocked-attempt' } });
    const published = publishedMessages(server.calls);
    expect(published.map((message) => message.subject)).toEqual([
      `Blocked root access key attempt (CreateAccessKey) in account ${OWN}`,
    ]);
    expect(server.calls.map((call) => call.action)).toEqual(['Publish']);
  });

  it('still alerts when the re-evaluation is refused, and says so in the alert', async () => {
    const denied = createWorld({
      callerAccountId: OWN,
      accounts: [
        { id: OWN, configRules: [PACK_RULE], deniedActions: ['config:StartConfigRulesEvaluation'] },
      ],
    });
    const other = await startAwsEndpoint({ world: denied });
    try {
      const invocation = await invokeDeployed(
        fn,
        other.env('eu-west-1'),
        cloudTrail('root-create-access-key-console', accounts),
      );
      expect(invocation).toMatchObject({ ok: true, result: { kind: 'root-key' } });
      const [message] = publishedMessages(other.calls);
      expect(JSON.parse(message?.message ?? '{}').reEvaluation).toEqual({
        status: 'failed',
        reason: expect.stringContaining('config:StartConfigRulesEvaluation'),
      });
    } finally {
      await other.close();
    }
  });

  it('fails the invocation when the alert cannot be published, so that Lambda retries it', async () => {
    const invocation = await invokeDeployed(
      fn,
      { ...server.env('eu-west-1'), ALERTS_TOPIC_ARN: `${fn.topicArn}-deleted` },
      cloudTrail('root-create-access-key-console', accounts),
    );

    expect(invocation).toMatchObject({ ok: false, error: { name: 'AwsCallError' } });
    expect(invocation.ok === false && invocation.error.message).toContain(
      'sns:Publish on arn:aws:sns:eu-west-1:111111111111:',
    );
    expect(invocation.ok === false && invocation.error.message).toContain('NotFoundException');
    expect(publishedMessages(server.calls)).toHaveLength(1);
  });
});

describe('acceptance, organization: the deployed alert function', () => {
  const CENTRAL = '111111111111';
  const ORG_RULE = 'OrgConfigRule-root-access-key-rule-ab12cd34';
  // Each placeholder account becomes a member account of its own.
  const accounts = {
    '123456789012': '222222222222',
    '493859302102': '333333333333',
    '946986569305': '444444444444',
  };
  let fn: DeployedAlertFunction;
  beforeAll(() => {
    fn = deployedAlertFunction({ ...ORGANIZATION_CONTEXT, deployment: 'organization' });
  });
  useEndpoint(() => ({
    callerAccountId: CENTRAL,
    roleName: 'RootAccessKeyRuleMember',
    topics: [fn.topicArn],
    accounts: [
      { id: CENTRAL, name: 'management' },
      { id: '222222222222', name: 'Production', configRules: [ORG_RULE] },
      { id: '333333333333', name: 'Sandbox', configRules: ['other-rule', ORG_RULE] },
      { id: '444444444444', name: 'Build', configRules: [ORG_RULE] },
    ],
  }));

  it('is deployed with the member role and account names', () => {
    expect(fn.environment).toEqual({
      ALERTS_TOPIC_ARN: fn.topicArn,
      RULE_NAME: 'root-access-key-rule',
      MEMBER_ROLE_NAME: 'RootAccessKeyRuleMember',
      READ_ACCOUNT_NAMES: 'true',
    });
  });

  it.each(ROOT_KEY_EVENTS)(
    '%s: one alert naming the member account (with its name) and the key, and a re-evaluation in that account',
    async (name, placeholder, key) => {
      const account = accounts[placeholder];
      const invocation = await invokeDeployed(
        fn,
        server.env('eu-west-1'),
        cloudTrail(name, accounts),
      );

      expect(invocation).toMatchObject({ ok: true, result: { kind: 'root-key' } });
      const published = publishedMessages(server.calls);
      expect(published).toHaveLength(1);
      const accountName = account === '222222222222' ? 'Production' : 'Sandbox';
      expect(published[0]?.subject).toBe(
        `Root access key ${key} created in account ${account} (${accountName})`.replace(
          'created',
          name.includes('update') ? 're-activated' : 'created',
        ),
      );
      expect(JSON.parse(published[0]?.message ?? '{}')).toMatchObject({
        accountId: account,
        accountName,
        accessKeyId: key,
        reEvaluation: { status: 'requested', configRuleName: ORG_RULE },
      });
      // Signed by a session of the member role in that account, not by the central account.
      const starts = server.calls.filter((call) => call.action === 'StartConfigRulesEvaluation');
      expect(starts).toHaveLength(1);
      expect(accountOfAccessKey(starts[0]?.accessKeyId ?? '')).toBe(account);
      expect(starts[0]?.params).toEqual({ ConfigRuleNames: [ORG_RULE] });
      const assumed = server.calls.filter((call) => call.action === 'AssumeRole');
      expect(assumed.map((call) => call.params.RoleArn)).toEqual([
        `arn:aws:iam::${account}:role/RootAccessKeyRuleMember`,
      ]);
    },
  );

  it.each(NOT_ROOT_KEYS)('%s: nothing published, nothing called', async (name) => {
    const invocation = await invokeDeployed(
      fn,
      server.env('eu-west-1'),
      cloudTrail(name, accounts),
    );

    expect(invocation).toMatchObject({ ok: true, result: { kind: 'ignored' } });
    expect(server.calls).toEqual([]);
  });
});
