import type { IAMClient } from '@aws-sdk/client-iam';
import { RootAccessFeature } from '../../../definition/root-access.js';
import type { AwsSession } from '../aws/session.js';
import { CliError } from '../errors.js';
import { readRootAccessState } from './organizations-features.js';
import type { RootAccessState } from './root-access-state.js';

/** Centralized root access cannot be used from where the tool runs; the message says why and how to fix it. */
export class RootAccessUnavailableError extends CliError {}

/** The readable, enabled state that root sessions need. */
export type UsableRootAccess = Extract<RootAccessState, { readable: true }>;

/**
 * Checks, before the first account, that root sessions can be opened from
 * here: a Regional STS endpoint, and `iam:ListOrganizationsFeatures` showing
 * RootCredentialsManagement enabled for the caller (management account or IAM
 * delegated administrator).
 *
 * @throws RootAccessUnavailableError saying what is missing and how to enable it
 */
export function assertRootAccessUsable(region: string, state: RootAccessState): UsableRootAccess {
  if (region === 'aws-global') {
    throw new RootAccessUnavailableError(
      'sts:AssumeRoot needs a Regional STS endpoint, and Region aws-global selects the global one: pass --region with a Region such as us-east-1',
    );
  }
  if (!state.readable) {
    throw new RootAccessUnavailableError(
      `Root sessions cannot be opened: centralized root access could not be read (${state.reason})`,
    );
  }
  if (!state.rootCredentialsManagement) {
    throw new RootAccessUnavailableError(
      `Root sessions cannot be opened: ${RootAccessFeature.RootCredentialsManagement} is not enabled in organization ${state.organizationId}; enable it in the IAM console (Root access management) or with aws iam enable-organizations-root-credentials-management (enabling it removes no existing root credential)`,
    );
  }
  return state;
}

/** Reads the state as the caller, then {@link assertRootAccessUsable}. */
export async function requireRootAccess(
  session: AwsSession,
  iam: IAMClient,
): Promise<UsableRootAccess> {
  return assertRootAccessUsable(session.region, await readRootAccessState(iam, session.deadline));
}
