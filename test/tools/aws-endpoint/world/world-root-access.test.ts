import {
  DeleteAccessKeyCommand,
  GetAccessKeyLastUsedCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListOrganizationsFeaturesCommand,
} from '@aws-sdk/client-iam';
import {
  AssumeRoleCommand,
  AssumeRootCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withEnv } from '../../../../tools/aws-endpoint/env.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../../../tools/aws-endpoint/server.js';
import type { WorldOptions } from '../../../../tools/aws-endpoint/world/model.js';
import { switchableWorld } from '../../../support/switchable-world.js';

const AUDIT = 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials';
const DELETE = 'arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials';

const ORGANIZATION: WorldOptions = {
  callerAccountId: '111111111111',
  rootAccess: { features: ['RootCredentialsManagement', 'RootSessions'] },
  accounts: [
    { id: '111111111111', name: 'management' },
    {
      id: '222222222222',
      rootKeys: {
        key1: { active: true, lastUsedDate: '2026-11-20T08:00:00Z', lastUsedService: 'ec2' },
        key2: { active: false, lastRotated: '2021-05-06T07:08:09Z' },
      },
    },
    { id: '333333333333', assumeRootDenied: true },
    { id: '444444444444', status: 'SUSPENDED' },
  ],
};

let server: AwsEndpoint;
const world = switchableWorld(ORGANIZATION);

beforeAll(async () => {
  server = await startAwsEndpoint({ world: world.answerer });
});
afterAll(() => server.close());
beforeEach(() => {
  world.use(ORGANIZATION);
  server.reset();
});

const sts = () => new STSClient({ maxAttempts: 1 });

async function rootSession(account: string, policy = AUDIT, durationSeconds = 900) {
  const { Credentials } = await sts().send(
    new AssumeRootCommand({
      TargetPrincipal: account,
      TaskPolicyArn: { arn: policy },
      DurationSeconds: durationSeconds,
    }),
  );
  return new IAMClient({
    maxAttempts: 1,
    credentials: {
      accessKeyId: Credentials?.AccessKeyId ?? '',
      secretAccessKey: Credentials?.SecretAccessKey ?? '',
      sessionToken: Credentials?.SessionToken ?? '',
    },
  });
}

