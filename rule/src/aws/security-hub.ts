import {
  type AwsSecurityFinding,
  BatchImportFindingsCommand,
  type BatchImportFindingsCommandOutput,
  type SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import type { Deadline } from '../../../aws/backoff.js';
import { withinDeadline } from '../../../aws/deadline.js';
import { AwsCallError, toAwsError } from '../../../aws/errors.js';
import type { AsffFinding } from '../../../definition/findings/asff.js';

const OPERATION = 'securityhub:BatchImportFindings';

/**
 * Imports findings into Security Hub with `securityhub:BatchImportFindings`,
 * in the client's account and Region (each finding's product must be that
 * account's default product there).
 *
 * @param deadline time left for the call, SDK retries included @default unbounded
 * @throws AccessDeniedError when the call is denied
 * @throws AwsCallError when it fails (Security Hub not enabled, throttled, …)
 *   or Security Hub refuses a finding (`FailedFindings`)
 * @throws DeadlineExceededError when the time left runs out first
 */
export async function importFindings(
  client: SecurityHubClient,
  findings: readonly AsffFinding[],
  deadline?: Deadline,
): Promise<void> {
  // The SDK's type has mutable arrays; the finding is sent as built.
  const input = { Findings: findings as unknown as AwsSecurityFinding[] };
  let answer: BatchImportFindingsCommandOutput;
  try {
    answer = await withinDeadline(deadline, OPERATION, (options) =>
      client.send(new BatchImportFindingsCommand(input), options),
    );
  } catch (error) {
    throw toAwsError(error, OPERATION);
  }
  const failed = answer.FailedFindings ?? [];
  if (failed.length > 0) {
    const reasons = failed.map((entry) => `${entry.Id}: ${entry.ErrorCode} ${entry.ErrorMessage}`);
    throw new AwsCallError(
      `Security Hub refused ${failed.length} of ${findings.length} findings (${reasons.join('; ')})`,
    );
  }
}
