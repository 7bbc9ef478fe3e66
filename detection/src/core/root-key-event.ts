import { CLOUDTRAIL_DETAIL_TYPE, RootKeyEventName } from '../../../definition/detection.js';
import { isAccountId } from '../../../definition/names.js';
import { definedFields } from '../../../definition/objects.js';
import { field, isRecord, text } from './fields.js';

/** What happened to a root access key, as the alert names it. */
export const RootKeyAction = {
  /** The root user created an access key of its own. */
  Created: 'created',
  /** The root user made one of its access keys active again. */
  Reactivated: 'reactivated',
} as const;

/** One of the values of {@link RootKeyAction}. */
export type RootKeyAction = (typeof RootKeyAction)[keyof typeof RootKeyAction];

/** The facts of a root key event that an alert carries, as CloudTrail recorded them. */
export interface RootKeyEvent {
  readonly action: RootKeyAction;
  /** The account whose root user acted (12 digits, checked). */
  readonly accountId: string;
  /** The key created or re-activated; absent when the event does not say (a denied attempt). */
  readonly accessKeyId?: string;
  readonly eventName: RootKeyEventName;
  readonly eventTime?: string;
  readonly eventId?: string;
  readonly sourceIPAddress?: string;
  readonly userAgent?: string;
  /** Set when AWS refused the call (an SCP, a missing MFA…): a blocked attempt. */
  readonly errorCode?: string;
  readonly errorMessage?: string;
}

/** The verdict on an event: a root key event, or the reason it is none. */
export type RootKeyVerdict =
  | { readonly kind: 'root-key'; readonly event: RootKeyEvent }
  | { readonly kind: 'ignored'; readonly reason: string };

const ignored = (reason: string): RootKeyVerdict => ({ kind: 'ignored', reason });

/**
 * Decides whether an EventBridge event is the root user creating an access
 * key of its own or re-activating one, from CloudTrail's record alone. The
 * EventBridge pattern narrows the traffic; this is the check: a root
 * `CreateAccessKey` for an IAM user (`requestParameters.userName` set) is
 * not a root key, nor is `UpdateAccessKey` to `Inactive`, nor anything else.
 */
export function classifyRootKeyEvent(event: unknown): RootKeyVerdict {
  if (!isRecord(event)) return ignored('the event is not a JSON object');
  if (event['detail-type'] !== CLOUDTRAIL_DETAIL_TYPE || event.source !== 'aws.iam') {
    return ignored(
      `not an IAM CloudTrail event (detail-type ${JSON.stringify(event['detail-type'])}, source ${JSON.stringify(event.source)})`,
    );
  }
  const detail = event.detail;
  if (!isRecord(detail)) return ignored('the event has no detail object');
  if (detail.eventSource !== 'iam.amazonaws.com') return ignored('not an IAM API call');
  if (field(detail, 'userIdentity', 'type') !== 'Root') return ignored('not made by the root user');
  const eventName = detail.eventName;
  const request = isRecord(detail.requestParameters) ? detail.requestParameters : {};
  if (text(request.userName) !== undefined) {
    return ignored(
      `the key belongs to IAM user ${JSON.stringify(request.userName)}, not the root user`,
    );
  }
  const accountId = accountOf(event, detail);
  if (accountId === undefined) return ignored('the event names no 12-digit account id');
  if (eventName === RootKeyEventName.CreateAccessKey) {
    const key = text(field(detail, 'responseElements', 'accessKey', 'accessKeyId'));
    return rootKey(RootKeyAction.Created, eventName, accountId, key, detail);
  }
  if (eventName === RootKeyEventName.UpdateAccessKey) {
    if (request.status !== 'Active') {
      return ignored(`UpdateAccessKey to ${JSON.stringify(request.status)}, not Active`);
    }
    return rootKey(
      RootKeyAction.Reactivated,
      eventName,
      accountId,
      text(request.accessKeyId),
      detail,
    );
  }
  return ignored(`eventName ${JSON.stringify(eventName)} gives no access key`);
}

function rootKey(
  action: RootKeyAction,
  eventName: RootKeyEventName,
  accountId: string,
  accessKeyId: string | undefined,
  detail: Readonly<Record<string, unknown>>,
): RootKeyVerdict {
  const optional = {
    accessKeyId,
    eventTime: text(detail.eventTime),
    eventId: text(detail.eventID),
    sourceIPAddress: text(detail.sourceIPAddress),
    userAgent: text(detail.userAgent),
    errorCode: text(detail.errorCode),
    errorMessage: text(detail.errorMessage),
  };
  const event: RootKeyEvent = {
    action,
    accountId,
    eventName,
    ...definedFields(optional),
  };
  return { kind: 'root-key', event };
}

/**
 * The account the root user acted in: CloudTrail's `recipientAccountId`,
 * else the identity's account, else the envelope's (which a forwarded event
 * keeps from its source account).
 */
function accountOf(
  event: Readonly<Record<string, unknown>>,
  detail: Readonly<Record<string, unknown>>,
): string | undefined {
  const first = [
    detail.recipientAccountId,
    field(detail, 'userIdentity', 'accountId'),
    event.account,
  ].find((candidate) => candidate !== undefined && candidate !== null);
  return isAccountId(first) ? first : undefined;
}
