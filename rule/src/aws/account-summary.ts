import { GetAccountSummaryCommand, type IAMClient } from '@aws-sdk/client-iam';
import { AwsCallError } from '../core/errors.js';
import type { AccountSummaryFacts } from '../core/facts.js';
import type { Deadline } from './backoff.js';
import { withinDeadline } from './deadline.js';
import { toRuleError } from './errors.js';

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
    throw toRuleError(error, OPERATION);
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
