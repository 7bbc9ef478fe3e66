import { DefaultName } from '../../definition/names.js';

/** Range of `maxConcurrency`: Lambda keeps at least 100 of the default 1,000 unreserved. */
export const MAX_CONCURRENCY_RANGE = { min: 1, max: 900 } as const;

/** Settings of the organization deployment. */
export interface OrganizationSettings {
  /** The organization id (`o-…`); the central role may assume roles only in it. */
  readonly organizationId: string;
  /** OU ids (`ou-…`) or the root id (`r-…`) whose accounts get the member role. */
  readonly organizationalUnitIds: readonly string[];
  /** Accounts that get neither the pack nor the member role. @default none */
  readonly excludedAccounts: readonly string[];
  /**
   * Name of the member role, optionally under an IAM path (`security/RootKeyRule`):
   * the rule's `ExecutionRoleName`. @default 'RootAccessKeyRuleMember'
   */
  readonly memberRoleName: string;
  /** Reserved concurrency of the central function. @default 10 */
  readonly maxConcurrency: number;
  /** Whether to create the organization aggregator. @default true */
  readonly aggregator: boolean;
  /** Name of the aggregator. @default 'root-access-key-rule-organization' */
  readonly aggregatorName: string;
  /**
   * Whether the central account is a delegated administrator (for AWS Config
   * and StackSets) rather than the management account. @default false
   */
  readonly delegatedAdmin: boolean;
  /**
   * Attach a service control policy to the OUs that denies the root user
   * `iam:CreateAccessKey`, so that root access keys cannot come back
   * (SCPs do not apply to the management account). @default false
   */
  readonly preventRootAccessKeys: boolean;
  /**
   * Let AWS Config invoke the central function only on behalf of accounts of
   * the organization (`aws:SourceOrgID` in a full Lambda resource policy)
   * instead of any account. AWS Config does not document that its
   * invocations carry `aws:SourceOrgID`: verify it in a sandbox first
   * (docs/organization.md). @default false
   */
  readonly restrictInvokeToOrganization: boolean;
}

/** Defaults of the optional organization settings. */
export const DEFAULT_ORGANIZATION_SETTINGS = {
  excludedAccounts: [],
  memberRoleName: DefaultName.memberRole,
  maxConcurrency: 10,
  aggregator: true,
  aggregatorName: DefaultName.aggregator,
  delegatedAdmin: false,
  preventRootAccessKeys: false,
  restrictInvokeToOrganization: false,
} as const satisfies Omit<OrganizationSettings, 'organizationId' | 'organizationalUnitIds'>;
