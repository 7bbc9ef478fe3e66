import type { IConstruct } from 'constructs';
import {
  AccountId,
  AggregatorName,
  DeploymentTarget,
  OrganizationId,
  RoleName,
} from '../../definition/names.js';
import { parseRoleName } from '../../definition/settings.js';
import {
  DEFAULT_ORGANIZATION_SETTINGS,
  MAX_CONCURRENCY_RANGE,
  type OrganizationSettings,
} from '../organization/organization-settings.js';
import { ContextKey } from './context-keys.js';
import { contextLabel, readBoolean, readInteger, readList, readName } from './context-readers.js';

/**
 * Reads and validates the organization settings from the CDK context.
 *
 * @throws InvalidSettingError naming the key, the value received and what is
 *   allowed, when a value is malformed or `organizationId` or
 *   `organizationalUnitIds` is missing
 */
export function readOrganizationSettings(scope: IConstruct): OrganizationSettings {
  const defaults = DEFAULT_ORGANIZATION_SETTINGS;
  const memberRoleName = readName(
    scope,
    ContextKey.MemberRoleName,
    RoleName,
    defaults.memberRoleName,
  );
  return {
    organizationId: readName(scope, ContextKey.OrganizationId, OrganizationId),
    organizationalUnitIds: readList(scope, ContextKey.OrganizationalUnitIds, DeploymentTarget),
    excludedAccounts: [
      ...new Set(
        readList(scope, ContextKey.ExcludedAccounts, AccountId, defaults.excludedAccounts),
      ),
    ],
    memberRoleName: parseRoleName(contextLabel(ContextKey.MemberRoleName), memberRoleName),
    maxConcurrency: readInteger(
      scope,
      ContextKey.MaxConcurrency,
      MAX_CONCURRENCY_RANGE,
      defaults.maxConcurrency,
    ),
    aggregator: readBoolean(scope, ContextKey.Aggregator, defaults.aggregator),
    aggregatorName: readName(
      scope,
      ContextKey.AggregatorName,
      AggregatorName,
      defaults.aggregatorName,
    ),
    delegatedAdmin: readBoolean(scope, ContextKey.DelegatedAdmin, defaults.delegatedAdmin),
    preventRootAccessKeys: readBoolean(
      scope,
      ContextKey.PreventRootAccessKeys,
      defaults.preventRootAccessKeys,
    ),
    restrictInvokeToOrganization: readBoolean(
      scope,
      ContextKey.RestrictInvokeToOrganization,
      defaults.restrictInvokeToOrganization,
    ),
  };
}
