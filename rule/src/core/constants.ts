/**
 * Compliance results the rule reports to AWS Config. `INSUFFICIENT_DATA` is
 * deliberately absent: `PutEvaluations` rejects it for custom rules.
 */
export const ComplianceType = {
  Compliant: 'COMPLIANT',
  NonCompliant: 'NON_COMPLIANT',
  NotApplicable: 'NOT_APPLICABLE',
} as const;

/** One of the values of {@link ComplianceType}. */
export type ComplianceType = (typeof ComplianceType)[keyof typeof ComplianceType];

/** Names of the rule parameters read from the Config event's `ruleParameters`. */
export const ParameterName = {
  IgnoreInactiveKeys: 'IgnoreInactiveKeys',
  RootWithoutCredentials: 'RootWithoutCredentials',
  ExecutionRoleName: 'ExecutionRoleName',
} as const;

/** One of the values of {@link ParameterName}. */
export type ParameterName = (typeof ParameterName)[keyof typeof ParameterName];

/** Results allowed for the `RootWithoutCredentials` parameter. */
export const RootWithoutCredentialsResult = {
  Compliant: ComplianceType.Compliant,
  NotApplicable: ComplianceType.NotApplicable,
} as const;

/** One of the values of {@link RootWithoutCredentialsResult}. */
export type RootWithoutCredentialsResult =
  (typeof RootWithoutCredentialsResult)[keyof typeof RootWithoutCredentialsResult];

/** `invokingEvent.messageType` values the rule accepts. */
export const MessageType = {
  ScheduledNotification: 'ScheduledNotification',
  ConfigurationItemChangeNotification: 'ConfigurationItemChangeNotification',
  OversizedConfigurationItemChangeNotification: 'OversizedConfigurationItemChangeNotification',
} as const;

/** One of the values of {@link MessageType}. */
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

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

/** The Config resource type of an evaluated account. */
export const ACCOUNT_RESOURCE_TYPE = 'AWS::::Account';

/** The `user` column value of the root user's row in the IAM credential report. */
export const ROOT_USER_NAME = '<root_account>';

/** The parameter values used when `ruleParameters` omits them. */
export const DEFAULT_PARAMETERS = {
  ignoreInactiveKeys: false,
  rootWithoutCredentials: RootWithoutCredentialsResult.Compliant,
} as const;

/** Longest `Annotation` that `PutEvaluations` accepts. */
export const ANNOTATION_MAX_LENGTH = 256;
