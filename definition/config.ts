/**
 * Facts of AWS Config that the rule, the pack template and the command-line
 * tool share: what an evaluation can say, and what triggers a rule.
 */

/**
 * Compliance results of AWS Config evaluations. The rule reports these
 * three; `INSUFFICIENT_DATA` is what Config shows where no result exists
 * (`PutEvaluations` rejects it from custom rules).
 */
export const ComplianceType = {
  Compliant: 'COMPLIANT',
  NonCompliant: 'NON_COMPLIANT',
  NotApplicable: 'NOT_APPLICABLE',
} as const;

/** One of the values of {@link ComplianceType}. */
export type ComplianceType = (typeof ComplianceType)[keyof typeof ComplianceType];

/** `invokingEvent.messageType` values the rule accepts. */
export const MessageType = {
  ScheduledNotification: 'ScheduledNotification',
  ConfigurationItemChangeNotification: 'ConfigurationItemChangeNotification',
  OversizedConfigurationItemChangeNotification: 'OversizedConfigurationItemChangeNotification',
} as const;

/** One of the values of {@link MessageType}. */
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** The Config resource type of an evaluated account. */
export const ACCOUNT_RESOURCE_TYPE = 'AWS::::Account';

/** `Source.Owner` of a custom rule backed by a Lambda function. */
export const CUSTOM_LAMBDA_OWNER = 'CUSTOM_LAMBDA';

/** `SourceDetails[].EventSource` of every Config rule trigger. */
export const CONFIG_EVENT_SOURCE = 'aws.config';

/**
 * Which triggers a rule function evaluates. Its construct sets the value in
 * the function's environment ({@link ACCEPTED_TRIGGERS_VARIABLE}), out of
 * reach of whoever creates a rule on the function.
 */
export const AcceptedTriggers = {
  /** Every message type of {@link MessageType}: the single-account deployment. */
  All: 'all',
  /**
   * `ScheduledNotification` only: any other event fails before an AWS call.
   * The organization function, whose rules are periodic.
   */
  Periodic: 'periodic',
} as const;

/** One of the values of {@link AcceptedTriggers}. */
export type AcceptedTriggers = (typeof AcceptedTriggers)[keyof typeof AcceptedTriggers];

/** The environment variable that tells the rule function its {@link AcceptedTriggers}. */
export const ACCEPTED_TRIGGERS_VARIABLE = 'ROOT_ACCESS_KEY_RULE_TRIGGERS';

/**
 * The environment variable that turns on Security Hub findings in the rule
 * function (`true`): after each evaluation the function imports one ASFF
 * finding into the evaluated account's Security Hub. Its construct sets it
 * from the `securityHubFindings` prop.
 */
export const SECURITY_HUB_FINDINGS_VARIABLE = 'ROOT_ACCESS_KEY_RULE_SECURITY_HUB_FINDINGS';
