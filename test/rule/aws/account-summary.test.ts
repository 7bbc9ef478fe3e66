import { GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AccessDeniedError, AwsCallError, DeadlineExceededError } from '../../../aws/errors.js';
import { getAccountSummary } from '../../../rule/src/aws/account-summary.js';
import { serviceError } from '../../support/service-error.js';

const iamMock = mockClient(IAMClient);
const iam = new IAMClient({ region: 'us-east-1' });

const iamError = (name: string, message: string, status = 400) =>
  serviceError('iam', name, message, status);

describe('getAccountSummary', () => {
  beforeEach(() => {
    iamMock.reset();
  });

  it('returns the root key and password counts from the summary map', async () => {
    iamMock.on(GetAccountSummaryCommand).resolves({
      SummaryMap: { AccountAccessKeysPresent: 2, AccountPasswordPresent: 1, Users: 40 },
    });

    await expect(getAccountSummary(iam)).resolves.toEqual({
      accessKeysPresent: 2,
      passwordPresent: 1,
    });
    expect(iamMock.commandCalls(GetAccountSummaryCommand)).toHaveLength(1);
  });

  it('leaves the password count out when IAM does not report it', async () => {
    iamMock.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountAccessKeysPresent: 0 } });

    await expect(getAccountSummary(iam)).resolves.toEqual({ accessKeysPresent: 0 });
  });

  it('fails when the summary lacks AccountAccessKeysPresent', async () => {
    iamMock.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountPasswordPresent: 1 } });

    const failure = getAccountSummary(iam);

    await expect(failure).rejects.toBeInstanceOf(AwsCallError);
    await expect(failure).rejects.toThrow(
      /without AccountAccessKeysPresent.*AccountPasswordPresent/,
    );
  });

  it('fails when the answer has no summary map at all', async () => {
    iamMock.on(GetAccountSummaryCommand).resolves({});

    await expect(getAccountSummary(iam)).rejects.toBeInstanceOf(AwsCallError);
  });

  it('turns AccessDenied into an AccessDeniedError naming iam:GetAccountSummary', async () => {
    iamMock
      .on(GetAccountSummaryCommand)
      .rejects(
        iamError('AccessDenied', 'User is not authorized to perform iam:GetAccountSummary', 403),
      );

    const failure = getAccountSummary(iam);

    await expect(failure).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(failure).rejects.toThrow(/the calling role needs iam:GetAccountSummary/);
  });

  it('keeps the SDK error as the cause of an AccessDeniedError', async () => {
    const denied = iamError('AccessDenied', 'not authorized', 403);
    iamMock.on(GetAccountSummaryCommand).rejects(denied);

    const error = await getAccountSummary(iam).catch((caught: unknown) => caught);

    expect((error as Error).cause).toBe(denied);
  });

  it('turns any other failure into an AwsCallError with the service error', async () => {
    iamMock
      .on(GetAccountSummaryCommand)
      .rejects(iamError('ServiceFailure', 'The request processing has failed', 500));

    const failure = getAccountSummary(iam);

    await expect(failure).rejects.toBeInstanceOf(AwsCallError);
    await expect(failure).rejects.toThrow(
      /iam:GetAccountSummary failed: ServiceFailure: The request processing has failed/,
    );
  });

  it('bounds the call by the deadline it is given, failing with a DeadlineExceededError', async () => {
    iamMock.on(GetAccountSummaryCommand).callsFake(() => new Promise(() => {}));

    const failure = getAccountSummary(iam, () => 30);

    await expect(failure).rejects.toBeInstanceOf(DeadlineExceededError);
    await expect(failure).rejects.toThrow(/Time ran out during iam:GetAccountSummary/);
  });

  it('passes the deadline to the SDK as an abort signal', async () => {
    iamMock.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountAccessKeysPresent: 0 } });

    await getAccountSummary(iam, () => 5_000);

    const call = iamMock.commandCalls(GetAccountSummaryCommand)[0];
    const options = (call?.args as unknown[] | undefined)?.[1] as { abortSignal?: unknown };
    expect(options.abortSignal).toBeInstanceOf(AbortSignal);
  });
});