async function roleSession(account: string) {
  const { Credentials } = await sts().send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/Audit`, RoleSessionName: 't' }),
  );
  return new IAMClient({
    maxAttempts: 1,
    credentials: {
      accessKeyId: Credentials?.AccessKeyId ?? '',
      secretAccessKey: Credentials?.SecretAccessKey ?? '',
      sessionToken: Credentials?.SessionToken ?? '',
    },
  });
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (error: Error) => `${error.name}: ${error.message}`,
  );

describe('the simulated world: centralized root access', () => {
  it('gives the management account a root session in a member account, as that root user', async () => {
    await withEnv(server.env(), async () => {
      const iam = await rootSession('222222222222');
      const identity = await new STSClient({ credentials: iam.config.credentials }).send(
        new GetCallerIdentityCommand({}),
      );
      expect(identity).toMatchObject({
        Account: '222222222222',
        Arn: 'arn:aws:iam::222222222222:root',
      });
      const assume = server.calls.find((call) => call.action === 'AssumeRoot');
      expect(assume?.params).toMatchObject({
        TargetPrincipal: '222222222222',
        'TaskPolicyArn.arn': AUDIT,
        DurationSeconds: '900',
      });
    });
  });

  it("lists the root user's keys without UserName, and their last use", async () => {
    await withEnv(server.env(), async () => {
      const iam = await rootSession('222222222222');
      const { AccessKeyMetadata } = await iam.send(new ListAccessKeysCommand({}));
      expect(AccessKeyMetadata).toEqual([
        {
          AccessKeyId: 'AKIA222222222222RTK1',
          Status: 'Active',
          CreateDate: new Date('2019-03-02T10:15:00Z'),
        },
        {
          AccessKeyId: 'AKIA222222222222RTK2',
          Status: 'Inactive',
          CreateDate: new Date('2021-05-06T07:08:09Z'),
        },
      ]);
      const used = await iam.send(
        new GetAccessKeyLastUsedCommand({ AccessKeyId: 'AKIA222222222222RTK1' }),
      );
      expect(used.AccessKeyLastUsed).toEqual({
        LastUsedDate: new Date('2026-11-20T08:00:00Z'),
        ServiceName: 'ec2',
        Region: 'us-east-1',
      });
      const never = await iam.send(
        new GetAccessKeyLastUsedCommand({ AccessKeyId: 'AKIA222222222222RTK2' }),
      );
      expect(never.AccessKeyLastUsed).toEqual({ ServiceName: 'N/A', Region: 'N/A' });
    });
  });

  it('holds each session to its task policy: audit reads, delete deletes', async () => {
    await withEnv(server.env(), async () => {
      const audit = await rootSession('222222222222');
      const remove = await rootSession('222222222222', DELETE);
      expect(
        await failure(
          audit.send(new DeleteAccessKeyCommand({ AccessKeyId: 'AKIA222222222222RTK1' })),
        ),
      ).toMatch(/^AccessDenied: .*iam:DeleteAccessKey/);
      expect(await failure(remove.send(new GetAccountSummaryCommand({})))).toMatch(
        /^AccessDenied: .*iam:GetAccountSummary/,
      );
      expect(await failure(audit.send(new ListAccessKeysCommand({ UserName: 'alice' })))).toMatch(
        /^AccessDenied: .*root user only/,
      );
    });
  });

  it('deletes a root key: the key list, the account summary and the credential report all lose it', async () => {
    await withEnv(server.env(), async () => {
      const remove = await rootSession('222222222222', DELETE);
      await remove.send(new DeleteAccessKeyCommand({ AccessKeyId: 'AKIA222222222222RTK1' }));
      expect(
        await failure(
          remove.send(new DeleteAccessKeyCommand({ AccessKeyId: 'AKIA222222222222RTK1' })),
        ),
      ).toBe('NoSuchEntityException: The Access Key with id AKIA222222222222RTK1 cannot be found.');
      const audit = await rootSession('222222222222');
      const { AccessKeyMetadata } = await audit.send(new ListAccessKeysCommand({}));
      expect(AccessKeyMetadata?.map((key) => key.AccessKeyId)).toEqual(['AKIA222222222222RTK2']);
      const summary = await audit.send(new GetAccountSummaryCommand({}));
      expect(summary.SummaryMap?.AccountAccessKeysPresent).toBe(1);
      const { Content } = await (await roleSession('222222222222')).send(
        new GetCredentialReportCommand({}),
      );
      const root = Buffer.from(Content ?? new Uint8Array())
        .toString('utf8')
        .split('\n')
        .find((line) => line.startsWith('<root_account>'));
      expect(root?.split(',').slice(8, 10)).toEqual(['false', 'N/A']);
      expect(root?.split(',').slice(13, 15)).toEqual(['false', '2021-05-06T07:08:09Z']);
    });
  });

  it('forgets deleted keys on reset', async () => {
    await withEnv(server.env(), async () => {
      const remove = await rootSession('222222222222', DELETE);
      await remove.send(new DeleteAccessKeyCommand({ AccessKeyId: 'AKIA222222222222RTK2' }));
      world.current.reset();
      const audit = await rootSession('222222222222');
      const { AccessKeyMetadata } = await audit.send(new ListAccessKeysCommand({}));
      expect(AccessKeyMetadata).toHaveLength(2);
    });
  });

  it.each([
    ['the management account', '111111111111', 'cannot target the management account'],
    ['a denied account', '333333333333', 'denied by policy'],
    ['a suspended account', '444444444444', 'not an active member account'],
    ['an account outside the organization', '999999999999', 'not an active member account'],
  ])('refuses AssumeRoot into %s', async (_what, account, why) => {
    await withEnv(server.env(), async () => {
      expect(await failure(rootSession(account))).toMatch(
        new RegExp(`^AccessDenied: .*sts:AssumeRoot \\(.*${why}\\)`),
      );
    });
  });

  it('refuses sessions longer than 15 minutes and policies that are not root task policies', async () => {
    await withEnv(server.env(), async () => {
      expect(await failure(rootSession('222222222222', AUDIT, 3600))).toMatch(/^ValidationError/);
      expect(
        await failure(rootSession('222222222222', 'arn:aws:iam::aws:policy/AdministratorAccess')),
      ).toMatch(/^ValidationError: .* is not a root task policy/);
    });
  });

  it('refuses AssumeRoot when the feature is off or the caller is a member account', async () => {
    for (const rootAccess of [
      { features: [] },
      { features: ['RootCredentialsManagement' as const], callerRole: 'member' as const },
    ]) {
      world.use({ ...ORGANIZATION, rootAccess });
      await withEnv(server.env(), async () => {
        expect(await failure(rootSession('222222222222'))).toMatch(
          /^AccessDenied: .*sts:AssumeRoot/,
        );
      });
    }
  });

  it('answers ListOrganizationsFeatures for the management account, and its errors otherwise', async () => {
    await withEnv(server.env(), async () => {
      const iam = new IAMClient({ maxAttempts: 1 });
      expect(await iam.send(new ListOrganizationsFeaturesCommand({}))).toMatchObject({
        OrganizationId: 'o-exampleorg1',
        EnabledFeatures: ['RootCredentialsManagement', 'RootSessions'],
      });
      world.use({ ...ORGANIZATION, rootAccess: { callerRole: 'member' } });
      expect(await failure(iam.send(new ListOrganizationsFeaturesCommand({})))).toMatch(
        /^AccountNotManagementOrDelegatedAdministratorException: /,
      );
      world.use({
        ...ORGANIZATION,
        rootAccess: { featuresError: 'ServiceAccessNotEnabledException' },
      });
      expect(await failure(iam.send(new ListOrganizationsFeaturesCommand({})))).toMatch(
        /^ServiceAccessNotEnabledException: /,
      );
    });
  });

  it('lists no keys for a caller that is not a root session', async () => {
    await withEnv(server.env(), async () => {
      expect(
        await failure(new IAMClient({ maxAttempts: 1 }).send(new ListAccessKeysCommand({}))),
      ).toMatch(/^ValidationError: Must specify userName/);
    });
  });
});
