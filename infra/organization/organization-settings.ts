import { SettingScope } from '../../definition/setting.js';
import {
  defaultsOf,
  type ResolvedSettings,
  type SettingProps,
  settingsIn,
} from '../../definition/settings.js';

export { MAX_CONCURRENCY_RANGE } from '../../definition/setting-values.js';

/**
 * Settings of the organization deployment as props: `organizationId` and
 * `organizationalUnitIds` required, every other one optional with the default
 * of its row in `SETTINGS` (scope `organization`).
 */
export interface OrganizationSettingsProps extends SettingProps<typeof SettingScope.Organization> {}

/** Settings of the organization deployment, defaults applied, every value validated. */
export interface OrganizationSettings extends ResolvedSettings<typeof SettingScope.Organization> {}

/** Defaults of the optional organization settings, from `SETTINGS`. */
export const DEFAULT_ORGANIZATION_SETTINGS = defaultsOf(
  settingsIn(SettingScope.Organization),
) as Omit<OrganizationSettings, 'organizationId' | 'organizationalUnitIds'>;
