import { MessageType } from '../../../definition/config.js';
import { isAccountId } from '../../../definition/names.js';
import { parseArn } from './arn.js';
import { InvalidEventError } from './errors.js';
import { describe, parseRuleParameters, type RuleParameters } from './parameters.js';

/**
 * The Lambda event AWS Config sends to a custom rule. There is no published
 * type for it, so the rule declares and validates its own.
 */
export interface ConfigRuleEvent {
  readonly invokingEvent: string;
  readonly ruleParameters?: string;
  readonly resultToken: string;
  readonly eventLeftScope?: boolean;
  readonly executionRoleArn?: string;
  readonly configRuleArn?: string;
  readonly configRuleName?: string;
  readonly configRuleId?: string;
  readonly accountId: string;
  readonly version?: string;
  readonly evaluationMode?: string;
}

/** A validated Config rule event, reduced to what the rule uses. */
export interface ParsedEvent {
  /** The account to evaluate and to name in the evaluation. */
  readonly accountId: string;
  /** Why Config invoked the rule. */
  readonly messageType: MessageType;
  /** The evaluation's `OrderingTimestamp`. */
  readonly orderingTimestamp: Date;
  /** Token for `PutEvaluations`; `TESTMODE` means a dry run. */
  readonly resultToken: string;
  /** True when the account left the rule's scope. */
  readonly eventLeftScope: boolean;
  /**
   * Partition of the rule (`aws`, `aws-cn`, `aws-us-gov`), from `configRuleArn`,
   * else from `executionRoleArn`.
   */
  readonly partition?: string;
  /** The rule's name, for logs. */
  readonly configRuleName?: string;
  /** The validated rule parameters. */
  readonly parameters: RuleParameters;
  /** Parameter names that are not the rule's (logged, then ignored). */
  readonly unknownParameterNames: readonly string[];
}

type JsonObject = Record<string, unknown>;

/**
 * Validates a Lambda event as a Config rule event.
 *
 * @throws InvalidEventError when a field is missing or malformed
 * @throws InvalidParameterError when `ruleParameters` is invalid
 */
export function parseConfigRuleEvent(event: unknown): ParsedEvent {
  const raw = asObject(event, 'The event');
  const accountId = raw.accountId;
  if (!isAccountId(accountId)) {
    throw new InvalidEventError(
      `The event's accountId is invalid: received ${describe(accountId)}; expected a 12-digit account id`,
    );
  }
  const resultToken = raw.resultToken;
  if (typeof resultToken !== 'string' || resultToken === '') {
    throw new InvalidEventError(
      `The event's resultToken is missing: received ${describe(resultToken)}; expected the token Config passes to the rule`,
    );
  }
  const invoking = parseInvokingEvent(raw.invokingEvent);
  const { parameters, unknownNames } = parseRuleParameters(optionalString(raw, 'ruleParameters'));
  const partition = eventPartition(raw);
  const configRuleName = optionalString(raw, 'configRuleName');
  return {
    accountId,
    messageType: invoking.messageType,
    orderingTimestamp: invoking.orderingTimestamp,
    resultToken,
    eventLeftScope: parseEventLeftScope(raw.eventLeftScope),
    ...(partition === undefined ? {} : { partition }),
    ...(configRuleName === undefined ? {} : { configRuleName }),
    parameters,
    unknownParameterNames: unknownNames,
  };
}

function parseInvokingEvent(value: unknown): {
  messageType: MessageType;
  orderingTimestamp: Date;
} {
  if (typeof value !== 'string') {
    throw new InvalidEventError(
      `The event's invokingEvent is invalid: received ${describe(value)}; expected a JSON string`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (cause) {
    throw new InvalidEventError(
      `The event's invokingEvent is not valid JSON: received ${JSON.stringify(value.slice(0, 100))}`,
      { cause },
    );
  }
  const invoking = asObject(parsed, 'invokingEvent');
  const messageType = invoking.messageType;
  switch (messageType) {
    case MessageType.ScheduledNotification:
      return { messageType, orderingTimestamp: readTime(invoking, 'notificationCreationTime') };
    case MessageType.ConfigurationItemChangeNotification:
      return { messageType, orderingTimestamp: captureTime(invoking, 'configurationItem') };
    case MessageType.OversizedConfigurationItemChangeNotification:
      return { messageType, orderingTimestamp: captureTime(invoking, 'configurationItemSummary') };
    default:
      throw new InvalidEventError(
        `invokingEvent.messageType is not supported: received ${describe(messageType)}; expected one of ${Object.values(MessageType).join(', ')}`,
      );
  }
}

/** The `configurationItemCaptureTime` of the item (or item summary) a change event carries. */
function captureTime(invoking: JsonObject, item: string): Date {
  return readTime(
    asObject(invoking[item], `invokingEvent.${item}`),
    'configurationItemCaptureTime',
  );
}

function readTime(source: JsonObject, field: string): Date {
  const value = source[field];
  const time = typeof value === 'string' ? new Date(value) : undefined;
  if (time === undefined || Number.isNaN(time.getTime())) {
    throw new InvalidEventError(
      `invokingEvent ${field} is invalid: received ${describe(value)}; expected an ISO 8601 time such as 2026-11-28T10:00:00.000Z`,
    );
  }
  return time;
}

function eventPartition(raw: JsonObject): string | undefined {
  for (const field of ['configRuleArn', 'executionRoleArn'] as const) {
    const arn = optionalString(raw, field);
    if (arn !== undefined) return parseArn(arn, `The event's ${field}`).partition;
  }
  return undefined;
}

function parseEventLeftScope(value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value === 'boolean') return value;
  throw new InvalidEventError(
    `The event's eventLeftScope is invalid: received ${describe(value)}; expected true or false`,
  );
}

function optionalString(source: JsonObject, field: string): string | undefined {
  const value = source[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  throw new InvalidEventError(
    `The event's ${field} is invalid: received ${describe(value)}; expected a string`,
  );
}

function asObject(value: unknown, what: string): JsonObject {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return value as JsonObject;
  }
  throw new InvalidEventError(
    `${what} is invalid: received ${describe(value)}; expected an object`,
  );
}
