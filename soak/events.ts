import { Mode } from './modes.js';

/** The member role the central function assumes. */
export const MEMBER_ROLE = 'RootAccessKeyRuleMember';
/** The account of the central function (organization mode). */
export const CENTRAL_ACCOUNT = '111111111111';

/** What an event is built from. */
export interface EventInput {
  readonly mode: Mode;
  readonly accountId: string;
  readonly partition: string;
  readonly resultToken: string;
  readonly kind:
    | 'periodic'
    | 'change-notification'
    | 'oversized-change-notification'
    | 'left-scope';
  /** The rule parameters as Config passes them (strings), spelled as the case drew them. */
  readonly ruleParameters: Readonly<Record<string, string>>;
  /** Odd but valid: another recordVersion, extra fields, unknown parameters. */
  readonly variant: number;
}

const CAPTURE_TIME = '2026-11-28T05:58:00.000Z';

/** A Config rule event as AWS Config sends it. */
export function validEvent(input: EventInput): Record<string, unknown> {
  const ruleAccount = input.mode === Mode.Own ? input.accountId : CENTRAL_ACCOUNT;
  const parameters: Record<string, string> = {
    ...input.ruleParameters,
    ...(input.mode === Mode.Organization ? { ExecutionRoleName: MEMBER_ROLE } : {}),
    ...(input.variant % 3 === 0 ? { ExampleKey: 'placeholder' } : {}),
  };
  return {
    version: '1.0',
    invokingEvent: JSON.stringify(invokingEvent(input)),
    ruleParameters: JSON.stringify(parameters),
    resultToken: input.resultToken,
    eventLeftScope: input.kind === 'left-scope',
    executionRoleArn: `arn:${input.partition}:iam::${input.accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
    configRuleArn: `arn:${input.partition}:config:us-east-1:${ruleAccount}:config-rule/config-rule-soak01`,
    configRuleName: 'root-access-key-rule-conformance-pack-abc123de',
    configRuleId: 'config-rule-soak01',
    accountId: input.accountId,
    evaluationMode: 'DETECTIVE',
    ...(input.variant % 5 === 0 ? { unexpectedField: { nested: [1, 2, 3] } } : {}),
  };
}

function invokingEvent(input: EventInput): Record<string, unknown> {
  switch (input.kind) {
    case 'change-notification':
      return {
        configurationItem: {
          resourceType: 'AWS::IAM::User',
          resourceId: 'AIDAEXAMPLE',
          awsAccountId: input.accountId,
          configurationItemCaptureTime: CAPTURE_TIME,
          configurationItemStatus: 'OK',
        },
        notificationCreationTime: CAPTURE_TIME,
        messageType: 'ConfigurationItemChangeNotification',
        recordVersion: '1.3',
      };
    case 'oversized-change-notification':
      return {
        configurationItemSummary: {
          resourceType: 'AWS::IAM::Role',
          awsAccountId: input.accountId,
          configurationItemCaptureTime: CAPTURE_TIME,
        },
        messageType: 'OversizedConfigurationItemChangeNotification',
        notificationCreationTime: CAPTURE_TIME,
        recordVersion: '1.0',
      };
    default:
      return {
        awsAccountId: input.accountId,
        notificationCreationTime: '2026-11-28T06:00:00.000Z',
        messageType: 'ScheduledNotification',
        recordVersion: input.variant % 2 === 0 ? '1.0' : '1.2',
      };
  }
}

/** Ways to break an event that the rule must refuse before any AWS call. */
const MALFORMATIONS = {
  'not-an-object': () => [null, 'event', 42, [], true, undefined],
  'account-id-invalid': (event: Record<string, unknown>) =>
    ['12345', 12345678901, '0123456789ab', '', null].map((accountId) => ({ ...event, accountId })),
  'account-id-missing': (event: Record<string, unknown>) => [without(event, 'accountId')],
  'result-token-invalid': (event: Record<string, unknown>) => [
    without(event, 'resultToken'),
    { ...event, resultToken: '' },
    { ...event, resultToken: 7 },
  ],
  'invoking-event-not-a-string': (event: Record<string, unknown>) => [
    { ...event, invokingEvent: { messageType: 'ScheduledNotification' } },
    without(event, 'invokingEvent'),
  ],
  'invoking-event-not-json': (event: Record<string, unknown>) => [
    { ...event, invokingEvent: '{"messageType":' },
    { ...event, invokingEvent: 'x'.repeat(200_000) },
  ],
  'invoking-event-not-an-object': (event: Record<string, unknown>) => [
    { ...event, invokingEvent: '[]' },
    { ...event, invokingEvent: 'null' },
    { ...event, invokingEvent: '"ScheduledNotification"' },
  ],
  'message-type-unsupported': (event: Record<string, unknown>) =>
    ['ConfigurationSnapshotDeliveryCompleted', '', 'scheduledNotification', undefined].map(
      (messageType) => ({
        ...event,
        invokingEvent: JSON.stringify({ messageType, notificationCreationTime: CAPTURE_TIME }),
      }),
    ),
  'creation-time-invalid': (event: Record<string, unknown>) =>
    ['yesterday', 12, undefined, '2026-13-45T99:00:00Z'].map((notificationCreationTime) => ({
      ...event,
      invokingEvent: JSON.stringify({
        messageType: 'ScheduledNotification',
        notificationCreationTime,
      }),
    })),
  'change-without-item': (event: Record<string, unknown>) => [
    {
      ...event,
      invokingEvent: JSON.stringify({ messageType: 'ConfigurationItemChangeNotification' }),
    },
  ],
  'rule-parameters-invalid': (event: Record<string, unknown>) => [
    { ...event, ruleParameters: '{IgnoreInactiveKeys:true}' },
    { ...event, ruleParameters: '["IgnoreInactiveKeys"]' },
    { ...event, ruleParameters: '{"IgnoreInactiveKeys":true}' },
    { ...event, ruleParameters: '{"IgnoreInactiveKeys":"yes"}' },
    { ...event, ruleParameters: '{"RootWithoutCredentials":"NON_COMPLIANT"}' },
    { ...event, ruleParameters: 42 },
  ],
  'event-left-scope-invalid': (event: Record<string, unknown>) =>
    ['true', 1, {}].map((eventLeftScope) => ({ ...event, eventLeftScope })),
  'rule-arn-invalid': (event: Record<string, unknown>) => [
    { ...event, configRuleArn: 'arn:aws' },
    { ...event, configRuleArn: 42 },
  ],
  'execution-role-name-invalid': (event: Record<string, unknown>) =>
    ['bad name!', 'x'.repeat(70), 'security/'].map((name) => ({
      ...event,
      ruleParameters: JSON.stringify({ ExecutionRoleName: name }),
    })),
  'no-partition-for-the-role': (event: Record<string, unknown>) => [
    without(without(event, 'configRuleArn'), 'executionRoleArn'),
  ],
} as const;

/** The name of a way to break an event. */
export type Malformation = keyof typeof MALFORMATIONS;

/** The malformations that make an event invalid in `mode`. */
export function malformations(mode: Mode): Malformation[] {
  const all = Object.keys(MALFORMATIONS) as Malformation[];
  // Without ExecutionRoleName no partition is needed: that event is valid in own mode.
  return mode === Mode.Own ? all.filter((name) => name !== 'no-partition-for-the-role') : all;
}

/** `event` broken as `malformation` says, one of its variants picked by `variant`. */
export function malformedEvent(
  event: Record<string, unknown>,
  malformation: Malformation,
  variant: number,
): unknown {
  const variants: readonly unknown[] = MALFORMATIONS[malformation](event);
  return variants[variant % variants.length];
}

function without(event: Record<string, unknown>, field: string): Record<string, unknown> {
  const { [field]: _, ...rest } = event;
  return rest;
}
