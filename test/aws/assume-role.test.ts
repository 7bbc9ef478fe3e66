import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { assumeRole, CredentialsCache, type TemporaryCredentials } from '../../aws/assume-role.js';
import { AccessDeniedError, AwsCallError, DeadlineExceededError } from '../../aws/errors.js';
import { serviceError } from '../support/service-error.js';

const stsMock = mockClient(STSClient);
const sts = new STSClient({ region: 'us-east-1' });
const roleArn = 'arn:aws:iam::111122223333:role/RootAccessKeyRuleMember';
const expiration = new Date('2026-11-28T07:00:00Z');
const MINUTE = 60_000;

function credentials(accessKeyId: string, expiresAt = expiration): TemporaryCredentials {
  return {
    accessKeyId,
    secretAccessKey: `${accessKeyId}-secret`,
    sessionToken: `${accessKeyId}-token`,
    expiration: expiresAt,
  };
}

describe('assumeRole', () => {
  beforeEach(() => {
    stsMock.reset();
  });

  it('assumes the role with the session name and returns its credentials', async () => {
    stsMock.on(AssumeRoleCommand).resolves({
      Credentials: {
        AccessKeyId: 'ASIAMEMBER',
        SecretAccessKey: 'secret',
        SessionToken: 'token',
        Expiration: expiration,
      },
    });

    const assumed = await assumeRole(sts, roleArn, 'root-access-key-rule');

    expect(assumed).toEqual({
      accessKeyId: 'ASIAMEMBER',
      secretAccessKey: 'secret',
      sessionToken: 'token',
      expiration,
    });
    expect(stsMock.commandCalls(AssumeRoleCommand)[0]?.args[0].input).toEqual({
      RoleArn: roleArn,
      RoleSessionName: 'root-access-key-rule',
    });
  });

  it('fails with a DeadlineExceededError when STS does not answer in the time left', async () => {
    stsMock.on(AssumeRoleCommand).callsFake(() => new Promise(() => {}));

    const failure = assumeRole(sts, roleArn, 'root-access-key-rule', () => 30);

    await expect(failure).rejects.toBeInstanceOf(DeadlineExceededError);
    await expect(failure).rejects.toThrow(/Time ran out during sts:AssumeRole/);
  });

  it('turns a denial into an AccessDeniedError naming sts:AssumeRole and the role ARN', async () => {
    stsMock
      .on(AssumeRoleCommand)
      .rejects(
        serviceError('sts', 'AccessDenied', 'not authorized to perform sts:AssumeRole', 403),
      );

    const failure = assumeRole(sts, roleArn, 'root-access-key-rule');

    await expect(failure).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(failure).rejects.toThrow(
      `sts:AssumeRole on ${roleArn} (the role must exist and trust this caller's role) was denied`,
    );
    await expect(failure).rejects.toThrow(/the calling role needs sts:AssumeRole/);
  });

  it('fails with an AwsCallError when STS answers without complete credentials', async () => {
    stsMock.on(AssumeRoleCommand).resolves({
      Credentials: {
        AccessKeyId: 'ASIAMEMBER',
        SecretAccessKey: 'secret',
        SessionToken: undefined as unknown as string,
        Expiration: expiration,
      },
    });

    const failure = assumeRole(sts, roleArn, 'root-access-key-rule');

    await expect(failure).rejects.toBeInstanceOf(AwsCallError);
    await expect(failure).rejects.toThrow(`sts:AssumeRole on ${roleArn} answered without complete`);
  });

  it('fails with an AwsCallError naming the role when STS fails otherwise', async () => {
    stsMock
      .on(AssumeRoleCommand)
      .rejects(serviceError('sts', 'RegionDisabledException', 'STS is not activated', 403));

    const failure = assumeRole(sts, roleArn, 'root-access-key-rule');

    await expect(failure).rejects.toBeInstanceOf(AwsCallError);
    await expect(failure).rejects.toThrow(/sts:AssumeRole on arn:aws:iam::111122223333:role\//);
  });
});

describe('CredentialsCache', () => {
  it('reuses credentials until five minutes before they expire', async () => {
    let now = expiration.getTime() - 60 * MINUTE;
    const cache = new CredentialsCache(undefined, () => now);
    const load = vi.fn(async () => credentials('FIRST'));

    await cache.get(roleArn, load);
    now = expiration.getTime() - 5 * MINUTE - 1;
    const reused = await cache.get(roleArn, load);

    expect(reused.accessKeyId).toBe('FIRST');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('refreshes credentials from five minutes before they expire', async () => {
    let now = expiration.getTime() - 60 * MINUTE;
    const cache = new CredentialsCache(undefined, () => now);
    const load = vi
      .fn<() => Promise<TemporaryCredentials>>()
      .mockResolvedValueOnce(credentials('FIRST'))
      .mockResolvedValueOnce(credentials('SECOND', new Date(expiration.getTime() + 60 * MINUTE)));

    await cache.get(roleArn, load);
    now = expiration.getTime() - 5 * MINUTE;
    const refreshed = await cache.get(roleArn, load);
    const reused = await cache.get(roleArn, load);

    expect(refreshed.accessKeyId).toBe('SECOND');
    expect(reused.accessKeyId).toBe('SECOND');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps credentials apart per role', async () => {
    const cache = new CredentialsCache(undefined, () => expiration.getTime() - 60 * MINUTE);
    const otherRole = 'arn:aws:iam::444455556666:role/RootAccessKeyRuleMember';

    const first = await cache.get(roleArn, async () => credentials('FIRST'));
    const other = await cache.get(otherRole, async () => credentials('OTHER'));
    const firstAgain = await cache.get(roleArn, async () => credentials('UNUSED'));

    expect([first.accessKeyId, other.accessKeyId, firstAgain.accessKeyId]).toEqual([
      'FIRST',
      'OTHER',
      'FIRST',
    ]);
  });

  it('shares one load between concurrent requests for the same role', async () => {
    const cache = new CredentialsCache(undefined, () => expiration.getTime() - 60 * MINUTE);
    const load = vi.fn(async () => credentials('SHARED'));

    const loaded = await Promise.all([cache.get(roleArn, load), cache.get(roleArn, load)]);

    expect(loaded.map((c) => c.accessKeyId)).toEqual(['SHARED', 'SHARED']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reads the system clock at each request by default', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(expiration.getTime() - 60 * MINUTE);
      const cache = new CredentialsCache();
      const load = vi.fn(async () => credentials('ANY'));

      await cache.get(roleArn, load);
      vi.setSystemTime(expiration.getTime() - 5 * MINUTE);
      await cache.get(roleArn, load);

      expect(load).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not keep a failed load, so the next call tries again', async () => {
    const cache = new CredentialsCache(undefined, () => expiration.getTime() - 60 * MINUTE);

    await expect(
      cache.get(roleArn, async () => {
        throw new AccessDeniedError('denied');
      }),
    ).rejects.toBeInstanceOf(AccessDeniedError);
    const loaded = await cache.get(roleArn, async () => credentials('RETRIED'));

    expect(loaded.accessKeyId).toBe('RETRIED');
  });

  it('honours a custom refresh margin', async () => {
    let now = expiration.getTime() - 30 * MINUTE;
    const cache = new CredentialsCache(15 * MINUTE, () => now);
    const load = vi.fn(async () => credentials('ANY'));

    await cache.get(roleArn, load);
    now = expiration.getTime() - 15 * MINUTE;
    await cache.get(roleArn, load);

    expect(load).toHaveBeenCalledTimes(2);
  });
});
