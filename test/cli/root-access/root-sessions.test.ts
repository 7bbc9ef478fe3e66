import { AssumeRootCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Deadline } from '../../../aws/backoff.js';
import { untilAborted } from '../../../aws/deadline.js';
import type { AwsSession } from '../../../cli/src/aws/session.js';
import { withRootSession } from '../../../cli/src/root-access/root-sessions.js';
import { RootTaskPolicy } from '../../../definition/root-access.js';

const stsMock = mockClient(STSClient);
beforeEach(() => {
  stsMock.reset();
  stsMock.on(AssumeRootCommand).resolves({
    Credentials: {
      AccessKeyId: 'ASIAROOTSESSION00001',
      SecretAccessKey: 'secret',
      SessionToken: 'token',
      Expiration: new Date('2026-12-01T12:15:00Z'),
    },
  });
});

const caller = {
  accountId: '111111111111',
  arn: 'arn:aws:iam::111111111111:user/a',
  partition: 'aws',
};

function sessionWith(signal: AbortSignal): AwsSession {
  const sts = new STSClient({ region: 'eu-west-1' });
  return {
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
    sts,
    clientOptions: { region: 'eu-west-1' },
    deadline: untilAborted(signal),
    destroy: () => sts.destroy(),
  };
}

describe("withRootSession and the caller's time limit", () => {
  it('opens no session once the time limit has run out', async () => {
    const controller = new AbortController();
    controller.abort(new Error("the command's time limit (--timeout 3s) ran out"));

    const opening = withRootSession(
      sessionWith(controller.signal),
      caller,
      { accountId: '222222222222', policy: RootTaskPolicy.Delete },
      async () => 'worked',
    );

    await expect(opening).rejects.toThrow(
      "Time ran out before sts:AssumeRoot: the command's time limit (--timeout 3s) ran out",
    );
    expect(stsMock.commandCalls(AssumeRootCommand)).toHaveLength(0);
  });

  it.each([
    [RootTaskPolicy.Audit, true],
    [RootTaskPolicy.Delete, false],
  ])('gives the calls of a %s session the time limit: %s', async (policy, bounded) => {
    const controller = new AbortController();
    let seen: Deadline | undefined;

    await withRootSession(
      sessionWith(controller.signal),
      caller,
      { accountId: '222222222222', policy },
      async (_iam, _root, deadline) => {
        seen = deadline;
      },
    );
    controller.abort(new Error('time is up'));

    // A delete session finishes the deletion under way: only its own deadline ends it.
    expect(seen?.signal?.aborted === true).toBe(bounded);
    expect((seen?.() ?? 0) > 0).toBe(!bounded);
  });
});
