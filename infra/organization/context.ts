import type { IConstruct } from 'constructs';
import { ContextKey, readBoolean, readInteger, readList, readString } from '../context.js';
import { ROLE_NAME_DESCRIPTION, ROLE_NAME_PATTERN } from '../settings.js';
import { ACCOUNT_ID_PATTERN, DEPLOYMENT_TARGET_PATTERN, ORGANIZATION_ID_PATTERN } from './ids.js';
import { AGGREGATOR_NAME_PATTERN, DEFAULT_AGGREGATOR_NAME } from './organization-aggregator.js';

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
  /** Name of the member role, the rule's `ExecutionRoleName`. @default 'RootAccessKeyRuleMember' */
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
}

/** Defaults of the optional organization settings. */
export const DEFAULT_ORGANIZATION_SETTINGS = {
  excludedAccounts: [],
  memberRoleName: 'RootAccessKeyRuleMember',
  maxConcurrency: 10,
  aggregator: true,
  aggregatorName: DEFAULT_AGGREGATOR_NAME,
  delegatedAdmin: false,
} as const satisfies Omit<OrganizationSettings, 'organizationId' | 'organizationalUnitIds'>;

/**
 * Reads and validates the organization settings from the CDK context.
 *
 * @throws InvalidSettingError naming the key, the value received and what is
 *   allowed, when a value is malformed or `organizationId` or
 *   `organizationalUnitIds` is missing
 */
export function readOrganizationSettings(scope: IConstruct): OrganizationSettings {
  const defaults = DEFAULT_ORGANIZATION_SETTINGS;
  return {
    organizationId: readString(scope, ContextKey.OrganizationId, {
      pattern: ORGANIZATION_ID_PATTERN,
      description:
        'an organization id: o- and 10-32 lowercase letters or digits, such as o-a1b2c3d4e5',
    }),
    organizationalUnitIds: readList(scope, ContextKey.OrganizationalUnitIds, {
      pattern: DEPLOYMENT_TARGET_PATTERN,
      description:
        'OU ids (ou-<4-32>-<8-32 characters>, such as ou-ab12-cdefgh34) or the root id (r-<4-32 characters>, such as r-ab12)',
    }),
    excludedAccounts: [
      ...new Set(
        readList(scope, ContextKey.ExcludedAccounts, {
          pattern: ACCOUNT_ID_PATTERN,
          description: '12-digit account ids',
          defaultValue: defaults.excludedAccounts,
        }),
      ),
    ],
    memberRoleName: readString(scope, ContextKey.MemberRoleName, {
      pattern: ROLE_NAME_PATTERN,
      description: ROLE_NAME_DESCRIPTION,
      defaultValue: defaults.memberRoleName,
    }),
    maxConcurrency: readInteger(
      scope,
      ContextKey.MaxConcurrency,
      MAX_CONCURRENCY_RANGE,
      defaults.maxConcurrency,
    ),
    aggregator: readBoolean(scope, ContextKey.Aggregator, defaults.aggregator),
    aggregatorName: readString(scope, ContextKey.AggregatorName, {
      pattern: AGGREGATOR_NAME_PATTERN,
      description: 'an aggregator name of 1-256 letters, digits, _ and -',
      defaultValue: defaults.aggregatorName,
    }),
    delegatedAdmin: readBoolean(scope, ContextKey.DelegatedAdmin, defaults.delegatedAdmin),
  };
}
