import { remediationCommand } from '../../../definition/detection.js';
import { definedFields } from '../../../definition/objects.js';
import type { NonCompliantChange } from './compliance-change.js';
import { RootKeyAction, type RootKeyEvent } from './root-key-event.js';

/** What an alert reports. */
export const AlertKind = {
  /** The root user created an access key of its own. */
  RootKeyCreated: 'root-access-key-created',
  /** The root user re-activated one of its access keys. */
  RootKeyReactivated: 'root-access-key-reactivated',
  /** The root user tried either, and AWS refused (an SCP, for example). */
  BlockedAttempt: 'root-access-key-attempt-blocked',
  /** The rule's result in an account turned NON_COMPLIANT. */
  NonCompliant: 'rule-non-compliant',
} as const;

/** One of the values of {@link AlertKind}. */
export type AlertKind = (typeof AlertKind)[keyof typeof AlertKind];

/** What came of asking AWS Config to evaluate the rule again in the account. */
export type ReEvaluation =
  | { readonly status: 'requested'; readonly configRuleName: string }
  | { readonly status: 'failed'; readonly reason: string }
  | { readonly status: 'not-needed'; readonly reason: string };

/** What the alert function learnt besides the event. */
export interface AlertContext {
  /** The account's name in AWS Organizations, where it could be read. */
  readonly accountName?: string;
  readonly reEvaluation?: ReEvaluation;
}

/** An SNS message: the subject (≤ 100 printable ASCII characters) and the JSON body. */
export interface AlertMessage {
  readonly subject: string;
  readonly message: string;
  readonly kind: AlertKind;
}

/** SNS accepts subjects of at most this many characters. */
export const SUBJECT_MAX_LENGTH = 100;

/** The alert of a root key event: created, re-activated, or blocked when AWS refused it. */
export function rootKeyAlert(event: RootKeyEvent, context: AlertContext = {}): AlertMessage {
  const kind = alertKindOf(event);
  const key = event.accessKeyId ?? 'unknown key';
  const what =
    kind === AlertKind.BlockedAttempt
      ? `Blocked root access key attempt (${event.eventName})`
      : `Root access key ${key} ${kind === AlertKind.RootKeyCreated ? 'created' : 're-activated'}`;
  const body = definedFields({
    alert: kind,
    summary: `${what} in account ${accountLabel(event.accountId, context.accountName)}`,
    accountId: event.accountId,
    accountName: context.accountName,
    accessKeyId: event.accessKeyId,
    eventName: event.eventName,
    eventTime: event.eventTime,
    sourceIPAddress: event.sourceIPAddress,
    userAgent: event.userAgent,
    eventId: event.eventId,
    errorCode: event.errorCode,
    errorMessage: event.errorMessage,
    reEvaluation: context.reEvaluation,
    whatToDo: whatToDo(kind, event.accountId),
    remediation:
      kind === AlertKind.BlockedAttempt ? undefined : remediationCommand(event.accountId),
  });
  return {
    kind,
    subject: subject(`${what} in account ${accountLabel(event.accountId, context.accountName)}`),
    message: JSON.stringify(body, undefined, 2),
  };
}

/** The alert of the rule's result turning NON_COMPLIANT in an account, with its annotation. */
export function nonCompliantAlert(
  change: NonCompliantChange,
  context: AlertContext = {},
): AlertMessage {
  const kind = AlertKind.NonCompliant;
  const account = accountLabel(change.accountId, context.accountName);
  const body = definedFields({
    alert: kind,
    summary: `Root access key rule NON_COMPLIANT in account ${account}`,
    accountId: change.accountId,
    accountName: context.accountName,
    region: change.region,
    configRuleName: change.configRuleName,
    annotation: change.annotation,
    previousCompliance: change.previousCompliance ?? 'none',
    resultRecordedTime: change.resultRecordedTime,
    whatToDo: whatToDo(kind, change.accountId),
    remediation: remediationCommand(change.accountId),
  });
  return {
    kind,
    subject: subject(`Root access key rule NON_COMPLIANT in account ${account}`),
    message: JSON.stringify(body, undefined, 2),
  };
}

function alertKindOf(event: RootKeyEvent): Exclude<AlertKind, typeof AlertKind.NonCompliant> {
  if (event.errorCode !== undefined) return AlertKind.BlockedAttempt;
  return event.action === RootKeyAction.Created
    ? AlertKind.RootKeyCreated
    : AlertKind.RootKeyReactivated;
}

function whatToDo(kind: AlertKind, accountId: string): string {
  const remediate = `List and delete the key with ${remediationCommand(accountId)} (a dry run; add --apply to delete; in the management account, sign in as the root user instead: centralized root access cannot reach it), then find out who used the root user from the source IP address and user agent`;
  switch (kind) {
    case AlertKind.BlockedAttempt:
      return 'Nothing was created: AWS refused the call. Someone holds the root user of this account: find out who from the source IP address and user agent, and secure the root user (password, MFA)';
    case AlertKind.NonCompliant:
      return `The root user of this account has an access key. List and delete it with ${remediationCommand(accountId)} (a dry run; add --apply to delete; in the management account, sign in as the root user instead)`;
    default:
      return remediate;
  }
}

/** `123456789012 (name)` where the name is known. */
function accountLabel(accountId: string, name: string | undefined): string {
  return name === undefined ? accountId : `${accountId} (${name})`;
}

/**
 * A subject SNS accepts: printable ASCII only (a name from an account is
 * hostile text: line breaks or control characters would be refused, or
 * worse, shown), at most {@link SUBJECT_MAX_LENGTH} characters.
 */
export function subject(text: string): string {
  const printable = text
    .replace(/[^\x20-\x7e]/g, '?')
    .replace(/\s+/g, ' ')
    .trim();
  return printable.length <= SUBJECT_MAX_LENGTH
    ? printable
    : `${printable.slice(0, SUBJECT_MAX_LENGTH - 3)}...`;
}
