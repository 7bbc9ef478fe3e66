import { AssumeRootCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { deadlineIn } from '../../../aws/backoff.js';
import { AccessDeniedError, AwsCallError, DeadlineExceededError } from '../../../aws/errors.js';
import { assumeRoot } from '../../../cli/src/root-access/assume-root.js';
import { serviceError } from '../../support/service-error.js';

const stsMock = mockClient(STSClient);
const sts = new STSClient({ region: 'eu-west-1' });
beforeEach(() => stsMock.reset());

const credentials = {
  AccessKeyId: 'ASIAROOTSESSION00001',
  SecretAccessKey: 'secret',
  SessionToken: 'token',
  Expiration: new Date('2026-12-01T12:15:00Z'),
};

describe('assumeRoot', () => {
  it('asks for the task policy of the partition, at most 900 seconds, and keeps the session key id', async () => {
    stsMock.on(AssumeRootCommand).resolves({ Credentials: credentials });
    const session = await assumeRoot(sts, {
      accountId: '222222222222',
      partition: 'aws-cn',
      policy: 'IAMDeleteRootUserCredentials',
      durationSeconds: 3600,
    });

    expect(stsMock.commandCalls(AssumeRootCommand)[0]?.args[0].input).toEqual({
      TargetPrincipal: '222222222222',
      TaskPolicyArn: { arn: 'arn:aws-cn:iam::aws:policy/root-task/IAMDeleteRootUserCredentials' },
      DurationSeconds: 900,
    });
    expect(session).toMatchObject({
      accountId: '222222222222',
      taskPolicyArn: 'arn:aws-cn:iam::aws:policy/root-task/IAMDeleteRootUserCredentials',
      sessionAccessKeyId: 'ASIAROOTSESSION00001',
      credentials: { accessKeyId: 'ASIAROOTSESSION00001', sessionToken: 'token' },
    });
  });

  it('says what the caller needs when STS denies it', async () => {
    stsMock.on(AssumeRootCommand).rejects(serviceError('sts', 'AccessDenied'));
    const failure = assumeRoot(sts, {
      accountId: '222222222222',
      partition: 'aws',
      policy: 'IAMAuditRootUserCredentials',
    });
    await expect(failure).rejects.toThrow(AccessDeniedError);
    await expect(
      assumeRoot(sts, {
        accountId: '222222222222',
        partition: 'aws',
        policy: 'IAMAuditRootUserCredentials',
      }),
    ).rejects.toThrow(
      /the caller needs sts:AssumeRoot on arn:aws:iam::222222222222:root allowed for arn:aws:iam::aws:policy\/root-task\/IAMAuditRootUserCredentials \(sts:TaskPolicyArn\)/,
    );
  });

  it('fails on incomplete credentials', async () => {
    stsMock
      .on(AssumeRootCommand)
      .resolves({ Credentials: { ...credentials, SessionToken: undefined } as never });
    await expect(
      assumeRoot(sts, {
        accountId: '222222222222',
        partition: 'aws',
        policy: 'IAMAuditRootUserCredentials',
      }),
    ).rejects.toThrow(AwsCallError);
  });

  it('fails naming sts:AssumeRoot when STS does not answer before the deadline', async () => {
    stsMock.on(AssumeRootCommand).callsFake(() => new Promise(() => {}));
    const started = Date.now();

    const failure = assumeRoot(sts, {
      accountId: '222222222222',
      partition: 'aws',
      policy: 'IAMAuditRootUserCredentials',
      deadline: deadlineIn(50),
    });

    await expect(failure).rejects.toThrow(DeadlineExceededError);
    await expect(failure).rejects.toThrow(/^Time ran out during sts:AssumeRoot/);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
