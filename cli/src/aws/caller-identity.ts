import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type { Deadline } from '../../../aws/backoff.js';
import { withinDeadline } from '../../../aws/deadline.js';
import { AwsCallError, toAwsError } from '../../../aws/errors.js';
import { parseArn } from '../../../rule/src/core/index.js';
import type { CallerIdentity } from '../identity.js';
import { checkRegionPartition } from './regions.js';
import type { AwsSession } from './session.js';

/**
 * Asks STS who the caller is (`sts:GetCallerIdentity`, which needs no permission).
 *
 * @param deadline bounds the call, SDK retries included @default unbounded
 * @throws ProjectError when the call fails (for example, no credentials) or time runs out
 */
export async function getCallerIdentity(
  sts: STSClient,
  deadline?: Deadline,
): Promise<CallerIdentity> {
  let answer: { Account?: string | undefined; Arn?: string | undefined };
  try {
    answer = await withinDeadline(deadline, 'sts:GetCallerIdentity', (options) =>
      sts.send(new GetCallerIdentityCommand({}), options),
    );
  } catch (error) {
    throw toAwsError(error, 'sts:GetCallerIdentity');
  }
  const { Account: accountId, Arn: arn } = answer;
  if (accountId === undefined || arn === undefined) {
    throw new AwsCallError('sts:GetCallerIdentity answered without Account or Arn');
  }
  return { accountId, arn, partition: parseArn(arn, 'The caller ARN').partition };
}

/**
 * The session's caller, within the session's time limit, once its Region is
 * known to be of the caller's partition.
 *
 * @throws InvalidRegionError when the Region is of another partition
 */
export async function sessionCaller(session: AwsSession): Promise<CallerIdentity> {
  const caller = await getCallerIdentity(session.sts, session.deadline);
  checkRegionPartition(session.region, caller);
  return caller;
}
