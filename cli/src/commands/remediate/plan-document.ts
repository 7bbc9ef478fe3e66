import type { RemediationRow } from './row.js';

/*
 * The plan file's shape, free of AWS SDK types (it is part of the
 * declarations of `root-access-key-rule/cli`).
 */

/** The `format` of every plan file this version writes and reads. */
export const PLAN_FORMAT = 'root-access-key-rule/remediation-plan/v1';

/** One key of a plan file: the key as it was listed, and what the plan does with it. */
export interface PlannedKey {
  readonly accessKeyId: string;
  readonly status: 'Active' | 'Inactive';
  readonly createdAt?: string;
  readonly lastUsedAt?: string;
  readonly lastUsedService?: string;
  readonly lastUsedRegion?: string;
  /** `delete` (what `--apply` deletes) or `keep` (the idle guard's). */
  readonly action: 'delete' | 'keep';
  readonly reason: string;
}

/** One account of a plan file: its keys, or the rows that ended it (no keys, failed, left out). */
export interface PlannedAccount {
  readonly accountId: string;
  readonly accountName?: string;
  readonly keys: readonly PlannedKey[];
  readonly rows?: readonly RemediationRow[];
}

/** A dry run's plan, as `--plan-file` writes it and `--apply --plan-file` applies it. */
export interface PlanDocument {
  readonly format: typeof PLAN_FORMAT;
  /** When the plan was made, by AWS's clock (ISO 8601): keys used after it are kept. */
  readonly createdAt: string;
  readonly caller: { readonly arn: string; readonly accountId: string };
  readonly organizationId: string;
  readonly options: {
    readonly minIdleDays: number;
    readonly organization: boolean;
    readonly accounts?: readonly string[];
  };
  /** The audit log of the dry run that made the plan. */
  readonly auditLog: string;
  readonly accounts: readonly PlannedAccount[];
}
