import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { type AccountClients, AccountClientsPool } from '../../aws/account-clients.js';
import { AccessDeniedError, DeadlineExceededError } from '../../aws/errors.js';

const sts = mockClient(STSClient);
afterEach(() => sts.reset());

const roleArn = (index: number) => `arn:aws:iam::${String(200000000000 + index)}:role/Audit`;

function pool(maxIdleRoles?: number) {
  sts.on(AssumeRoleCommand).callsFake(({ RoleArn }) => ({
    Credentials: {
      AccessKeyId: `ASIA${String(RoleArn).slice(13, 25)}`,
      SecretAccessKey: 'secret',
      SessionToken: 'token',
      Expiration: new Date(Date.now() + 3600_000),
    },
  }));
  return new AccountClientsPool({
    clientOptions: {
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 's' },
    },
    sessionName: 'test',
    sts: async () => new STSClient({ region: 'eu-west-1' }),
    ...(maxIdleRoles === undefined ? {} : { maxIdleRoles }),
  });
}

const clientsOf = (clients: AccountClientsPool, arn: string | undefined) =>
  clients.use(arn, async (set) => set);

describe('AccountClientsPool', () => {
  it('keeps the own clients and reuses a role’s clients while they are cached', async () => {
    const clients = pool();
    expect(await clientsOf(clients, undefined)).toBe(await clientsOf(clients, undefined));
    const first = await clientsOf(clients, roleArn(1));
    expect(await clientsOf(clients, roleArn(1))).toBe(first);
    expect(await clientsOf(clients, undefined)).not.toBe(first);
  });

  it('signs role clients with the credentials of that role, assumed once', async () => {
    const clients = pool();
    const iam = (await clientsOf(clients, roleArn(7))).iam;
    expect((await iam.config.credentials()).accessKeyId).toBe('ASIA200000000007');
    await (await clientsOf(clients, roleArn(7))).config.config.credentials();
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(1);
    expect(sts.commandCalls(AssumeRoleCommand)[0]?.args[0].input).toMatchObject({
      RoleArn: roleArn(7),
      RoleSessionName: 'test',
    });
  });

  it('stays bounded however many roles it sees: idle sets beyond the bound go, oldest first', async () => {
    const clients = pool(3);
    for (let index = 0; index < 500; index++) await clientsOf(clients, roleArn(index));
    expect(clients.roleCount).toBe(3);
    const recent = await clientsOf(clients, roleArn(499));
    expect(await clientsOf(clients, roleArn(499))).toBe(recent);
    expect(clients.roleCount).toBe(3);
  });

  it('forgets the credentials of a dropped role, so they are assumed anew', async () => {
    const clients = pool(0);
    await clientsOf(clients, roleArn(1));
    await clientsOf(clients, roleArn(1));
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(2);
  });

  it('never drops a set in use, whatever the bound', async () => {
    const clients = pool(0);
    let release = () => {};
    let held: AccountClients | undefined;
    const slow = clients.use(roleArn(1), async (set) => {
      held = set;
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return set;
    });
    for (let index = 2; index < 50; index++) await clientsOf(clients, roleArn(index));
    expect(clients.roleCount).toBe(1);
    release();
    expect(await slow).toBe(held);
    expect(clients.roleCount).toBe(0);
  });

  it('raises the error made by describeAssumeRoleError when AssumeRole is denied', async () => {
    const clients = new AccountClientsPool({
      clientOptions: { region: 'eu-west-1' },
      sessionName: 'test',
      sts: async () => new STSClient({ region: 'eu-west-1' }),
      describeAssumeRoleError: (error, arn) =>
        new AccessDeniedError(`denied: ${arn}`, { cause: error }),
    });
    sts.on(AssumeRoleCommand).rejects(Object.assign(new Error('no'), { name: 'AccessDenied' }));
    let worked = false;
    const use = clients.use(roleArn(3), async () => {
      worked = true;
    });
    await expect(use).rejects.toThrow(`denied: ${roleArn(3)}`);
    expect(worked).toBe(false);
  });

  it('assumes a role within the deadline of the use that needs its credentials', async () => {
    const clients = pool();
    sts.on(AssumeRoleCommand).callsFake(() => new Promise(() => {}));

    const failure = clients.use(roleArn(4), async () => 'never reached', {
      deadline: () => 30,
    });

    await expect(failure).rejects.toBeInstanceOf(DeadlineExceededError);
    await expect(failure).rejects.toThrow(/Time ran out during sts:AssumeRole/);
    const call = sts.commandCalls(AssumeRoleCommand)[0];
    const options = (call?.args as unknown[] | undefined)?.[1] as { abortSignal?: unknown };
    expect(options.abortSignal).toBeInstanceOf(AbortSignal);
  });
});
