import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { AwsCallError, toAwsError } from '../../../aws/errors.js';
import { parseArn } from '../../../rule/src/index.js';
import type { CallerIdentity } from '../identity.js';

/**
 * Asks STS who the caller is (`sts:GetCallerIdentity`, which needs no permission).
 *
 * @throws RuleError when the call fails (for example, no credentials)
 */
export async function getCallerIdentity(sts: STSClient): Promise<CallerIdentity> {
  let answer: { Account?: string | undefined; Arn?: string | undefined };
  try {
    answer = await sts.send(new GetCallerIdentityCommand({}));
  } catch (error) {
    throw toAwsError(error, 'sts:GetCallerIdentity');
  }
  const { Account: accountId, Arn: arn } = answer;
  if (accountId === undefined || arn === undefined) {
    throw new AwsCallError('sts:GetCallerIdentity answered without Account or Arn');
  }
  return { accountId, arn, partition: parseArn(arn, 'The caller ARN').partition };
}
