import {
  GenerateCredentialReportCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withEnv } from '../../../../tools/aws-endpoint/env.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../../../tools/aws-endpoint/server.js';
import type { SimAccount } from '../../../../tools/aws-endpoint/world/model.js';
import { createWorld } from '../../../../tools/aws-endpoint/world/world.js';

const ACCOUNTS: SimAccount[] = [
  {
    id: '200000000001',
    rootKeys: { key1: { active: true, lastUsedDate: '2026-11-20T08:00:00+00:00' } },
  },
  {
    id: '200000000002',
    rootKeys: { key2: { active: false } },
    credentialReport: { exists: false, notReadyPolls: 1 },
  },
  {
    id: '200000000003',
    rootKeyCount: 1,
    passwordPresent: false,
    credentialReport: { getErrors: ['ReportExpired', 'Throttling'] },
  },
  { id: '200000000004', rootKeyCount: 2, deniedActions: ['iam:GetCredentialReport'] },
  { id: '200000000005', credentialReport: { exists: false } },
];
const world = createWorld({ accounts: ACCOUNTS });
let server: AwsEndpoint;

beforeAll(async () => {
  server = await startAwsEndpoint({ world });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** Runs `fn` with an IAM client signed by credentials assumed in the account. */
function asAccount<T>(accountId: string, fn: (iam: IAMClient) => Promise<T>): Promise<T> {
  return withEnv(server.env(), async () => {
    const { Credentials } = await new STSClient({}).send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${accountId}:role/audit`,
        RoleSessionName: 'audit',
      }),
    );
    const credentials = {
      accessKeyId: Credentials?.AccessKeyId ?? '',
      secretAccessKey: Credentials?.SecretAccessKey ?? '',
      sessionToken: Credentials?.SessionToken ?? '',
    };
    return fn(new IAMClient({ credentials, maxAttempts: 1 }));
  });
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: Error) => error.name,
  );

async function reportRoot(iam: IAMClient): Promise<Record<string, string> | undefined> {
  const { Content } = await iam.send(new GetCredentialReportCommand({}));
  const rows = parse(Buffer.from(Content ?? new Uint8Array()).toString('utf8'), {
    columns: true,
  }) as Record<string, string>[];
  return rows.find((row) => row.user === '<root_account>');
}

describe('the simulated world: IAM per account', () => {
  it('answers GetAccountSummary from the account facts', async () => {
    const summary = await asAccount('200000000003', (iam) =>
      iam.send(new GetAccountSummaryCommand({})),
    );

    expect(summary.SummaryMap).toMatchObject({
      AccountAccessKeysPresent: 1,
      AccountPasswordPresent: 0,
    });
  });

  it('serves an existing report at once, with the account root key slots', async () => {
    const state = await asAccount('200000000001', async (iam) => {
      const generated = await iam.send(new GenerateCredentialReportCommand({}));
      return { state: generated.State, root: await reportRoot(iam) };
    });

    expect(state.state).toBe('COMPLETE');
    expect(state.root).toMatchObject({
      arn: 'arn:aws:iam::200000000001:root',
      access_key_1_active: 'true',
      access_key_1_last_used_date: '2026-11-20T08:00:00+00:00',
      access_key_2_active: 'false',
    });
  });

  it('generates a new report over polls: STARTED, then unfinished, then ready', async () => {
    const seen = await asAccount('200000000002', async (iam) => [
      (await iam.send(new GenerateCredentialReportCommand({}))).State,
      await failure(iam.send(new GetCredentialReportCommand({}))),
      (await reportRoot(iam))?.access_key_2_last_rotated,
    ]);

    expect(seen).toEqual([
      'STARTED',
      'CredentialReportNotReadyException',
      '2019-03-02T10:15:00+00:00',
    ]);
  });

  it('reports INPROGRESS to a caller that polls GenerateCredentialReport', async () => {
    const states = await asAccount('200000000002', async (iam) => {
      const answers = [];
      for (let i = 0; i < 3; i += 1) {
        answers.push((await iam.send(new GenerateCredentialReportCommand({}))).State);
      }
      return answers;
    });

    expect(states).toEqual(['STARTED', 'INPROGRESS', 'COMPLETE']);
  });

  it('answers ReportNotPresent before generation when no report exists', async () => {
    const name = await asAccount('200000000005', (iam) =>
      failure(iam.send(new GetCredentialReportCommand({}))),
    );

    expect(name).toBe('CredentialReportNotPresentException');
  });

  it('answers the account scripted report errors first, in order', async () => {
    const names = await asAccount('200000000003', async (iam) => [
      await failure(iam.send(new GetCredentialReportCommand({}))),
      await failure(iam.send(new GetCredentialReportCommand({}))),
      await failure(iam.send(new GetCredentialReportCommand({}))),
    ]);

    expect(names).toEqual(['CredentialReportExpiredException', 'Throttling', undefined]);
  });

  it('denies the actions an account denies', async () => {
    const name = await asAccount('200000000004', (iam) =>
      failure(iam.send(new GetCredentialReportCommand({}))),
    );

    expect(name).toBe('AccessDenied');
  });

  it('starts report progress over after reset', async () => {
    await asAccount('200000000002', (iam) => iam.send(new GenerateCredentialReportCommand({})));
    server.reset();

    const state = await asAccount('200000000002', (iam) =>
      iam.send(new GenerateCredentialReportCommand({})),
    );

    expect(state.State).toBe('STARTED');
  });
});
