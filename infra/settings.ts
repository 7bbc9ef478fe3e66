import type { SettingProps } from '../definition/settings.js';

export {
  DEFAULT_LOG_RETENTION_DAYS,
  LOG_RETENTION_DAYS,
  type LogRetentionDays,
  Packaging,
} from '../definition/setting-values.js';

/**
 * The settings of a deployment of the rule (one account or an organization):
 * the rule's own settings, which the deployment passes to the rule, and the
 * retention of the function's logs (rows of scope `rule` and `deployment` of
 * `SETTINGS`). The organization deployment sets `executionRoleName` itself,
 * to its member role.
 */
export interface DeploymentSettings
  extends Omit<SettingProps<'rule' | 'deployment'>, 'executionRoleName'> {}
