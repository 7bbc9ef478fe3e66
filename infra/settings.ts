import {
  DEFAULT_PARAMETERS,
  Frequency,
  type RootWithoutCredentialsResult,
} from '../rule/src/core/constants.js';

/** How the rule is packaged in a single account. */
export const Packaging = {
  /** A conformance pack holding the rule (the default). */
  ConformancePack: 'conformance-pack',
  /** A standalone Config rule. */
  Rule: 'rule',
} as const;

/** One of the values of {@link Packaging}. */
export type Packaging = (typeof Packaging)[keyof typeof Packaging];

/** Where the rule is deployed. */
export const Deployment = {
  /** One account and Region (the default). */
  Account: 'account',
  /** Every account of an AWS Organization, from a central account. */
  Organization: 'organization',
} as const;

/** One of the values of {@link Deployment}. */
export type Deployment = (typeof Deployment)[keyof typeof Deployment];

/** The rule's name when none is given. */
export const DEFAULT_RULE_NAME = 'root-access-key-rule';

/**
 * Rule names: valid both as a Config rule name and as a conformance pack name
 * (`[a-zA-Z][-a-zA-Z0-9]*`), so the pack can carry the rule's name; 64
 * characters leave room for the suffixes Config adds in member accounts.
 */
export const RULE_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9-]{0,63}$/;

/** {@link RULE_NAME_PATTERN} in words, for error messages. */
export const RULE_NAME_DESCRIPTION =
  'a name of 1-64 letters, digits and hyphens that starts with a letter';

/** IAM role names, without a path (the rule's own `ExecutionRoleName` check). */
export { ROLE_NAME_PATTERN } from '../rule/src/core/parameters.js';

/** `ROLE_NAME_PATTERN` in words, for error messages. */
export const ROLE_NAME_DESCRIPTION = 'an IAM role name (1-64 letters, digits and +=,.@_-, no path)';

/** Log retention periods CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;

/** One of {@link LOG_RETENTION_DAYS}. */
export type LogRetentionDays = (typeof LOG_RETENTION_DAYS)[number];

/** Settings of the rule shared by every deployment (account and organization). */
export interface RuleSettings {
  /** Name of the Config rule (and of the conformance pack holding it). */
  readonly ruleName: string;
  /** How often Config runs the rule. */
  readonly frequency: Frequency;
  /** Rule parameter `IgnoreInactiveKeys`. */
  readonly ignoreInactiveKeys: boolean;
  /** Rule parameter `RootWithoutCredentials`. */
  readonly rootWithoutCredentials: RootWithoutCredentialsResult;
  /** Retention of the function's log group, in days. */
  readonly logRetentionDays: LogRetentionDays;
}

/** The settings used when nothing is configured. */
export const DEFAULT_RULE_SETTINGS: RuleSettings = {
  ruleName: DEFAULT_RULE_NAME,
  frequency: Frequency.TwentyFourHours,
  ignoreInactiveKeys: DEFAULT_PARAMETERS.ignoreInactiveKeys,
  rootWithoutCredentials: DEFAULT_PARAMETERS.rootWithoutCredentials,
  logRetentionDays: 365,
};
