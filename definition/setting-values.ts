import { ComplianceType } from './config.js';

/**
 * The values settings take, each an `as const` object with its union type:
 * what the settings table ({@link SETTINGS}) allows.
 */

/** Periodic trigger frequencies of AWS Config rules. */
export const Frequency = {
  OneHour: 'One_Hour',
  ThreeHours: 'Three_Hours',
  SixHours: 'Six_Hours',
  TwelveHours: 'Twelve_Hours',
  TwentyFourHours: 'TwentyFour_Hours',
} as const;

/** One of the values of {@link Frequency}. */
export type Frequency = (typeof Frequency)[keyof typeof Frequency];

/** The period of each {@link Frequency}, in hours. */
export const FREQUENCY_HOURS: Readonly<Record<Frequency, number>> = {
  [Frequency.OneHour]: 1,
  [Frequency.ThreeHours]: 3,
  [Frequency.SixHours]: 6,
  [Frequency.TwelveHours]: 12,
  [Frequency.TwentyFourHours]: 24,
};

/** Results allowed for the `RootWithoutCredentials` rule parameter. */
export const RootWithoutCredentialsResult = {
  Compliant: ComplianceType.Compliant,
  NotApplicable: ComplianceType.NotApplicable,
} as const;

/** One of the values of {@link RootWithoutCredentialsResult}. */
export type RootWithoutCredentialsResult =
  (typeof RootWithoutCredentialsResult)[keyof typeof RootWithoutCredentialsResult];

/** The rule description used when none is given. */
export const DEFAULT_RULE_DESCRIPTION =
  'Checks that the root user has no access key (CIS AWS Foundations 1.4, AWS Security Hub IAM.4).';

/** Longest rule description AWS Config accepts. */
export const RULE_DESCRIPTION_MAX_LENGTH = 256;

/** How the rule is packaged in a single account. */
export const Packaging = {
  /** A conformance pack holding the rule (the default). */
  ConformancePack: 'conformance-pack',
  /** A standalone Config rule. */
  Rule: 'rule',
} as const;

/** One of the values of {@link Packaging}. */
export type Packaging = (typeof Packaging)[keyof typeof Packaging];

/** Where the app deploys the rule (context key `deployment`). */
export const Deployment = {
  /** One account and Region (the default). */
  Account: 'account',
  /** Every account of an AWS Organization, from a central account. */
  Organization: 'organization',
} as const;

/** One of the values of {@link Deployment}. */
export type Deployment = (typeof Deployment)[keyof typeof Deployment];

/** Log retention periods CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;

/** One of {@link LOG_RETENTION_DAYS}. */
export type LogRetentionDays = (typeof LOG_RETENTION_DAYS)[number];

/** Log retention of the function's log group when none is given, in days. */
export const DEFAULT_LOG_RETENTION_DAYS: LogRetentionDays = 365;

/** Range of `maxConcurrency`: Lambda keeps at least 100 of the default 1,000 unreserved. */
export const MAX_CONCURRENCY_RANGE = { min: 1, max: 900 } as const;
