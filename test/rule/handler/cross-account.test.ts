import { PutEvaluationsCommand } from '@aws-sdk/client-config-service';
import { GetAccountSummaryCommand, GetCredentialReportCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { describe, expect, it, vi } from 'vitest';
import { AccessDeniedError } from '../../../aws/errors.js';
import { InvalidEventError } from '../../../rule/src/core/errors.js';
import { serviceError } from '../../support/service-error.js';

import {
  configMock,
  context,
  csvFixture,
  fixture,
  iamMock,
  MEMBER,
  newHandler,
  OWN_KEY,
  putCalls,
  scheduledEvent,
  stsMock,
  useHandlerMocks,
} from './support.js';

useHandlerMocks();

describe('handler: cross-account mode', () => {
  /** Access key ids that signed each call, as `service:key`, in call order. */
  let signers: string[];

  /** Mocks that resolve the client's credentials as the SDK does when signing. */
  function signingAccount(keys: number, password: number) {
    signers = [];
    const signedBy = async (
      service: string,
      client: { config: { credentials: () => Promise<{ accessKeyId: string }> } },
    ) => signers.push(`${service}:${(await client.config.credentials()).accessKeyId}`);
    iamMock.on(GetAccountSummaryCommand).callsFake(async (_input, getClient) => {
      await signedBy('iam', getClient());
      return { SummaryMap: { AccountAccessKeysPresent: keys, AccountPasswordPresent: password } };
    });
    iamMock.on(GetCredentialReportCommand).callsFake(async (_input, getClient) => {
      await signedBy('iam', getClient());
      return { Content: csvFixture('root-two-keys') };
    });
    configMock.on(PutEvaluationsCommand).callsFake(async (_input, getClient) => {
      await signedBy('config', getClient());
      return { FailedEvaluations: [] };
    });
  }

  function memberRole(lifetimeMs = 3_600_000) {
    stsMock.on(AssumeRoleCommand).callsFake(() => ({
      Credentials: { ...MEMBER, Expiration: new Date(Date.now() + lifetimeMs) },
    }));
  }

  function assumedRoles() {
    return stsMock.commandCalls(AssumeRoleCommand).map((call) => call.args[0].input.RoleArn);
  }

  it('assumes the named role in the evaluated account, partition from configRuleArn', async () => {
    memberRole();
    signingAccount(0, 1);

    await newHandler()(scheduledEvent({ ExecutionRoleName: 'RootAccessKeyRuleMember' }), context);

    expect(stsMock.commandCalls(AssumeRoleCommand)[0]?.args[0].input).toEqual({
      RoleArn: 'arn:aws:iam::012345678912:role/RootAccessKeyRuleMember',
      RoleSessionName: 'root-access-key-rule',
    });
  });

  it('builds a GovCloud role ARN from a GovCloud rule ARN', async () => {
    memberRole();
    signingAccount(0, 1);

    await newHandler()(fixture('scheduled-notification-govcloud'), context);

    expect(assumedRoles()).toEqual([
      'arn:aws-us-gov:iam::111122223333:role/RootAccessKeyRuleMember',
    ]);
  });

  it('signs the IAM calls and PutEvaluations with the assumed credentials', async () => {
    memberRole();
    signingAccount(2, 1);

    await newHandler()(scheduledEvent({ ExecutionRoleName: 'Member' }), context);

    expect(signers).toEqual([
      `iam:${MEMBER.AccessKeyId}`,
      `iam:${MEMBER.AccessKeyId}`,
      `config:${MEMBER.AccessKeyId}`,
    ]);
  });

  it('uses the function role itself, without STS, when no ExecutionRoleName is set', async () => {
    signingAccount(0, 1);

    await newHandler()(scheduledEvent(), context);

    expect(signers).toEqual([`iam:${OWN_KEY}`, `config:${OWN_KEY}`]);
    expect(stsMock.calls()).toHaveLength(0);
  });

  it('reuses assumed credentials across warm invocations', async () => {
    memberRole();
    signingAccount(0, 1);
    const handler = newHandler();
    const event = scheduledEvent({ ExecutionRoleName: 'Member' });

    await handler(event, context);
    await handler(event, context);

    expect(signers).toEqual(Array(4).fill(expect.stringContaining(MEMBER.AccessKeyId)));
    expect(assumedRoles()).toHaveLength(1);
  });

  it('assumes a role per evaluated account', async () => {
    memberRole();
    signingAccount(0, 1);
    const handler = newHandler();

    await handler(scheduledEvent({ ExecutionRoleName: 'Member' }), context);
    await handler(
      scheduledEvent({ ExecutionRoleName: 'Member' }, { accountId: '444455556666' }),
      context,
    );

    expect(assumedRoles()).toEqual([
      'arn:aws:iam::012345678912:role/Member',
      'arn:aws:iam::444455556666:role/Member',
    ]);
  });

  it('assumes the role again once the credentials expire within five minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-28T06:00:00Z'));
    memberRole(15 * 60_000);
    signingAccount(0, 1);
    const handler = newHandler();
    const event = scheduledEvent({ ExecutionRoleName: 'Member' });

    await handler(event, context);
    vi.setSystemTime(new Date('2026-11-28T06:09:59Z'));
    await handler(event, context);
    const beforeRefresh = assumedRoles().length;
    vi.setSystemTime(new Date('2026-11-28T06:10:01Z'));
    await handler(event, context);

    expect(beforeRefresh).toBe(1);
    expect(assumedRoles()).toHaveLength(2);
  });

  it('fails naming sts:AssumeRole and the role ARN when the role cannot be assumed', async () => {
    stsMock
      .on(AssumeRoleCommand)
      .rejects(
        serviceError('sts', 'AccessDenied', 'not authorized to perform sts:AssumeRole', 403),
      );
    signingAccount(0, 1);

    const failure = newHandler()(scheduledEvent({ ExecutionRoleName: 'Member' }), context);

    await expect(failure).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(failure).rejects.toThrow(
      /sts:AssumeRole on arn:aws:iam::012345678912:role\/Member .*the calling role needs sts:AssumeRole/,
    );
    expect(signers).toEqual([]);
    expect(putCalls()).toHaveLength(0);
  });

  it('reports a left-scope account with the member credentials and no IAM call', async () => {
    memberRole();
    signingAccount(0, 1);

    await newHandler()(
      scheduledEvent({ ExecutionRoleName: 'Member' }, { eventLeftScope: true }),
      context,
    );

    expect(signers).toEqual([`config:${MEMBER.AccessKeyId}`]);
  });

  it('fails when cross-account mode has no ARN to take the partition from', async () => {
    const failure = newHandler()(
      scheduledEvent(
        { ExecutionRoleName: 'Member' },
        { configRuleArn: undefined, executionRoleArn: undefined },
      ),
      context,
    );

    await expect(failure).rejects.toBeInstanceOf(InvalidEventError);
    await expect(failure).rejects.toThrow(/configRuleArn/);
    expect(stsMock.calls()).toHaveLength(0);
  });
});
