import {
  GenerateCredentialReportCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
} from '@aws-sdk/client-iam';
import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { evaluateAccounts } from '../../../../cli/src/commands/evaluate/evaluate.js';
import { UsageError } from '../../../../cli/src/errors.js';
import { serviceError } from '../../../support/service-error.js';

const stsMock = mockClient(STSClient);
const iamMock = mockClient(IAMClient);
const orgMock = mockClient(OrganizationsClient);

const CALLER = '111111111111';
const CALLER_KEY = 'AKIDCALLEREXAMPLE';

/** Root-user facts per account; the IAM fake answers for the account that signed. */
const summaries: Record<string, { keys: number; password?: number }> = {
  [CALLER]: { keys: 0, password: 1 },
  '222222222222': { keys: 1, password: 1 },
  '333333333333': { keys: 0, password: 0 },
};

const REPORT_CSV = [
  'user,arn,user_creation_time,password_enabled,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service',
  '<root_account>,arn:aws:iam::222222222222:root,2019-01-01T00:00:00+00:00,not_supported,true,2019-03-02T10:00:00+00:00,2026-11-20T08:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A',
].join('\n');

/** The account whose credentials signed a call: the caller, or the one encoded in the key. */
async function signer(
  getClient: () => { config: { credentials: () => Promise<{ accessKeyId: string }> } },
) {
  const { accessKeyId } = await getClient().config.credentials();
  return accessKeyId === CALLER_KEY ? CALLER : accessKeyId.slice(4, 16);
}

beforeEach(() => {
  vi.stubEnv('AWS_ACCESS_KEY_ID', CALLER_KEY);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
  vi.stubEnv('AWS_PROFILE', undefined);
  stsMock.reset();
  iamMock.reset();
  orgMock.reset();
  stsMock.on(GetCallerIdentityCommand).resolves({
    Account: CALLER,
    Arn: `arn:aws-cn:iam::${CALLER}:user/auditor`,
  });
  stsMock.on(AssumeRoleCommand).callsFake((input: { RoleArn: string }) => ({
    Credentials: {
      AccessKeyId: `ASIA${input.RoleArn.split(':')[4]}`,
      SecretAccessKey: 'secret',
      SessionToken: 'token',
      Expiration: new Date(Date.now() + 3_600_000),
    },
  }));
  iamMock.on(GetAccountSummaryCommand).callsFake(async (_input, getClient) => {
    const facts = summaries[await signer(getClient as never)];
    if (facts === undefined) throw new Error('no such account');
    return {
      SummaryMap: { AccountAccessKeysPresent: facts.keys, AccountPasswordPresent: facts.password },
    };
  });
  iamMock
    .on(GetCredentialReportCommand)
    .resolves({ Content: new TextEncoder().encode(REPORT_CSV) });
});

afterEach(() => vi.unstubAllEnvs());

