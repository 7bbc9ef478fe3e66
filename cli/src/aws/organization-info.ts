import {
  DescribeOrganizationCommand,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import type { Deadline } from '../../../aws/backoff.js';
import { withinDeadline } from '../../../aws/deadline.js';
import { toAwsError } from '../../../aws/errors.js';

/** The organization the caller's account belongs to. */
export interface OrganizationInfo {
  /** `o-…` */
  readonly id: string;
  readonly managementAccountId?: string;
}

/**
 * Asks Organizations which organization the caller's account is in
 * (`organizations:DescribeOrganization`, allowed to any member account).
 *
 * @param deadline bounds each call, SDK retries included @default unbounded
 * @throws RuleError when the call fails (AWSOrganizationsNotInUseException outside an organization)
 */
export async function describeOrganization(
  org: OrganizationsClient,
  deadline?: Deadline,
): Promise<OrganizationInfo> {
  try {
    const { Organization: organization } = await withinDeadline(
      deadline,
      'organizations:DescribeOrganization',
      (options) => org.send(new DescribeOrganizationCommand({}), options),
    );
    if (organization?.Id === undefined) {
      throw new Error('DescribeOrganization answered without an organization id');
    }
    return {
      id: organization.Id,
      ...(organization.MasterAccountId && { managementAccountId: organization.MasterAccountId }),
    };
  } catch (error) {
    throw toAwsError(error, 'organizations:DescribeOrganization');
  }
}
