import { DeleteAccessKeyCommand, type IAMClient } from '@aws-sdk/client-iam';
import { errorName, toRuleError } from '../../../rule/src/aws/errors.js';

/** What became of a root access key asked to be deleted. */
export type DeleteOutcome = 'deleted' | 'already-gone';

/**
 * Deletes one of the root user's access keys in a root session
 * (`iam:DeleteAccessKey` without `UserName`, task policy
 * IAMDeleteRootUserCredentials). A key that no longer exists
 * (`NoSuchEntity`) is `already-gone`: the goal, a key fewer, is met.
 *
 * @throws RuleError when the call fails or is denied
 */
export async function deleteRootAccessKey(
  iam: IAMClient,
  accessKeyId: string,
): Promise<DeleteOutcome> {
  try {
    await iam.send(new DeleteAccessKeyCommand({ AccessKeyId: accessKeyId }));
    return 'deleted';
  } catch (error) {
    if (errorName(error) === 'NoSuchEntityException') return 'already-gone';
    throw toRuleError(error, 'iam:DeleteAccessKey', `root access key ${accessKeyId}`);
  }
}
