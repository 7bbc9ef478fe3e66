import { GetAccountSummaryCommand, type IAMClient } from '@aws-sdk/client-iam';
import type { Deadline } from '../../../aws/backoff.js';
import { withinDeadline } from '../../../aws/deadline.js';
import { AwsCallError, toAwsError } from '../../../aws/errors.js';
import type { AccountSummaryFacts } from '../core/facts.js';

const OPERATION = 'iam:GetAccountSummary';

/**
 * Reads the root user's key and password counts with `iam:GetAccountSummary`,
 * the source of the verdict.
 *
 * @param deadline time left for the call, SDK retries included @default unbounded
 * @throws AccessDeniedError when the call is denied
 * @throws AwsCallError when it fails or lacks `AccountAccessKeysPresent`
 * @throws DeadlineExceededError when the time left runs out first
 */
export async function getAccountSummary(
  iam: IAMClient,
  deadline?: Deadline,
): Promise<AccountSummaryFacts> {
  let summaryMap: Record<string, number> | undefined;
  try {
    ({ SummaryMap: summaryMap } = await withinDeadline(deadline, OPERATION, (options) =>
      iam.send(new GetAccountSummaryCommand({}), options),
    ));
  } catch (error) {
    throw toAwsError(error, OPERATION);
  }
  const keys = summaryMap?.AccountAccessKeysPresent;
  if (typeof keys !== 'number') {
    throw new AwsCallError(
      `iam:GetAccountSummary answered without AccountAccessKeysPresent (received keys ${JSON.stringify(Object.keys(summaryMap ?? {}))}); no verdict without it`,
    );
  }
  const password = summaryMap?.AccountPasswordPresent;
  return {
    accessKeysPresent: keys,
    ...(typeof password === 'number' ? { passwordPresent: password } : {}),
  };
}
