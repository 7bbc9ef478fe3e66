import { GetAccessKeyLastUsedCommand, IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { deadlineIn } from '../../../aws/backoff.js';
import { AccessDeniedError, AwsCallError, DeadlineExceededError } from '../../../aws/errors.js';
import {
  listRootAccessKeys,
  listRootAccessKeysTimed,
  readRootKeysFromList,
} from '../../../rule/src/aws/root-access-keys.js';
import { serviceError } from '../../support/service-error.js';

const iamMock = mockClient(IAMClient);
const iam = new IAMClient({ region: 'us-east-1' });
beforeEach(() => iamMock.reset());

describe('listRootAccessKeys', () => {
  it('reads every page without UserName, then each key’s last use, N/A meaning never', async () => {
    iamMock
      .on(ListAccessKeysCommand, { Marker: undefined })
      .resolves({
        AccessKeyMetadata: [
          { AccessKeyId: 'AKIA1', Status: 'Active', CreateDate: new Date('2019-03-02T10:00:00Z') },
        ],
        IsTruncated: true,
        Marker: 'm1',
      })
      .on(ListAccessKeysCommand, { Marker: 'm1' })
      .resolves({
        AccessKeyMetadata: [{ AccessKeyId: 'AKIA2', Status: 'Inactive' }],
        IsTruncated: false,
      });
    iamMock
      .on(GetAccessKeyLastUsedCommand, { AccessKeyId: 'AKIA1' })
      .resolves({
        AccessKeyLastUsed: {
          LastUsedDate: new Date('2026-11-20T08:00:00Z'),
          ServiceName: 's3',
          Region: 'eu-west-1',
        },
      })
      .on(GetAccessKeyLastUsedCommand, { AccessKeyId: 'AKIA2' })
      .resolves({ AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } });

    expect(await listRootAccessKeys(iam)).toEqual([
      {
        accessKeyId: 'AKIA1',
        active: true,
        created: '2019-03-02',
        lastUsedDate: '2026-11-20',
        lastUsedService: 's3',
        lastUsedRegion: 'eu-west-1',
      },
      { accessKeyId: 'AKIA2', active: false },
    ]);
    expect(
      iamMock
        .commandCalls(ListAccessKeysCommand)
        .every((call) => call.args[0].input.UserName === undefined),
    ).toBe(true);
  });

  it('keeps the full timestamps of creation and last use in the timed listing', async () => {
    iamMock.on(ListAccessKeysCommand).resolves({
      AccessKeyMetadata: [
        { AccessKeyId: 'AKIA1', Status: 'Active', CreateDate: new Date('2019-03-02T10:00:05Z') },
      ],
    });
    iamMock.on(GetAccessKeyLastUsedCommand).resolves({
      AccessKeyLastUsed: {
        LastUsedDate: new Date('2026-11-20T23:59:00Z'),
        ServiceName: 's3',
        Region: 'N/A',
      },
    });

    expect(await listRootAccessKeysTimed(iam)).toEqual([
      {
        accessKeyId: 'AKIA1',
        active: true,
        created: '2019-03-02',
        createdAt: '2019-03-02T10:00:05.000Z',
        lastUsedDate: '2026-11-20',
        lastUsedAt: '2026-11-20T23:59:00.000Z',
        lastUsedService: 's3',
      },
    ]);
  });

  it('refuses a key without an id or with an unknown status', async () => {
    iamMock
      .on(ListAccessKeysCommand)
      .resolves({ AccessKeyMetadata: [{ AccessKeyId: 'AKIA1', Status: 'Expired' }] });
    await expect(listRootAccessKeys(iam)).rejects.toThrow(AwsCallError);
    await expect(listRootAccessKeys(iam)).rejects.toThrow(
      /received \{"id":"AKIA1","status":"Expired"\}/,
    );
  });

  it('names the call that was denied', async () => {
    iamMock
      .on(ListAccessKeysCommand)
      .rejects(serviceError('iam', 'AccessDenied', 'explicit deny in the task policy', 403));
    await expect(listRootAccessKeys(iam)).rejects.toThrow(AccessDeniedError);
    await expect(listRootAccessKeys(iam)).rejects.toThrow(
      /^iam:ListAccessKeys on the root user was denied/,
    );
  });
});

describe('listRootAccessKeys within a deadline', () => {
  it('fails naming the call whose answer did not come in time', async () => {
    iamMock
      .on(ListAccessKeysCommand)
      .resolves({ AccessKeyMetadata: [{ AccessKeyId: 'AKIA1', Status: 'Active' }] });
    iamMock.on(GetAccessKeyLastUsedCommand).callsFake(() => new Promise(() => {}));
    const started = Date.now();

    const failure = listRootAccessKeys(iam, deadlineIn(50));

    await expect(failure).rejects.toThrow(DeadlineExceededError);
    await expect(failure).rejects.toThrow(/^Time ran out during iam:GetAccessKeyLastUsed/);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('makes no call once the deadline has passed', async () => {
    await expect(listRootAccessKeys(iam, () => 0)).rejects.toThrow(
      'Time ran out before iam:ListAccessKeys; no time was left for it',
    );
    expect(iamMock.calls()).toHaveLength(0);
  });
});

describe('readRootKeysFromList', () => {
  it("gives the key list's outcome: the keys, or why they are unavailable", async () => {
    iamMock.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [] });
    expect(await readRootKeysFromList(iam)).toEqual({
      kind: 'available',
      root: { source: 'access-key-list', keys: [] },
    });
    iamMock.on(ListAccessKeysCommand).rejects(serviceError('iam', 'ServiceFailure', 'boom', 500));
    expect(await readRootKeysFromList(iam)).toEqual({
      kind: 'unavailable',
      source: 'access-key-list',
      reason: 'iam:ListAccessKeys on the root user failed: ServiceFailure: boom',
    });
  });
});
