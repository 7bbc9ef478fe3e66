/**
 * Facts of real-time detection shared by the alert function and the
 * constructs that deploy it: the events it handles, the patterns that route
 * them, and the environment its construct sets.
 */

/** The Region where IAM's CloudTrail events reach EventBridge (IAM is global). */
export const IAM_EVENTS_REGION = 'us-east-1';

/** `detail-type` of CloudTrail management events on EventBridge. */
export const CLOUDTRAIL_DETAIL_TYPE = 'AWS API Call via CloudTrail';

/** `detail-type` of AWS Config's events when a rule's result for a resource changes. */
export const COMPLIANCE_CHANGE_DETAIL_TYPE = 'Config Rules Compliance Change';

/** IAM actions that give the root user a working access key. */
export const RootKeyEventName = {
  /** A new key (the root user's own when `requestParameters.userName` is absent). */
  CreateAccessKey: 'CreateAccessKey',
  /** A key made active again (`requestParameters.status` `Active`). */
  UpdateAccessKey: 'UpdateAccessKey',
} as const;

/** One of the values of {@link RootKeyEventName}. */
export type RootKeyEventName = (typeof RootKeyEventName)[keyof typeof RootKeyEventName];

/**
 * The EventBridge pattern of the root user creating or re-activating an
 * access key. It narrows the traffic only: the alert function checks every
 * event again (a root `CreateAccessKey` for an IAM user matches the pattern
 * but is not a root key). As JSON: CloudFormation accepts no `null` in YAML.
 */
export const ROOT_KEY_EVENT_PATTERN = {
  source: ['aws.iam'],
  'detail-type': [CLOUDTRAIL_DETAIL_TYPE],
  detail: {
    eventSource: ['iam.amazonaws.com'],
    eventName: [RootKeyEventName.CreateAccessKey, RootKeyEventName.UpdateAccessKey],
    userIdentity: { type: ['Root'] },
  },
} as const;

/**
 * The EventBridge pattern of a change of the rule's result to NON_COMPLIANT,
 * for the rule's names in an account: its own name, a conformance pack's
 * copy (`<name>-conformance-pack-<suffix>`) or an organization rule's
 * (`OrgConfigRule-<name>-<suffix>`).
 */
export function complianceChangePattern(ruleName: string) {
  return {
    source: ['aws.config'],
    'detail-type': [COMPLIANCE_CHANGE_DETAIL_TYPE],
    detail: {
      configRuleName: [
        ruleName,
        { prefix: `${ruleName}-conformance-pack-` },
        { prefix: `OrgConfigRule-${ruleName}-` },
      ],
      newEvaluationResult: { complianceType: ['NON_COMPLIANT'] },
    },
  } as const;
}

/** The environment variables the alert function reads. */
export const DetectionVariable = {
  /** ARN of the SNS topic alerts are published to (required). */
  TopicArn: 'ALERTS_TOPIC_ARN',
  /** The rule's name, as deployed in the account that deployed it (required). */
  RuleName: 'RULE_NAME',
  /**
   * Name of the member role to assume in the event's account (organization
   * mode); unset: the function's own account only.
   */
  MemberRoleName: 'MEMBER_ROLE_NAME',
  /** `true` to read account names from AWS Organizations (`DescribeAccount`). */
  AccountNames: 'READ_ACCOUNT_NAMES',
} as const;

/** One of the values of {@link DetectionVariable}. */
export type DetectionVariable = (typeof DetectionVariable)[keyof typeof DetectionVariable];

/** The command that deletes a root access key, as an alert advises it. */
export function remediationCommand(accountId: string): string {
  return `npx root-access-key-rule remediate --accounts ${accountId}`;
}
