import type { RuleSettingsProps } from '../definition/settings.js';

/** How the rule is packaged in a single account. */
export const Packaging = {
  /** A conformance pack holding the rule (the default). */
  ConformancePack: 'conformance-pack',
  /** A standalone Config rule. */
  Rule: 'rule',
} as const;

/** One of the values of {@link Packaging}. */
export type Packaging = (typeof Packaging)[keyof typeof Packaging];

/** Log retention periods CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;

/** One of {@link LOG_RETENTION_DAYS}. */
export type LogRetentionDays = (typeof LOG_RETENTION_DAYS)[number];

/** Log retention of the function's log group when none is given, in days. */
export const DEFAULT_LOG_RETENTION_DAYS: LogRetentionDays = 365;

/**
 * The settings of a deployment of the rule (one account or an organization):
 * the rule's own settings, which the deployment passes to the rule, and the
 * retention of the function's logs. The organization deployment sets
 * `executionRoleName` itself, to its member role.
 */
export interface DeploymentSettings extends Omit<RuleSettingsProps, 'executionRoleName'> {
  /** Retention of the function's log group, in days. @default 365 */
  readonly logRetentionDays?: LogRetentionDays;
}
