import { fixtureText } from '../support/fixtures.js';

/** A CloudTrail event fixture from test/fixtures/cloudtrail, as a fresh object. */
export function cloudTrailEvent(name: string): Record<string, unknown> {
  return JSON.parse(fixtureText(`cloudtrail/${name}.json`)) as Record<string, unknown>;
}

/** A Config event fixture from test/fixtures/config-events, as a fresh object. */
export function configEvent(name: string): Record<string, unknown> {
  return JSON.parse(fixtureText(`config-events/${name}.json`)) as Record<string, unknown>;
}

/** The event's `detail`, for edits in a test. */
export function detailOf(event: Record<string, unknown>): Record<string, unknown> {
  return event.detail as Record<string, unknown>;
}

/** A root event refused by AWS, as CloudTrail records a denied call (`errorCode`, `errorMessage`, no response). */
export function deniedRootEvent(): Record<string, unknown> {
  const event = cloudTrailEvent('root-create-access-key-console');
  const detail = detailOf(event);
  detail.errorCode = 'AccessDenied';
  detail.errorMessage =
    'User: arn:aws:iam::493859302102:root is not authorized to perform: iam:CreateAccessKey with an explicit deny in a service control policy';
  detail.responseElements = null;
  return event;
}
