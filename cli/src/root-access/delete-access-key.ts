import { DeleteAccessKeyCommand, type IAMClient } from '@aws-sdk/client-iam';
import type { Deadline } from '../../../aws/backoff.js';
import { withinDeadline } from '../../../aws/deadline.js';
import { errorName, toAwsError } from '../../../aws/errors.js';

/** What became of a root access key asked to be deleted. */
export type DeleteOutcome = 'deleted' | 'already-gone';

/**
 * Deletes one of the root user's access keys in a root session
 * (`iam:DeleteAccessKey` without `UserName`, task policy
 * IAMDeleteRootUserCredentials). A key that no longer exists
 * (`NoSuchEntity`) is `already-gone`: the goal, a key fewer, is met.
 *
 * @param deadline bounds the call @default none
 * @throws RuleError when the call fails or is denied
 * @throws DeadlineExceededError when the deadline runs out (the key may or
 *   may not be gone: the verification's listing says)
 */
export async function deleteRootAccessKey(
  iam: IAMClient,
  accessKeyId: string,
  deadline?: Deadline,
): Promise<DeleteOutcome> {
  try {
    await withinDeadline(deadline, 'iam:DeleteAccessKey', (options) =>
      iam.send(new DeleteAccessKeyCommand({ AccessKeyId: accessKeyId }), options),
    );
    return 'deleted';
  } catch (error) {
    if (errorName(error) === 'NoSuchEntityException') return 'already-gone';
    throw toAwsError(error, 'iam:DeleteAccessKey', `root access key ${accessKeyId}`);
  }
}
