/*
 * The evidence header's types, free of AWS SDK types (they are part of the
 * declarations of `root-access-key-rule/cli`).
 */

/** The centralized root access features of the organization, where readable. */
export interface RootAccessState {
  /** Whether `iam:ListOrganizationsFeatures` answered (an answer of "trusted access off" counts). */
  readonly readable: boolean;
  /** `RootCredentialsManagement`, `RootSessions`: the features that are on. */
  readonly enabledFeatures: readonly string[];
  /** One line for a person, e.g. `RootCredentialsManagement on, RootSessions off`. */
  readonly text: string;
}

/** Who produced a result, when, from what: the header an auditor files with it. */
export interface Evidence {
  /** When the run started (ISO 8601). */
  readonly generatedAt: string;
  readonly callerArn: string;
  readonly callerAccountId: string;
  /** The organization's id (`organizations:DescribeOrganization`), where readable. */
  readonly organizationId?: string;
  /** Why the organization's id is unknown. */
  readonly organizationNote?: string;
  /** The aggregator read and its Region (report only). */
  readonly aggregator?: { readonly name: string; readonly region: string };
  readonly toolName: string;
  readonly toolVersion: string;
  readonly rootAccess: RootAccessState;
}
