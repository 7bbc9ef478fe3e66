/** An organizational unit of the simulated organization. */
export interface SimOrganizationalUnit {
  /** `ou-<root>-<suffix>`, e.g. `ou-exmp-workload1`. */
  readonly id: string;
  readonly name: string;
  /** The parent OU's id. @default the root */
  readonly parentId?: string;
}

/** The simulated organization's identity and tree (accounts name their parent themselves). */
export interface SimOrganization {
  /** @default 'o-exampleorg1' */
  readonly id?: string;
  /** @default 'r-exmp' */
  readonly rootId?: string;
  /** @default none: every account sits under the root */
  readonly units?: readonly SimOrganizationalUnit[];
}

/** Deployment states of an organization conformance pack in one member account. */
export type PackDeploymentStatus =
  | 'CREATE_SUCCESSFUL'
  | 'CREATE_IN_PROGRESS'
  | 'CREATE_FAILED'
  | 'DELETE_SUCCESSFUL'
  | 'DELETE_FAILED'
  | 'DELETE_IN_PROGRESS'
  | 'UPDATE_SUCCESSFUL'
  | 'UPDATE_IN_PROGRESS'
  | 'UPDATE_FAILED';

/** An organization conformance pack's state in one member account. */
export interface SimPackAccountStatus {
  readonly accountId: string;
  readonly status: PackDeploymentStatus;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  /** @default 2026-11-27T09:00:00Z */
  readonly lastUpdateTime?: Date;
}

/** An organization conformance pack deployed from the caller's account. */
export interface SimOrganizationConformancePack {
  readonly name: string;
  /** Accounts the pack leaves out (`ExcludedAccounts`). @default none */
  readonly excludedAccounts?: readonly string[];
  /** Per-account deployment states, in this order. @default none */
  readonly statuses?: readonly SimPackAccountStatus[];
  /** @default 2026-11-27T09:00:00Z */
  readonly lastUpdateTime?: Date;
}

/** When the simulated packs were last changed, unless told otherwise. */
export const PACK_UPDATED = new Date('2026-11-27T09:00:00Z');
