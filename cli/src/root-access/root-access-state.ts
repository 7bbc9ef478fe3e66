import { RootAccessFeature } from '../../../definition/root-access.js';

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

/** The features in words: `RootCredentialsManagement enabled, RootSessions not enabled`, or why unknown. */
export function rootAccessFeatures(state: RootAccessState): string {
  if (!state.readable) return `not readable: ${state.reason}`;
  const word = (enabled: boolean) => (enabled ? 'enabled' : 'not enabled');
  return `${RootAccessFeature.RootCredentialsManagement} ${word(state.rootCredentialsManagement)}, ${RootAccessFeature.RootSessions} ${word(state.rootSessions)}`;
}

/** The state in one line, for table summaries: `centralized root access in o-…: RootCredentialsManagement enabled, …`. */
export function describeRootAccess(state: RootAccessState): string {
  if (!state.readable) return `centralized root access could not be read: ${state.reason}`;
  return `centralized root access in ${state.organizationId}: ${rootAccessFeatures(state)}`;
}

/** {@link describeRootAccess} as a sentence of its own, for the end of a table. */
export function rootAccessLine(state: RootAccessState): string {
  const text = describeRootAccess(state);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
