import {
  GenerateCredentialReportCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { credentialReportCsv } from '../../../tools/aws-endpoint/credential-report-csv.js';
import { withEnv } from '../../../tools/aws-endpoint/env.js';
import { iamResponses } from '../../../tools/aws-endpoint/iam-responses.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../../tools/aws-endpoint/server.js';
import { rejectionOf } from '../../support/rejection.js';

let server: AwsEndpoint;

beforeAll(async () => {
  server = await startAwsEndpoint();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** Sends one IAM command with a client built by default resolution only. */
function sendIam<T>(send: (iam: IAMClient) => Promise<T>, maxAttempts = 1): Promise<T> {
  return withEnv(server.env(), () => send(new IAMClient({ maxAttempts })));
}

describe('IAM answers through the real IAMClient', () => {
  it('parses GetAccountSummary with the root facts and the other SummaryMap entries', async () => {
    server.script(
      'iam',
      'GetAccountSummary',
      iamResponses.getAccountSummary({ accessKeysPresent: 2, passwordPresent: false }),
    );

    const answer = await sendIam((iam) => iam.send(new GetAccountSummaryCommand({})));

    expect(answer.SummaryMap).toMatchObject({
      AccountAccessKeysPresent: 2,
      AccountPasswordPresent: 0,
      Users: 4,
      AccountMFAEnabled: 1,
    });
    expect(server.calls).toMatchObject([
      { service: 'iam', action: 'GetAccountSummary', params: {} },
    ]);
  });

  it.each(['STARTED', 'INPROGRESS', 'COMPLETE'] as const)(
    'parses GenerateCredentialReport state %s',
    async (state) => {
      server.script(
        'iam',
        'GenerateCredentialReport',
        iamResponses.generateCredentialReport(state),
      );

      const answer = await sendIam((iam) => iam.send(new GenerateCredentialReportCommand({})));

      expect(answer.State).toBe(state);
      expect(answer.Description).toMatch(/report/i);
    },
  );

  it('delivers GetCredentialReport content as the CSV bytes, with format and time', async () => {
    const csv = credentialReportCsv({
      root: { key1: { active: true } },
      users: [{ name: 'ops,admin' }],
    });
    const generated = new Date('2026-11-28T05:04:03Z');
    server.script('iam', 'GetCredentialReport', iamResponses.getCredentialReport(csv, generated));

    const answer = await sendIam((iam) => iam.send(new GetCredentialReportCommand({})));

    expect(Buffer.from(answer.Content ?? new Uint8Array()).toString('utf8')).toBe(csv);
    expect(answer.ReportFormat).toBe('text/csv');
    expect(answer.GeneratedTime).toEqual(generated);
  });

  it.each([
    ['reportNotPresent', 'CredentialReportNotPresentException', 410],
    ['reportExpired', 'CredentialReportExpiredException', 410],
    ['reportInProgress', 'CredentialReportNotReadyException', 404],
    ['limitExceeded', 'LimitExceededException', 409],
    ['throttling', 'Throttling', 400],
    ['accessDenied', 'AccessDenied', 403],
  ] as const)('turns %s into the SDK error %s (HTTP %i)', async (builder, name, status) => {
    server.script('iam', 'GetCredentialReport', iamResponses[builder]());

    const error = await rejectionOf(sendIam((iam) => iam.send(new GetCredentialReportCommand({}))));

    expect(error.name).toBe(name);
    expect(error.$metadata).toMatchObject({ httpStatusCode: status, attempts: 1 });
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('lets the SDK retry Throttling and succeed with the next answer', async () => {
    server.script(
      'iam',
      'GetAccountSummary',
      iamResponses.throttling(),
      iamResponses.getAccountSummary({ accessKeysPresent: 0, passwordPresent: true }),
    );

    const answer = await sendIam((iam) => iam.send(new GetAccountSummaryCommand({})), 3);

    expect(answer.SummaryMap?.AccountAccessKeysPresent).toBe(0);
    expect(answer.$metadata.attempts).toBe(2);
    expect(server.calls.map((call) => call.status)).toEqual([400, 200]);
  });

  it('names the action and principal in AccessDenied', async () => {
    server.script(
      'iam',
      'GetCredentialReport',
      iamResponses.accessDenied(
        'iam:GetCredentialReport',
        'arn:aws:sts::222222222222:assumed-role/audit/s',
      ),
    );

    const error = await rejectionOf(sendIam((iam) => iam.send(new GetCredentialReportCommand({}))));

    expect(error.message).toContain('arn:aws:sts::222222222222:assumed-role/audit/s');
    expect(error.message).toContain('iam:GetCredentialReport');
  });
});
