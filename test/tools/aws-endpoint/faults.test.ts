import { request } from 'node:http';
import { ConfigServiceClient, PutEvaluationsCommand } from '@aws-sdk/client-config-service';
import { GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withEnv } from '../../../tools/aws-endpoint/env.js';
import { Framing, garbage, stall, truncated } from '../../../tools/aws-endpoint/faults.js';
import { iamResponses } from '../../../tools/aws-endpoint/iam-responses.js';
import { awsError } from '../../../tools/aws-endpoint/responses.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../../tools/aws-endpoint/server.js';
import { stsResponses } from '../../../tools/aws-endpoint/sts-responses.js';

let server: AwsEndpoint;

beforeAll(async () => {
  server = await startAwsEndpoint();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const summary = iamResponses.getAccountSummary({ accessKeysPresent: 1, passwordPresent: true });

function summaryCall(options: { requestTimeout?: number; maxAttempts?: number } = {}) {
  return withEnv(server.env(), () =>
    new IAMClient({
      maxAttempts: options.maxAttempts ?? 1,
      requestHandler: { requestTimeout: options.requestTimeout ?? 0, throwOnRequestTimeout: true },
    }).send(new GetAccountSummaryCommand({})),
  );
}

/** A raw signed-looking IAM request, to see exactly what goes over the wire. */
function rawSummary(): Promise<{
  status?: number | undefined;
  length?: string | undefined;
  body: string;
  error?: string;
}> {
  const url = new URL(server.url);
  return new Promise((resolve) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization:
            'AWS4-HMAC-SHA256 Credential=AKIDBASEEXAMPLEKEY01/20261128/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        const done = (error?: string) =>
          resolve({
            status: res.statusCode,
            length: res.headers['content-length'],
            body: Buffer.concat(chunks).toString('utf8'),
            ...(error === undefined ? {} : { error }),
          });
        res.on('end', () => done());
        res.on('aborted', () => done('aborted'));
        res.on('error', (error) => done(error.message));
      },
    );
    req.on('error', (error) => resolve({ body: '', error: error.message }));
    req.end('Action=GetAccountSummary&Version=2010-05-08');
  });
}

describe('endpoint faults: stall', () => {
  it('never answers: the SDK gives up on its own request timeout', async () => {
    server.script('iam', 'GetAccountSummary', stall());
    const started = performance.now();

    const error = await summaryCall({ requestTimeout: 150 }).catch((caught: Error) => caught);

    expect((error as Error).name).toBe('TimeoutError');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]?.status).toBeUndefined();
  });

  it('keeps serving other calls while a request stalls', async () => {
    server.script('iam', 'GetAccountSummary', stall(), summary);

    await expect(summaryCall({ requestTimeout: 100, maxAttempts: 2 })).resolves.toMatchObject({
      SummaryMap: { AccountAccessKeysPresent: 1 },
    });
    expect(server.calls.map((call) => call.status)).toEqual([undefined, 200]);
  });
});

describe('endpoint faults: a stalled service', () => {
  it('reads and records every call to the service, answers none, and keeps serving the others', async () => {
    server.stallService('iam');
    server.setDefault('iam', 'GetAccountSummary', () => summary);
    server.setDefault('sts', 'GetCallerIdentity', () =>
      stsResponses.getCallerIdentity({
        account: '111111111111',
        arn: 'arn:aws:iam::111111111111:user/a',
      }),
    );
    const started = performance.now();

    const error = await summaryCall({ requestTimeout: 150, maxAttempts: 2 }).catch(
      (caught: Error) => caught,
    );
    const identity = await withEnv(server.env(), () =>
      new STSClient({}).send(new GetCallerIdentityCommand({})),
    );

    expect((error as Error).name).toBe('TimeoutError');
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    expect(identity.Account).toBe('111111111111');
    expect(server.calls.map((call) => [call.action, call.status])).toEqual([
      ['GetAccountSummary', undefined],
      ['GetAccountSummary', undefined],
      ['GetCallerIdentity', 200],
    ]);
  });

  it('answers again after reset', async () => {
    server.stallService('iam');
    server.reset();
    server.script('iam', 'GetAccountSummary', summary);

    await expect(summaryCall({ requestTimeout: 1000 })).resolves.toMatchObject({
      SummaryMap: { AccountAccessKeysPresent: 1 },
    });
  });
});

describe('endpoint faults: truncated answers', () => {
  it('sends a cut body with its own length: a well-formed answer with a broken document', async () => {
    server.script('iam', 'GetAccountSummary', truncated(summary, 120));

    const raw = await rawSummary();

    expect(raw.status).toBe(200);
    expect(raw.length).toBe('120');
    expect(raw.body).toBe(summary.body.slice(0, 120));
    expect(raw.error).toBeUndefined();
  });

  it('makes the SDK fail to parse a cut XML document', async () => {
    server.script('iam', 'GetAccountSummary', truncated(summary, summary.body.length - 20));

    await expect(summaryCall()).rejects.toThrow(/XML parse error/);
  });

  it('announces the whole length, then closes the connection after the cut', async () => {
    server.script(
      'iam',
      'GetAccountSummary',
      truncated(summary, 200, Framing.ClosedEarly),
      truncated(summary, 200, Framing.ClosedEarly),
    );

    const raw = await rawSummary();

    expect(raw.length).toBe(String(Buffer.byteLength(summary.body)));
    expect(raw.body).toBe(summary.body.slice(0, 200));
    expect(raw.error).toBe('aborted');
    await expect(summaryCall()).rejects.toThrow(/aborted/);
  });

  it('renders a service error in the caller protocol before cutting it', async () => {
    server.script(
      'config',
      'PutEvaluations',
      truncated(awsError('ThrottlingException', 'Rate exceeded', 400), 12),
    );

    const error = await withEnv(server.env(), () =>
      new ConfigServiceClient({ maxAttempts: 1 }).send(
        new PutEvaluationsCommand({ ResultToken: 't', Evaluations: [] }),
      ),
    ).catch((caught: Error) => caught);

    expect(error).toBeInstanceOf(Error);
    expect(server.calls[0]?.status).toBe(400);
  });
});

describe('endpoint faults: garbage', () => {
  it('sends any body in the content type of the caller protocol', async () => {
    server.script('iam', 'GetAccountSummary', garbage('<html>Bad gateway</html>', 502));

    const raw = await rawSummary();

    expect(raw).toMatchObject({ status: 502, body: '<html>Bad gateway</html>' });
  });

  it('gives the JSON services their own content type', async () => {
    server.script('config', 'PutEvaluations', garbage('not json'));

    const error = await withEnv(server.env(), () =>
      new ConfigServiceClient({ maxAttempts: 1 }).send(
        new PutEvaluationsCommand({ ResultToken: 't', Evaluations: [] }),
      ),
    ).catch((caught: Error) => caught);

    expect((error as Error).name).toBe('SyntaxError');
  });
});