describe('evaluateAccounts', () => {
  it("evaluates the caller's account with the caller's credentials, assuming no role", async () => {
    const { caller, rows } = await evaluateAccounts({ region: 'cn-north-1' });

    expect(caller).toMatchObject({ accountId: CALLER, partition: 'aws-cn' });
    expect(rows).toEqual([
      {
        accountId: CALLER,
        compliance: 'COMPLIANT',
        annotation: expect.stringContaining('No root access key exists'),
        accessKeysPresent: 0,
      },
    ]);
    expect(stsMock.commandCalls(AssumeRoleCommand)).toHaveLength(0);
  });

  it("assumes the role in each other account, in the caller's partition, and keeps the given order", async () => {
    const { rows } = await evaluateAccounts({
      region: 'cn-north-1',
      accounts: ['222222222222', CALLER, '333333333333'],
      roleName: 'Auditor',
      parameters: { rootWithoutCredentials: 'NOT_APPLICABLE' },
    });

    expect(rows.map((row) => [row.accountId, row.compliance])).toEqual([
      ['222222222222', 'NON_COMPLIANT'],
      [CALLER, 'COMPLIANT'],
      ['333333333333', 'NOT_APPLICABLE'],
    ]);
    expect(rows[0]?.annotation).toMatch(/key 1 active, last used 2026-11-20 \(s3, us-east-1\)/);
    expect(
      stsMock.commandCalls(AssumeRoleCommand).map((call) => call.args[0].input.RoleArn),
    ).toEqual([
      'arn:aws-cn:iam::222222222222:role/Auditor',
      'arn:aws-cn:iam::333333333333:role/Auditor',
    ]);
  });

  it('turns a denied AssumeRole into an error row and still evaluates the others', async () => {
    stsMock
      .on(AssumeRoleCommand, { RoleArn: 'arn:aws-cn:iam::222222222222:role/Auditor' })
      .rejects(serviceError('sts', 'AccessDenied', 'not authorized to perform sts:AssumeRole'));

    const { rows } = await evaluateAccounts({
      region: 'cn-north-1',
      accounts: ['222222222222', '333333333333'],
      roleName: 'Auditor',
    });

    expect(rows).toEqual([
      {
        accountId: '222222222222',
        compliance: 'ERROR',
        error:
          'sts:AssumeRole on arn:aws-cn:iam::222222222222:role/Auditor was denied (AccessDenied: not authorized to perform sts:AssumeRole); the role must exist and trust the caller (arn:aws-cn:iam::111111111111:user/auditor), and the caller needs sts:AssumeRole on it',
      },
      expect.objectContaining({ accountId: '333333333333', compliance: 'COMPLIANT' }),
    ]);
  });

  it('reports an account whose verdict needs an unobtainable credential report as an error, never COMPLIANT', async () => {
    iamMock
      .on(GetCredentialReportCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDenied' }));
    iamMock.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });

    const { rows } = await evaluateAccounts({
      region: 'cn-north-1',
      accounts: ['222222222222'],
      roleName: 'Auditor',
      parameters: { ignoreInactiveKeys: true },
    });

    expect(rows).toEqual([
      {
        accountId: '222222222222',
        compliance: 'ERROR',
        error: expect.stringContaining('credential report is unavailable'),
      },
    ]);
  });

  it("evaluates the organization's ACTIVE accounts, with their names", async () => {
    orgMock.on(ListAccountsCommand).resolves({
      Accounts: [
        { Id: CALLER, Name: 'management', State: 'ACTIVE' },
        { Id: '222222222222', Name: 'workload', State: 'ACTIVE' },
        { Id: '444444444444', Name: 'gone', State: 'SUSPENDED' },
      ],
    });

    const { rows } = await evaluateAccounts({
      region: 'cn-north-1',
      organization: true,
      roleName: 'Auditor',
    });

    expect(rows.map((row) => [row.accountId, row.accountName, row.compliance])).toEqual([
      [CALLER, 'management', 'COMPLIANT'],
      ['222222222222', 'workload', 'NON_COMPLIANT'],
    ]);
  });

  it('refuses to evaluate other accounts without a role name, before assuming anything', async () => {
    await expect(
      evaluateAccounts({ region: 'cn-north-1', accounts: ['222222222222'] }),
    ).rejects.toThrow(UsageError);
    expect(stsMock.commandCalls(AssumeRoleCommand)).toHaveLength(0);
    expect(iamMock.commandCalls(GetAccountSummaryCommand)).toHaveLength(0);
  });

  it('fails the whole run when the organization cannot be listed', async () => {
    orgMock.on(ListAccountsCommand).rejects(serviceError('organizations', 'AccessDeniedException'));

    await expect(
      evaluateAccounts({ region: 'cn-north-1', organization: true, roleName: 'Auditor' }),
    ).rejects.toThrow(/organizations:ListAccounts/);
  });

  it('reports progress from 0 to the number of accounts', async () => {
    const progress: string[] = [];
    await evaluateAccounts({
      region: 'cn-north-1',
      accounts: ['222222222222', '333333333333'],
      roleName: 'Auditor',
      concurrency: 1,
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });

    expect(progress).toEqual(['0/2', '1/2', '2/2']);
  });
});
