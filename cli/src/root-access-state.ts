import { RootAccessFeature } from '../../definition/root-access.js';

/** What `iam:ListOrganizationsFeatures` says of centralized root access, or why it said nothing. */
export type RootAccessState =
  | {
      readonly readable: true;
      readonly organizationId: string;
      /** Root credentials management: audit and delete root credentials (AssumeRoot IAM tasks). */
      readonly rootCredentialsManagement: boolean;
      /** Privileged root sessions for the S3 and SQS unlock tasks. */
      readonly rootSessions: boolean;
    }
  | {
      readonly readable: false;
      /** Why not, and what to do about it, in one sentence. */
      readonly reason: string;
      /** The AWS error name, when AWS answered one. */
      readonly code?: string;
    };

/** The state in one line, for table summaries: `RootCredentialsManagement enabled, RootSessions not enabled`. */
export function describeRootAccess(state: RootAccessState): string {
  if (!state.readable) return `centralized root access could not be read: ${state.reason}`;
  const word = (enabled: boolean) => (enabled ? 'enabled' : 'not enabled');
  return `centralized root access in ${state.organizationId}: ${RootAccessFeature.RootCredentialsManagement} ${word(state.rootCredentialsManagement)}, ${RootAccessFeature.RootSessions} ${word(state.rootSessions)}`;
}

/** {@link describeRootAccess} as a sentence of its own, for the end of a table. */
export function rootAccessLine(state: RootAccessState): string {
  const text = describeRootAccess(state);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
