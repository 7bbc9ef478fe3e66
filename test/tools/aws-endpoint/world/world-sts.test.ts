import { GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withEnv } from '../../../../tools/aws-endpoint/env.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../../../tools/aws-endpoint/server.js';
import { stsResponses } from '../../../../tools/aws-endpoint/sts-responses.js';
import { accountOfAccessKey, createWorld } from '../../../../tools/aws-endpoint/world/world.js';

const world = createWorld({
  callerAccountId: '111111111111',
  roleName: 'RootKeyAudit',
  accounts: [
    { id: '111111111111', name: 'management' },
    { id: '222222222222', rootKeys: { key1: { active: true } } },
    { id: '333333333333', assumeRoleDenied: true },
    { id: '444444444444', status: 'SUSPENDED' },
  ],
});
let server: AwsEndpoint;

beforeAll(async () => {
  server = await startAwsEndpoint({ world });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const roleArn = (account: string, name = 'RootKeyAudit', partition = 'aws') =>
  `arn:${partition}:iam::${account}:role/${name}`;

function assume(arn: string) {
  return new STSClient({ maxAttempts: 1 }).send(
    new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'audit' }),
  );
}

describe('the simulated world: identities and AssumeRole', () => {
  it('answers GetCallerIdentity for the caller account when the base credentials sign', async () => {
    const identity = await withEnv(server.env(), () =>
      new STSClient({}).send(new GetCallerIdentityCommand({})),
    );

    expect(identity).toMatchObject({
      Account: '111111111111',
      Arn: 'arn:aws:iam::111111111111:user/auditor',
    });
  });

  it('issues credentials whose key id encodes the target account, and answers as that account', async () => {
    await withEnv(server.env('us-gov-west-1'), async () => {
      const { Credentials, AssumedRoleUser } = await assume(
        roleArn('222222222222', 'RootKeyAudit', 'aws-us-gov'),
      );
      const credentials = {
        accessKeyId: Credentials?.AccessKeyId ?? '',
        secretAccessKey: Credentials?.SecretAccessKey ?? '',
        sessionToken: Credentials?.SessionToken ?? '',
      };

      expect(accountOfAccessKey(credentials.accessKeyId)).toBe('222222222222');
      expect(AssumedRoleUser?.Arn).toBe(
        'arn:aws-us-gov:sts::222222222222:assumed-role/RootKeyAudit/audit',
      );
      const member = await new STSClient({ credentials }).send(new GetCallerIdentityCommand({}));
      expect(member).toMatchObject({ Account: '222222222222', Arn: AssumedRoleUser?.Arn });
      const summary = await new IAMClient({ credentials }).send(new GetAccountSummaryCommand({}));
      expect(summary.SummaryMap?.AccountAccessKeysPresent).toBe(1);
    });
    const callerSummary = await withEnv(server.env(), () =>
      new IAMClient({}).send(new GetAccountSummaryCommand({})),
    );

    expect(callerSummary.SummaryMap?.AccountAccessKeysPresent).toBe(0);
    expect(server.calls.map((call) => accountOfAccessKey(call.accessKeyId))).toEqual([
      undefined,
      '222222222222',
      '222222222222',
      undefined,
    ]);
  });

  it('sets Expiration from DurationSeconds', async () => {
    const before = Date.now();
    const answer = await withEnv(server.env(), () =>
      new STSClient({}).send(
        new AssumeRoleCommand({
          RoleArn: roleArn('222222222222'),
          RoleSessionName: 'a',
          DurationSeconds: 900,
        }),
      ),
    );

    const expiresIn = (answer.Credentials?.Expiration?.getTime() ?? 0) - before;
    expect(expiresIn).toBeGreaterThan(890_000);
    expect(expiresIn).toBeLessThan(902_000);
  });

  it.each([
    ['an account that denies it', roleArn('333333333333')],
    ['a suspended account', roleArn('444444444444')],
    ['an account outside the organization', roleArn('999999999999')],
    ['another role name', roleArn('222222222222', 'Admin')],
  ])('denies AssumeRole into %s', async (_, arn) => {
    const error = await withEnv(server.env(), () => assume(arn)).catch((caught: Error) => caught);

    expect(error).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    expect((error as Error).message).toContain(arn);
  });

  it('rejects keys it does not know with InvalidClientTokenId', async () => {
    const error = await withEnv(
      { ...server.env(), AWS_ACCESS_KEY_ID: 'AKIDUNKNOWN000000000' },
      () => new STSClient({ maxAttempts: 1 }).send(new GetCallerIdentityCommand({})),
    ).catch((caught: Error) => caught);

    expect(error).toMatchObject({
      name: 'InvalidClientTokenId',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('lets scripted answers take precedence over the world', async () => {
    server.script(
      'sts',
      'GetCallerIdentity',
      stsResponses.getCallerIdentity({ account: '555555555555' }),
    );

    const identity = await withEnv(server.env(), () =>
      new STSClient({}).send(new GetCallerIdentityCommand({})),
    );

    expect(identity.Account).toBe('555555555555');
  });
});
