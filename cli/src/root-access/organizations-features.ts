import { type IAMClient, ListOrganizationsFeaturesCommand } from '@aws-sdk/client-iam';
import type { Deadline } from '../../../aws/backoff.js';
import { withinDeadline } from '../../../aws/deadline.js';
import {
  DeadlineExceededError,
  errorMessage,
  errorName,
  isAccessDenied,
} from '../../../aws/errors.js';
import { RootAccessFeature } from '../../../definition/root-access.js';
import type { RootAccessState } from './root-access-state.js';

/** How to fix each answer of ListOrganizationsFeatures that means "not usable from here". */
const WHY_NOT: Readonly<Record<string, string>> = {
  AccountNotManagementOrDelegatedAdministratorException:
    "the caller's account is neither the management account nor the IAM delegated administrator; run from the management account, or register a delegated administrator with aws organizations register-delegated-administrator --service-principal iam.amazonaws.com --account-id <account>",
  OrganizationNotFoundException: "the caller's account belongs to no organization",
  OrganizationNotInAllFeaturesModeException:
    'the organization does not have all features enabled (AWS Organizations → Settings)',
  ServiceAccessNotEnabledException:
    'trusted access for IAM is not enabled in the organization; enable it with aws organizations enable-aws-service-access --service-principal iam.amazonaws.com',
};

/**
 * Reads the organization's centralized root access features with
 * `iam:ListOrganizationsFeatures` (management account or IAM delegated
 * administrator only). Never throws for AWS answers: a failure is the reason
 * the state is not readable.
 *
 * @param deadline bounds each call, SDK retries included @default unbounded
 */
export async function readRootAccessState(
  iam: IAMClient,
  deadline?: Deadline,
): Promise<RootAccessState> {
  try {
    const answer = await withinDeadline(deadline, 'iam:ListOrganizationsFeatures', (options) =>
      iam.send(new ListOrganizationsFeaturesCommand({}), options),
    );
    const features: readonly string[] = answer.EnabledFeatures ?? [];
    return {
      readable: true,
      organizationId: answer.OrganizationId ?? 'unknown',
      rootCredentialsManagement: features.includes(RootAccessFeature.RootCredentialsManagement),
      rootSessions: features.includes(RootAccessFeature.RootSessions),
    };
  } catch (error) {
    if (error instanceof DeadlineExceededError) {
      return { readable: false, reason: error.message, code: errorName(error) };
    }
    const code = errorName(error);
    const known = WHY_NOT[code];
    const reason =
      known ??
      (isAccessDenied(error)
        ? 'the caller may not call iam:ListOrganizationsFeatures'
        : `iam:ListOrganizationsFeatures failed: ${code}: ${errorMessage(error)}`);
    return { readable: false, reason, code };
  }
}
