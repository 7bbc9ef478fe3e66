import type { IConstruct } from 'constructs';
import { SettingScope } from '../../definition/setting.js';
import { settingsIn } from '../../definition/settings.js';
import type { OrganizationSettings } from '../organization/organization-settings.js';
import { readSettings } from './context-readers.js';

/**
 * Reads and validates the organization settings (rows of scope
 * `organization` of `SETTINGS`) from the CDK context.
 *
 * @throws InvalidSettingError naming the key, the value received and what is
 *   allowed, when a value is malformed or `organizationId` or
 *   `organizationalUnitIds` is missing
 */
export function readOrganizationSettings(scope: IConstruct): OrganizationSettings {
  return readSettings(
    scope,
    settingsIn(SettingScope.Organization),
  ) as unknown as OrganizationSettings;
}
