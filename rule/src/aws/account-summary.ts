import { GetAccountSummaryCommand, type IAMClient } from '@aws-sdk/client-iam';
import { AwsCallError } from '../core/errors.js';
import type { AccountSummaryFacts } from '../core/facts.js';
import { toRuleError } from './errors.js';

/**
 * Reads the root user's key and password counts with `iam:GetAccountSummary`,
 * the source of the verdict.
 *
 * @throws AccessDeniedError when the call is denied
 * @throws AwsCallError when it fails or lacks `AccountAccessKeysPresent`
 */
export async function getAccountSummary(iam: IAMClient): Promise<AccountSummaryFacts> {
  let summaryMap: Record<string, number> | undefined;
  try {
    ({ SummaryMap: summaryMap } = await iam.send(new GetAccountSummaryCommand({})));
  } catch (error) {
    throw toRuleError(error, 'iam:GetAccountSummary');
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
