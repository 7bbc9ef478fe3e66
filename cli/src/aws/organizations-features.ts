import { type IAMClient, ListOrganizationsFeaturesCommand } from '@aws-sdk/client-iam';
import { toRuleError } from '../../../rule/src/aws/errors.js';

/** The centralized root access features enabled in the organization. */
export interface OrganizationsFeatures {
  readonly organizationId?: string;
  /** `RootCredentialsManagement`, `RootSessions`. */
  readonly enabledFeatures: readonly string[];
}

/**
 * Reads which centralized root access features are on
 * (`iam:ListOrganizationsFeatures`; management account or IAM delegated administrator).
 *
 * @throws RuleError when the call fails; its cause keeps the SDK error (e.g.
 *   `ServiceAccessNotEnabledException`: trusted access for IAM is off)
 */
export async function listOrganizationsFeatures(iam: IAMClient): Promise<OrganizationsFeatures> {
  try {
    const answer = await iam.send(new ListOrganizationsFeaturesCommand({}));
    return {
      ...(answer.OrganizationId && { organizationId: answer.OrganizationId }),
      enabledFeatures: answer.EnabledFeatures ?? [],
    };
  } catch (error) {
    throw toRuleError(error, 'iam:ListOrganizationsFeatures');
  }
}
