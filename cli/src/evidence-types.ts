import type { RootAccessState } from './root-access/root-access-state.js';

/*
 * The evidence header's types, free of AWS SDK types (they are part of the
 * declarations of `root-access-key-rule/cli`).
 */

/** The organization's centralized root access as the evidence shows it: the state and its line. */
export type EvidenceRootAccess = RootAccessState & {
  /** One line for a person, e.g. `RootCredentialsManagement enabled, RootSessions not enabled`. */
  readonly text: string;
};

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
  readonly rootAccess: EvidenceRootAccess;
}
