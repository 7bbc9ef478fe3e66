import { DeleteAccessKeyCommand, IAMClient } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { deadlineIn } from '../../../aws/backoff.js';
import { AccessDeniedError, DeadlineExceededError } from '../../../aws/errors.js';
import { deleteRootAccessKey } from '../../../cli/src/root-access/delete-access-key.js';
import { serviceError } from '../../support/service-error.js';

const iamMock = mockClient(IAMClient);
const iam = new IAMClient({ region: 'us-east-1' });
beforeEach(() => iamMock.reset());

describe('deleteRootAccessKey', () => {
  it("deletes the key by its id alone (the root user's, in a root session)", async () => {
    iamMock.on(DeleteAccessKeyCommand).resolves({});

    expect(await deleteRootAccessKey(iam, 'AKIA222222222222RTK1')).toBe('deleted');
    expect(iamMock.commandCalls(DeleteAccessKeyCommand)[0]?.args[0].input).toEqual({
      AccessKeyId: 'AKIA222222222222RTK1',
    });
  });

  it('counts a key that no longer exists as already gone', async () => {
    iamMock
      .on(DeleteAccessKeyCommand)
      .rejects(serviceError('iam', 'NoSuchEntityException', 'gone', 404));

    expect(await deleteRootAccessKey(iam, 'AKIA222222222222RTK1')).toBe('already-gone');
  });

  it('names the key when the deletion is denied', async () => {
    iamMock.on(DeleteAccessKeyCommand).rejects(serviceError('iam', 'AccessDenied', 'no', 403));

    const failure = deleteRootAccessKey(iam, 'AKIA222222222222RTK1');

    await expect(failure).rejects.toThrow(AccessDeniedError);
    await expect(failure).rejects.toThrow(
      /^iam:DeleteAccessKey on root access key AKIA222222222222RTK1 was denied/,
    );
  });

  it('fails naming the call when IAM does not answer before the deadline', async () => {
    iamMock.on(DeleteAccessKeyCommand).callsFake(() => new Promise(() => {}));

    const failure = deleteRootAccessKey(iam, 'AKIA222222222222RTK1', deadlineIn(50));

    await expect(failure).rejects.toThrow(DeadlineExceededError);
    await expect(failure).rejects.toThrow(/^Time ran out during iam:DeleteAccessKey/);
  });
});
