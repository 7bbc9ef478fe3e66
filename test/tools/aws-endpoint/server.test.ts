import { GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BASE_ACCESS_KEY_ID, withEnv } from '../../../tools/aws-endpoint/env.js';
import { iamResponses } from '../../../tools/aws-endpoint/iam-responses.js';
import {
  awsError,
  connectionReset,
  httpStatus,
  serverError,
  withDelay,
} from '../../../tools/aws-endpoint/responses.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../../tools/aws-endpoint/server.js';
import { stsResponses } from '../../../tools/aws-endpoint/sts-responses.js';
import { rejectionOf } from '../../support/rejection.js';

let server: AwsEndpoint;

beforeAll(async () => {
  server = await startAwsEndpoint();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const summary = (keys: number) =>
  iamResponses.getAccountSummary({ accessKeysPresent: keys, passwordPresent: true });

function summaryCall(maxAttempts = 1, region?: string) {
  return withEnv(server.env(region), () =>
    new IAMClient({ maxAttempts }).send(new GetAccountSummaryCommand({})),
  );
}

describe('startAwsEndpoint', () => {
  it('listens on 127.0.0.1 and gives the SDK every endpoint variable', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.env()).toMatchObject({
      AWS_ENDPOINT_URL_IAM: server.url,
      AWS_ENDPOINT_URL_STS: server.url,
      AWS_ENDPOINT_URL_CONFIG_SERVICE: server.url,
      AWS_ENDPOINT_URL_ORGANIZATIONS: server.url,
      AWS_ENDPOINT_URL_SNS: server.url,
      AWS_ACCESS_KEY_ID: BASE_ACCESS_KEY_ID,
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
  });

  it('records service, action, params, signing key and region of each call', async () => {
    server.script(
      'sts',
      'AssumeRole',
      stsResponses.assumeRole({
        roleArn: 'arn:aws:iam::222222222222:role/audit',
        sessionName: 's',
        accessKeyId: 'ASIA222222222222TEST',
      }),
    );
    const before = Date.now();

    await withEnv(server.env('eu-west-1'), () =>
      new STSClient({}).send(
        new AssumeRoleCommand({
          RoleArn: 'arn:aws:iam::222222222222:role/audit',
          RoleSessionName: 's',
        }),
      ),
    );

    expect(server.calls).toHaveLength(1);
    const [call] = server.calls;
    expect(call).toMatchObject({
      service: 'sts',
      action: 'AssumeRole',
      params: { RoleArn: 'arn:aws:iam::222222222222:role/audit', RoleSessionName: 's' },
      accessKeyId: BASE_ACCESS_KEY_ID,
      sessionToken: undefined,
      region: 'eu-west-1',
      status: 200,
    });
    expect(call?.time).toBeGreaterThanOrEqual(before);
  });

  it('sends a Date header, as AWS does, that a clock offset moves', async () => {
    const before = Date.now();
    const res = await fetch(`${server.url}/`, { method: 'POST', body: '' });
    const sent = Date.parse(res.headers.get('date') ?? '');
    expect(Math.abs(sent - before)).toBeLessThan(2000);

    server.setClockOffset(-40 * 86_400_000);
    const skewed = await fetch(`${server.url}/`, { method: 'POST', body: '' });
    const late = Date.parse(skewed.headers.get('date') ?? '');
    expect(before - late).toBeGreaterThan(40 * 86_400_000 - 2000);
    expect(before - late).toBeLessThan(40 * 86_400_000 + 2000);

    server.reset();
    const reset = await fetch(`${server.url}/`, { method: 'POST', body: '' });
    expect(Math.abs(Date.parse(reset.headers.get('date') ?? '') - Date.now())).toBeLessThan(2000);
  });

  it('records the GovCloud signing region', async () => {
    server.script('iam', 'GetAccountSummary', summary(0));

    await summaryCall(1, 'us-gov-west-1');

    expect(server.calls[0]?.region).toBe('us-gov-west-1');
  });

  it('answers scripted responses once each, in order, then the default handler', async () => {
    server.script('iam', 'GetAccountSummary', summary(1), (call) =>
      summary(call.region === 'us-east-1' ? 2 : 9),
    );
    server.setDefault('iam', 'GetAccountSummary', () => summary(3));

    const counts = [];
    for (let i = 0; i < 4; i += 1) {
      counts.push((await summaryCall()).SummaryMap?.AccountAccessKeysPresent);
    }

    expect(counts).toEqual([1, 2, 3, 3]);
    expect(server.unusedScripts()).toEqual([]);
  });

  it('lists scripted answers that were never used', () => {
    server.script(
      'iam',
      'GetCredentialReport',
      iamResponses.reportInProgress(),
      iamResponses.reportExpired(),
    );
    server.script(
      'sts',
      'GetCallerIdentity',
      stsResponses.getCallerIdentity({ account: '111111111111' }),
    );

    expect(server.unusedScripts()).toEqual([
      'iam:GetCredentialReport',
      'iam:GetCredentialReport',
      'sts:GetCallerIdentity',
    ]);
  });

  it('answers an unscripted action with an error that names it', async () => {
    const error = await rejectionOf(summaryCall());

    expect(error.name).toBe('UnscriptedOperation');
    expect(error.message).toContain('iam:GetAccountSummary');
  });

  it('answers a handler that throws with an error that says so', async () => {
    server.setDefault('iam', 'GetAccountSummary', () => {
      throw new Error('boom');
    });

    const error = await rejectionOf(summaryCall());

    expect(error.name).toBe('EndpointHandlerError');
    expect(error.message).toContain('boom');
  });

  it('renders a protocol-neutral error in the caller protocol', async () => {
    server.script(
      'sts',
      'GetCallerIdentity',
      awsError('ExpiredToken', 'The security token included in the request is expired', 403),
    );

    const error = await rejectionOf(
      withEnv(server.env(), () =>
        new STSClient({ maxAttempts: 1 }).send(new GetCallerIdentityCommand({})),
      ),
    );

    expect(error.name).toBe('ExpiredToken');
    expect(error.$metadata).toMatchObject({ httpStatusCode: 403 });
  });

  it('resets the connection: the SDK sees ECONNRESET, retries and succeeds', async () => {
    server.script('iam', 'GetAccountSummary', connectionReset(), summary(0));

    const answer = await summaryCall(3);

    expect(answer.$metadata.attempts).toBe(2);
    expect(server.calls).toHaveLength(2);
    expect(server.calls[0]?.status).toBeUndefined();
    expect(server.calls[1]?.status).toBe(200);
  });

  it('resets the connection: without retries the SDK fails with code ECONNRESET', async () => {
    server.script('iam', 'GetAccountSummary', connectionReset());

    const error = await rejectionOf(summaryCall(1));

    expect(error.code).toBe('ECONNRESET');
  });

  it.each([500, 503] as const)('sends HTTP %i as a retryable server fault', async (status) => {
    server.script('iam', 'GetAccountSummary', serverError(status), summary(1));

    const answer = await summaryCall(2);

    expect(answer.$metadata.attempts).toBe(2);
    expect(server.calls.map((call) => call.status)).toEqual([status, 200]);
  });

  it('sends a bare HTTP 503 that the SDK still retries', async () => {
    server.script('iam', 'GetAccountSummary', httpStatus(503), summary(1));

    const answer = await summaryCall(2);

    expect(answer.$metadata.attempts).toBe(2);
  });

  it('delays a response when asked', async () => {
    server.script('iam', 'GetAccountSummary', withDelay(summary(0), 150));
    const started = Date.now();

    await summaryCall();

    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('adds the configured latency to every answer, overlapping concurrent calls', async () => {
    const slow = await startAwsEndpoint({ latencyMs: 100 });
    slow.setDefault('iam', 'GetAccountSummary', () => summary(0));
    const started = Date.now();

    await withEnv(slow.env(), async () => {
      const iam = new IAMClient({});
      await Promise.all([1, 2, 3, 4].map(() => iam.send(new GetAccountSummaryCommand({}))));
    });
    await slow.close();

    const arrivals = slow.calls.map((call) => call.time);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(arrivals).toHaveLength(4);
    // Sequential answers would space arrivals at least 100 ms apart.
    expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeLessThan(100);
  });

  it('rejects unsigned requests with MissingAuthenticationToken', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetAccountSummary&Version=2010-05-08',
    });

    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>MissingAuthenticationToken</Code>');
    expect(server.calls).toEqual([]);
  });

  it('forgets calls, scripts and defaults on reset', async () => {
    server.script('iam', 'GetAccountSummary', summary(1));
    server.setDefault('iam', 'GetAccountSummary', () => summary(2));
    await summaryCall();

    server.reset();

    expect(server.calls).toEqual([]);
    expect(server.unusedScripts()).toEqual([]);
    expect((await rejectionOf(summaryCall())).name).toBe('UnscriptedOperation');
  });
});

describe('withEnv', () => {
  it('applies variables, unsets ambient credentials and restores everything after', async () => {
    process.env.AWS_SESSION_TOKEN = 'ambient-token';
    delete process.env.AWS_ENDPOINT_URL_IAM;

    const seen = await withEnv(
      { AWS_ENDPOINT_URL_IAM: 'http://127.0.0.1:1', AWS_REGION: undefined },
      () => ({
        url: process.env.AWS_ENDPOINT_URL_IAM,
        token: process.env.AWS_SESSION_TOKEN,
        region: process.env.AWS_REGION,
      }),
    );

    expect(seen).toEqual({ url: 'http://127.0.0.1:1', token: undefined, region: undefined });
    expect(process.env.AWS_SESSION_TOKEN).toBe('ambient-token');
    expect(process.env.AWS_ENDPOINT_URL_IAM).toBeUndefined();
    delete process.env.AWS_SESSION_TOKEN;
  });

  it('restores the environment when the function throws', async () => {
    process.env.AWS_REGION = 'before-region';

    await expect(
      withEnv({ AWS_REGION: 'ap-south-1' }, () => {
        throw new Error('inside');
      }),
    ).rejects.toThrow('inside');

    expect(process.env.AWS_REGION).toBe('before-region');
    delete process.env.AWS_REGION;
  });
});
