import { readFileSync } from 'node:fs';
import { ConfigServiceClient, PutEvaluationsCommand } from '@aws-sdk/client-config-service';
import {
  CredentialReportNotPresentException,
  GenerateCredentialReportCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  LimitExceededException,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AccessDeniedError,
  CredentialReportUnavailableError,
  InvalidEventError,
  InvalidParameterError,
} from '../../rule/src/core/errors.js';
import { createHandler } from '../../rule/src/handler.js';
import { serviceError } from './aws/service-error.js';

const iamMock = mockClient(IAMClient);
const configMock = mockClient(ConfigServiceClient);
const stsMock = mockClient(STSClient);

const RESULT_TOKEN = 'result-token-6b1f0c9e2d7a4e58a3c1';
const OWN_KEY = 'AKIDOWNFUNCTIONROLE1';
const MEMBER = {
  AccessKeyId: 'ASIAMEMBERACCOUNT001',
  SecretAccessKey: 'member-secret-access-key-9f8e7d',
  SessionToken: 'member-session-token-5a4b3c',
};
const context = { getRemainingTimeInMillis: () => 60_000 };

function fixture(name: string): Record<string, unknown> {
  const url = new URL(`../fixtures/events/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

/** AWS's example periodic event (account 012345678912), with the rule's own parameters. */
function scheduledEvent(
  parameters: Record<string, string> = {},
  overrides: Record<string, unknown> = {},
) {
  return {
    ...fixture('scheduled-notification'),
    ruleParameters: JSON.stringify(parameters),
    resultToken: RESULT_TOKEN,
    ...overrides,
  };
}

function csvFixture(name: string): Uint8Array {
  const url = new URL(`../fixtures/reports/${name}.csv`, import.meta.url);
  return new TextEncoder().encode(readFileSync(url, 'utf8'));
}

function accountSummary(keys: number, password: number) {
  iamMock.on(GetAccountSummaryCommand).resolves({
    SummaryMap: { AccountAccessKeysPresent: keys, AccountPasswordPresent: password },
  });
}

function reportFixture(name: string) {
  iamMock.on(GetCredentialReportCommand).resolves({ Content: csvFixture(name) });
}

function putCalls() {
  return configMock.commandCalls(PutEvaluationsCommand);
}

function sentEvaluation() {
  expect(putCalls()).toHaveLength(1);
  return putCalls()[0]?.args[0].input.Evaluations?.[0];
}

/** Captures what the Powertools logger prints (it writes to process.stdout and stderr). */
function captureLogs() {
  const chunks: string[] = [];
  const capture = ((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  return {
    text: () => chunks.join(''),
    entries: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

function newHandler() {
  return createHandler({ backoff: { baseMs: 1, capMs: 2 }, sleep: async () => {} });
}

let logs: ReturnType<typeof captureLogs>;

beforeEach(() => {
  iamMock.reset();
  configMock.reset();
  stsMock.reset();
  configMock.on(PutEvaluationsCommand).resolves({ FailedEvaluations: [] });
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', OWN_KEY);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'own-secret');
  logs = captureLogs();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('handler: the decision table end to end', () => {
  it('reports NOT_APPLICABLE without any IAM call when the account left the scope (row 1)', async () => {
    const result = await newHandler()(scheduledEvent({}, { eventLeftScope: true }), context);

    expect(result.compliance).toBe('NOT_APPLICABLE');
    expect(iamMock.calls()).toHaveLength(0);
    expect(sentEvaluation()).toMatchObject({
      ComplianceType: 'NOT_APPLICABLE',
      Annotation: "The account left the rule's scope.",
    });
  });

  it('reports COMPLIANT for a root user without keys or password by default (row 2)', async () => {
    accountSummary(0, 0);

    const result = await newHandler()(scheduledEvent(), context);

    expect(result.compliance).toBe('COMPLIANT');
    expect(sentEvaluation()).toMatchObject({
      ComplianceType: 'COMPLIANT',
      Annotation: 'The root user has no access keys and no password.',
    });
  });

  it('reports NOT_APPLICABLE for a root user without credentials when asked to (row 2)', async () => {
    accountSummary(0, 0);

    await newHandler()(scheduledEvent({ RootWithoutCredentials: 'NOT_APPLICABLE' }), context);

    expect(sentEvaluation()?.ComplianceType).toBe('NOT_APPLICABLE');
  });

  it('reports COMPLIANT with one IAM call and one PutEvaluations call when no key exists (row 3)', async () => {
    accountSummary(0, 1);

    const result = await newHandler()(scheduledEvent(), context);

    expect(result).toEqual({
      accountId: '012345678912',
      compliance: 'COMPLIANT',
      annotation: 'No root access key exists (IAM account summary: AccountAccessKeysPresent is 0).',
      testMode: false,
    });
    expect(iamMock.calls()).toHaveLength(1);
    expect(putCalls()).toHaveLength(1);
    expect(stsMock.calls()).toHaveLength(0);
    expect(putCalls()[0]?.args[0].input).toEqual({
      Evaluations: [
        {
          ComplianceResourceType: 'AWS::::Account',
          ComplianceResourceId: '012345678912',
          ComplianceType: 'COMPLIANT',
          Annotation: result.annotation,
          OrderingTimestamp: new Date('2016-07-13T21:50:00.373Z'),
        },
      ],
      ResultToken: RESULT_TOKEN,
    });
  });

  it('reports NON_COMPLIANT with per-key detail when keys exist (row 4)', async () => {
    accountSummary(2, 1);
    reportFixture('root-two-keys');

    const result = await newHandler()(scheduledEvent(), context);

    expect(result.compliance).toBe('NON_COMPLIANT');
    expect(sentEvaluation()?.Annotation).toBe(
      'Root user has 2 access keys: key 1 active, last used 2026-11-20 (s3, us-east-1), rotated 2019-03-02; key 2 inactive, never used, rotated 2019-03-02. Delete them.',
    );
    expect(iamMock.calls()).toHaveLength(2);
  });

  it('reports NON_COMPLIANT from the summary when the report is refused (row 4)', async () => {
    accountSummary(1, 1);
    iamMock
      .on(GetCredentialReportCommand)
      .rejects(new CredentialReportNotPresentException({ message: 'absent', $metadata: {} }));
    iamMock
      .on(GenerateCredentialReportCommand)
      .rejects(new LimitExceededException({ message: 'limit', $metadata: {} }));

    await newHandler()(scheduledEvent(), context);

    expect(sentEvaluation()).toMatchObject({
      ComplianceType: 'NON_COMPLIANT',
      Annotation:
        'Root user has 1 access key; details unavailable: IAM refused iam:GenerateCredentialReport (LimitExceeded). Delete it.',
    });
  });

  it('reports NON_COMPLIANT when IgnoreInactiveKeys is true and a key is active (row 5)', async () => {
    accountSummary(2, 1);
    reportFixture('root-two-keys');

    await newHandler()(scheduledEvent({ IgnoreInactiveKeys: 'TRUE' }), context);

    expect(sentEvaluation()).toMatchObject({
      ComplianceType: 'NON_COMPLIANT',
      Annotation: expect.stringMatching(/^Root user has 2 access keys: key 1 active/),
    });
  });

  it('reports COMPLIANT when IgnoreInactiveKeys is true and every key is inactive (row 6)', async () => {
    accountSummary(1, 1);
    reportFixture('root-not-first-extra-columns');

    const result = await newHandler()(scheduledEvent({ IgnoreInactiveKeys: 'true' }), context);

    expect(result.compliance).toBe('COMPLIANT');
    expect(sentEvaluation()?.Annotation).toBe(
      'Root user has only inactive access keys (key 2 inactive, last used 2024-02-03 (iam, eu-central-1), rotated 2021-05-06); compliant as IgnoreInactiveKeys is true, but CIS asks to delete them.',
    );
  });

  it('fails without reporting when IgnoreInactiveKeys is true and the report is unavailable (row 7)', async () => {
    accountSummary(1, 1);
    iamMock.on(GetCredentialReportCommand).rejects(serviceError('iam', 'AccessDenied', 'no', 403));

    const failure = newHandler()(scheduledEvent({ IgnoreInactiveKeys: 'true' }), context);

    await expect(failure).rejects.toBeInstanceOf(CredentialReportUnavailableError);
    expect(putCalls()).toHaveLength(0);
  });
});

describe('handler: the Config event', () => {
  it('evaluates a configuration change with the item capture time as ordering timestamp', async () => {
    accountSummary(0, 1);

    await newHandler()(fixture('configuration-item-change'), context);

    expect(sentEvaluation()).toMatchObject({
      ComplianceResourceId: '123456789012',
      OrderingTimestamp: new Date('2016-02-17T01:36:34.043Z'),
    });
  });

  it('evaluates an oversized configuration change with the summary capture time', async () => {
    accountSummary(0, 1);

    await newHandler()(fixture('oversized-configuration-item-change'), context);

    expect(sentEvaluation()?.OrderingTimestamp).toEqual(new Date('2016-10-06T16:46:16.261Z'));
  });

  it('logs unknown parameter names and ignores them', async () => {
    accountSummary(0, 1);

    const result = await newHandler()(fixture('scheduled-notification'), context);

    expect(result.compliance).toBe('COMPLIANT');
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({
        level: 'WARN',
        message: 'Ignoring unknown rule parameters',
        names: ['<myParameterKey>'],
      }),
    );
  });

  it('fails on an unsupported message type without any AWS call', async () => {
    const failure = newHandler()(fixture('configuration-snapshot-delivery-completed'), context);

    await expect(failure).rejects.toBeInstanceOf(InvalidEventError);
    await expect(failure).rejects.toThrow(/ConfigurationSnapshotDeliveryCompleted/);
    expect(iamMock.calls()).toHaveLength(0);
    expect(putCalls()).toHaveLength(0);
  });

  it('fails on an event without a result token without any AWS call', async () => {
    const failure = newHandler()(scheduledEvent({}, { resultToken: undefined }), context);

    await expect(failure).rejects.toBeInstanceOf(InvalidEventError);
    expect(iamMock.calls()).toHaveLength(0);
    expect(putCalls()).toHaveLength(0);
  });

  it('fails on an invalid parameter value, naming it, without any AWS call', async () => {
    const failure = newHandler()(scheduledEvent({ IgnoreInactiveKeys: 'yes' }), context);

    await expect(failure).rejects.toBeInstanceOf(InvalidParameterError);
    await expect(failure).rejects.toThrow(/IgnoreInactiveKeys.*"yes"/);
    expect(iamMock.calls()).toHaveLength(0);
    expect(putCalls()).toHaveLength(0);
  });

  it('sets TestMode for the TESTMODE result token', async () => {
    accountSummary(0, 1);

    const result = await newHandler()(scheduledEvent({}, { resultToken: 'TESTMODE' }), context);

    expect(result.testMode).toBe(true);
    expect(putCalls()[0]?.args[0].input).toMatchObject({ ResultToken: 'TESTMODE', TestMode: true });
  });

  it('fails naming config:PutEvaluations when Config denies the call', async () => {
    accountSummary(0, 1);
    configMock
      .on(PutEvaluationsCommand)
      .rejects(serviceError('config', 'AccessDeniedException', 'not authorized'));

    const failure = newHandler()(scheduledEvent(), context);

    await expect(failure).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(failure).rejects.toThrow(/config:PutEvaluations/);
  });

  it('bounds report polling by the time the Lambda has left minus the safety margin', async () => {
    accountSummary(1, 1);
    iamMock
      .on(GetCredentialReportCommand)
      .rejects(new CredentialReportNotPresentException({ message: 'absent', $metadata: {} }));
    iamMock.on(GenerateCredentialReportCommand).resolves({ State: 'STARTED' });
    const sleep = vi.fn(async () => {});
    const handler = createHandler({ safetyMarginMs: 5_000, sleep });

    await handler(scheduledEvent(), { getRemainingTimeInMillis: () => 5_400 });

    // 400 ms are left for polling: the first delay (250 to 500 ms jittered) may or may not fit, no later one does.
    expect(sleep.mock.calls.length).toBeLessThanOrEqual(1);
    expect(sentEvaluation()?.Annotation).toMatch(/time left ran out/);
  });
});

describe('handler: cross-account mode', () => {
  /** Access key ids that signed each call, as `service:key`, in call order. */
  let signers: string[];

  /** Mocks that resolve the client's credentials as the SDK does when signing. */
  function signingAccount(keys: number, password: number) {
    signers = [];
    const signedBy = async (
      service: string,
      client: { config: { credentials: () => Promise<{ accessKeyId: string }> } },
    ) => signers.push(`${service}:${(await client.config.credentials()).accessKeyId}`);
    iamMock.on(GetAccountSummaryCommand).callsFake(async (_input, getClient) => {
      await signedBy('iam', getClient());
      return { SummaryMap: { AccountAccessKeysPresent: keys, AccountPasswordPresent: password } };
    });
    iamMock.on(GetCredentialReportCommand).callsFake(async (_input, getClient) => {
      await signedBy('iam', getClient());
      return { Content: csvFixture('root-two-keys') };
    });
    configMock.on(PutEvaluationsCommand).callsFake(async (_input, getClient) => {
      await signedBy('config', getClient());
      return { FailedEvaluations: [] };
    });
  }

  function memberRole(lifetimeMs = 3_600_000) {
    stsMock.on(AssumeRoleCommand).callsFake(() => ({
      Credentials: { ...MEMBER, Expiration: new Date(Date.now() + lifetimeMs) },
    }));
  }

  function assumedRoles() {
    return stsMock.commandCalls(AssumeRoleCommand).map((call) => call.args[0].input.RoleArn);
  }

  it('assumes the named role in the evaluated account, partition from configRuleArn', async () => {
    memberRole();
    signingAccount(0, 1);

    await newHandler()(scheduledEvent({ ExecutionRoleName: 'RootAccessKeyRuleMember' }), context);

    expect(stsMock.commandCalls(AssumeRoleCommand)[0]?.args[0].input).toEqual({
      RoleArn: 'arn:aws:iam::012345678912:role/RootAccessKeyRuleMember',
      RoleSessionName: 'root-access-key-rule',
    });
  });

  it('builds a GovCloud role ARN from a GovCloud rule ARN', async () => {
    memberRole();
    signingAccount(0, 1);

    await newHandler()(fixture('scheduled-notification-govcloud'), context);

    expect(assumedRoles()).toEqual([
      'arn:aws-us-gov:iam::111122223333:role/RootAccessKeyRuleMember',
    ]);
  });

  it('signs the IAM calls and PutEvaluations with the assumed credentials', async () => {
    memberRole();
    signingAccount(2, 1);

    await newHandler()(scheduledEvent({ ExecutionRoleName: 'Member' }), context);

    expect(signers).toEqual([
      `iam:${MEMBER.AccessKeyId}`,
      `iam:${MEMBER.AccessKeyId}`,
      `config:${MEMBER.AccessKeyId}`,
    ]);
  });

  it('uses the function role itself, without STS, when no ExecutionRoleName is set', async () => {
    signingAccount(0, 1);

    await newHandler()(scheduledEvent(), context);

    expect(signers).toEqual([`iam:${OWN_KEY}`, `config:${OWN_KEY}`]);
    expect(stsMock.calls()).toHaveLength(0);
  });

  it('reuses assumed credentials across warm invocations', async () => {
    memberRole();
    signingAccount(0, 1);
    const handler = newHandler();
    const event = scheduledEvent({ ExecutionRoleName: 'Member' });

    await handler(event, context);
    await handler(event, context);

    expect(signers).toEqual(Array(4).fill(expect.stringContaining(MEMBER.AccessKeyId)));
    expect(assumedRoles()).toHaveLength(1);
  });

  it('assumes a role per evaluated account', async () => {
    memberRole();
    signingAccount(0, 1);
    const handler = newHandler();

    await handler(scheduledEvent({ ExecutionRoleName: 'Member' }), context);
    await handler(
      scheduledEvent({ ExecutionRoleName: 'Member' }, { accountId: '444455556666' }),
      context,
    );

    expect(assumedRoles()).toEqual([
      'arn:aws:iam::012345678912:role/Member',
      'arn:aws:iam::444455556666:role/Member',
    ]);
  });

  it('assumes the role again once the credentials expire within five minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-28T06:00:00Z'));
    memberRole(15 * 60_000);
    signingAccount(0, 1);
    const handler = newHandler();
    const event = scheduledEvent({ ExecutionRoleName: 'Member' });

    await handler(event, context);
    vi.setSystemTime(new Date('2026-11-28T06:09:59Z'));
    await handler(event, context);
    const beforeRefresh = assumedRoles().length;
    vi.setSystemTime(new Date('2026-11-28T06:10:01Z'));
    await handler(event, context);

    expect(beforeRefresh).toBe(1);
    expect(assumedRoles()).toHaveLength(2);
  });

  it('fails naming sts:AssumeRole and the role ARN when the role cannot be assumed', async () => {
    stsMock
      .on(AssumeRoleCommand)
      .rejects(
        serviceError('sts', 'AccessDenied', 'not authorized to perform sts:AssumeRole', 403),
      );
    signingAccount(0, 1);

    const failure = newHandler()(scheduledEvent({ ExecutionRoleName: 'Member' }), context);

    await expect(failure).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(failure).rejects.toThrow(
      /sts:AssumeRole on arn:aws:iam::012345678912:role\/Member .*the calling role needs sts:AssumeRole/,
    );
    expect(signers).toEqual([]);
    expect(putCalls()).toHaveLength(0);
  });

  it('reports a left-scope account with the member credentials and no IAM call', async () => {
    memberRole();
    signingAccount(0, 1);

    await newHandler()(
      scheduledEvent({ ExecutionRoleName: 'Member' }, { eventLeftScope: true }),
      context,
    );

    expect(signers).toEqual([`config:${MEMBER.AccessKeyId}`]);
  });

  it('fails when cross-account mode has no ARN to take the partition from', async () => {
    const failure = newHandler()(
      scheduledEvent(
        { ExecutionRoleName: 'Member' },
        { configRuleArn: undefined, executionRoleArn: undefined },
      ),
      context,
    );

    await expect(failure).rejects.toBeInstanceOf(InvalidEventError);
    await expect(failure).rejects.toThrow(/configRuleArn/);
    expect(stsMock.calls()).toHaveLength(0);
  });
});

describe('handler: the evaluation log', () => {
  function reported() {
    return logs.entries().filter((entry) => entry.message === 'Evaluation reported');
  }

  it('logs one line with account, compliance, key count, report use and timings', async () => {
    accountSummary(2, 1);
    reportFixture('root-two-keys');

    await newHandler()(scheduledEvent(), context);

    expect(reported()).toHaveLength(1);
    const line = reported()[0] ?? {};
    expect(line).toMatchObject({
      level: 'INFO',
      service: 'root-access-key-rule',
      accountId: '012345678912',
      compliance: 'NON_COMPLIANT',
      decisionRow: 4,
      keyCount: 2,
      reportUsed: true,
      crossAccount: false,
      testMode: false,
    });
    const timings = line.timingsMs as Record<string, number>;
    expect(Object.keys(timings).sort()).toEqual([
      'putEvaluationsMs',
      'reportMs',
      'summaryMs',
      'totalMs',
    ]);
    expect(Object.values(timings).every((ms) => Number.isInteger(ms) && ms >= 0)).toBe(true);
    expect(timings.totalMs).toBeGreaterThanOrEqual(timings.summaryMs ?? Number.NaN);
  });

  it('puts the Lambda request id on every line of its own invocation only', async () => {
    accountSummary(0, 1);
    const handler = newHandler();

    await handler(scheduledEvent(), { ...context, awsRequestId: 'request-1' });
    await handler(scheduledEvent(), context);

    expect(reported().map((line) => line.function_request_id)).toEqual(['request-1', undefined]);
  });

  it('says the report was not used on the compliant path', async () => {
    accountSummary(0, 1);

    await newHandler()(scheduledEvent(), context);

    expect(reported()[0]).toMatchObject({ keyCount: 0, reportUsed: false });
  });

  it('says why the report was unavailable', async () => {
    accountSummary(1, 1);
    iamMock.on(GetCredentialReportCommand).rejects(serviceError('iam', 'AccessDenied', 'no', 403));

    await newHandler()(scheduledEvent(), context);

    expect(reported()[0]).toMatchObject({
      reportUsed: false,
      reportUnavailable: 'access denied: the role needs iam:GetCredentialReport',
    });
  });

  it('logs a failed evaluation as an error with the account and the reason', async () => {
    iamMock
      .on(GetAccountSummaryCommand)
      .rejects(serviceError('iam', 'AccessDenied', 'not authorized', 403));

    await expect(newHandler()(scheduledEvent(), context)).rejects.toThrow();

    expect(logs.entries()).toContainEqual(
      expect.objectContaining({
        level: 'ERROR',
        message: 'Evaluation failed; no result was reported',
        accountId: '012345678912',
        error: expect.objectContaining({
          name: 'AccessDeniedError',
          message: expect.stringContaining('iam:GetAccountSummary'),
        }),
      }),
    );
    expect(reported()).toHaveLength(0);
  });

  it('never logs the result token or the assumed credentials', async () => {
    stsMock
      .on(AssumeRoleCommand)
      .resolves({ Credentials: { ...MEMBER, Expiration: new Date(Date.now() + 3_600_000) } });
    iamMock.on(GetAccountSummaryCommand).callsFake(async (_input, getClient) => {
      await getClient().config.credentials();
      return { SummaryMap: { AccountAccessKeysPresent: 1, AccountPasswordPresent: 1 } };
    });
    reportFixture('root-two-keys');
    const handler = newHandler();

    await handler(scheduledEvent({ ExecutionRoleName: 'Member' }), context);
    configMock.on(PutEvaluationsCommand).rejects(serviceError('config', 'AccessDeniedException'));
    await expect(
      handler(scheduledEvent({ ExecutionRoleName: 'Member' }), context),
    ).rejects.toThrow();

    const text = logs.text();
    expect(stsMock.commandCalls(AssumeRoleCommand)).toHaveLength(1);
    expect(reported()).toHaveLength(1);
    expect(text).toContain('Evaluation failed');
    for (const secret of [
      RESULT_TOKEN,
      MEMBER.AccessKeyId,
      MEMBER.SecretAccessKey,
      MEMBER.SessionToken,
      'own-secret',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
