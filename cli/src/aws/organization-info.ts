import {
  DescribeOrganizationCommand,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
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
 * @throws RuleError when the call fails (AWSOrganizationsNotInUseException outside an organization)
 */
export async function describeOrganization(org: OrganizationsClient): Promise<OrganizationInfo> {
  try {
    const { Organization: organization } = await org.send(new DescribeOrganizationCommand({}));
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
