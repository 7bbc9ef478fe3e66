import { PutEvaluationsCommand } from '@aws-sdk/client-config-service';
import { GetAccountSummaryCommand, GetCredentialReportCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { serviceError } from '../../support/service-error.js';

import {
  accountSummary,
  configMock,
  context,
  iamMock,
  MEMBER,
  newHandler,
  RESULT_TOKEN,
  reportFixture,
  scheduledEvent,
  stsMock,
  useHandlerMocks,
} from './support.js';

const logs = useHandlerMocks();

describe('handler: the evaluation log', () => {
  function reported() {
    return logs()
      .entries()
      .filter((entry) => entry.message === 'Evaluation reported');
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

    expect(logs().entries()).toContainEqual(
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

    const text = logs().text();
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
