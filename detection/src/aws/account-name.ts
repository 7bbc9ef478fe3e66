import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { Deadline } from '../../../aws/backoff.js';
import { withinDeadline } from '../../../aws/deadline.js';
import { toAwsError } from '../../../aws/errors.js';
import { loadOrganizationsModule } from './clients.js';

/**
 * The account's name in AWS Organizations (`organizations:DescribeAccount`,
 * which only the management account and a delegated administrator may call).
 *
 * @returns the name, or undefined when Organizations gives none
 * @throws RuleError when the call is denied or fails, or the time runs out
 */
export async function describeAccountName(
  organizations: OrganizationsClient,
  accountId: string,
  deadline?: Deadline,
): Promise<string | undefined> {
  const { DescribeAccountCommand } = await loadOrganizationsModule();
  try {
    const answer = await withinDeadline(deadline, 'organizations:DescribeAccount', (options) =>
      organizations.send(new DescribeAccountCommand({ AccountId: accountId }), options),
    );
    const name = answer.Account?.Name;
    return name === undefined || name === '' ? undefined : name;
  } catch (error) {
    throw toAwsError(error, 'organizations:DescribeAccount', accountId);
  }
}
