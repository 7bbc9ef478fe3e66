/*
 * Types of the organization as the tool shows it, free of AWS SDK types
 * (they are part of the declarations of `root-access-key-rule/cli`).
 */

/** An account of the organization as `evaluate` and `report` show it. */
export interface DirectoryAccount {
  readonly id: string;
  readonly name?: string;
  /** ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED (or UNKNOWN). */
  readonly state: string;
  /** The OU path from the root, e.g. `Root/Workloads/Prod`; absent when the tree was not readable. */
  readonly organizationalUnit?: string;
}

/** An account to evaluate or remediate, as the organization names and places it. */
export interface Target {
  readonly accountId: string;
  readonly accountName?: string;
  readonly organizationalUnit?: string;
}
