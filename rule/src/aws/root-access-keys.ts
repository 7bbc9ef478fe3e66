import {
  type AccessKeyLastUsed,
  type AccessKeyMetadata,
  GetAccessKeyLastUsedCommand,
  type IAMClient,
  ListAccessKeysCommand,
  type ListAccessKeysCommandOutput,
} from '@aws-sdk/client-iam';
import type { Deadline } from '../../../aws/backoff.js';
import { type SendOptions, withinDeadline } from '../../../aws/deadline.js';
import { AwsCallError, errorName, toAwsError } from '../../../aws/errors.js';
import {
  type RootAccessKey,
  RootKeySource,
  type RootKeysOutcome,
  type TimedRootAccessKey,
} from '../core/facts.js';

export type { TimedRootAccessKey } from '../core/facts.js';

/**
 * Lists the root user's access keys in a root session (`sts:AssumeRoot`):
 * `iam:ListAccessKeys` without `UserName` (every page), then
 * `iam:GetAccessKeyLastUsed` for each key. Exact at the time of the calls,
 * unlike the credential report. Access key ids are not secrets.
 *
 * @param deadline bounds every call @default none
 * @throws RuleError when a call fails or is denied
 * @throws DeadlineExceededError when the deadline runs out
 */
export async function listRootAccessKeys(
  iam: IAMClient,
  deadline?: Deadline,
): Promise<RootAccessKey[]> {
  const keys = await listRootAccessKeysTimed(iam, deadline);
  return keys.map(({ createdAt: _created, lastUsedAt: _used, ...key }) => key);
}

/**
 * {@link listRootAccessKeys} with full timestamps, for decisions that count
 * hours (a date alone cuts up to a day off a key's idle time).
 *
 * @param deadline bounds every call @default none
 * @throws RuleError when a call fails or is denied
 * @throws DeadlineExceededError when the deadline runs out
 */
export async function listRootAccessKeysTimed(
  iam: IAMClient,
  deadline?: Deadline,
): Promise<TimedRootAccessKey[]> {
  const keys: TimedRootAccessKey[] = [];
  let marker: string | undefined;
  do {
    let page: ListAccessKeysCommandOutput;
    try {
      page = await withinDeadline(deadline, 'iam:ListAccessKeys', (options) =>
        iam.send(new ListAccessKeysCommand({ Marker: marker }), options),
      );
    } catch (error) {
      throw toAwsError(error, 'iam:ListAccessKeys', 'the root user');
    }
    for (const key of page.AccessKeyMetadata ?? []) keys.push(toKey(key));
    marker = page.IsTruncated === true ? page.Marker : undefined;
  } while (marker !== undefined);
  return Promise.all(keys.map((key) => withLastUse(iam, key, deadline)));
}

function toKey(key: AccessKeyMetadata): TimedRootAccessKey {
  if (key.AccessKeyId === undefined || (key.Status !== 'Active' && key.Status !== 'Inactive')) {
    throw new AwsCallError(
      `iam:ListAccessKeys answered a key without an id or a known status: received ${JSON.stringify({ id: key.AccessKeyId, status: key.Status })}; expected an AccessKeyId and Status Active or Inactive`,
    );
  }
  const created = isoDate(key.CreateDate);
  const createdAt = isoTime(key.CreateDate);
  return {
    accessKeyId: key.AccessKeyId,
    active: key.Status === 'Active',
    ...(created === undefined ? {} : { created }),
    ...(createdAt === undefined ? {} : { createdAt }),
  };
}

async function withLastUse(
  iam: IAMClient,
  key: TimedRootAccessKey,
  deadline: Deadline | undefined,
): Promise<TimedRootAccessKey> {
  let used: AccessKeyLastUsed | undefined;
  try {
    ({ AccessKeyLastUsed: used } = await withinDeadline(
      deadline,
      'iam:GetAccessKeyLastUsed',
      (options: SendOptions) =>
        iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.accessKeyId }), options),
    ));
  } catch (error) {
    throw toAwsError(error, 'iam:GetAccessKeyLastUsed', `root access key ${key.accessKeyId}`);
  }
  const lastUsedAt = isoTime(used?.LastUsedDate);
  if (lastUsedAt === undefined) return key;
  const lastUsedDate = lastUsedAt.slice(0, 10);
  const service = known(used?.ServiceName);
  const region = known(used?.Region);
  return {
    ...key,
    lastUsedDate,
    lastUsedAt,
    ...(service === undefined ? {} : { lastUsedService: service }),
    ...(region === undefined ? {} : { lastUsedRegion: region }),
  };
}

/**
 * The keys as the decision reads them: a listing that fails becomes the
 * reason the details are unavailable (the verdict still comes from the
 * account summary), as the credential report's failures do.
 */
export async function readRootKeysFromList(
  iam: IAMClient,
  deadline?: Deadline,
): Promise<RootKeysOutcome> {
  try {
    return {
      kind: 'available',
      root: { source: RootKeySource.AccessKeyList, keys: await listRootAccessKeys(iam, deadline) },
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : `${errorName(error)}`;
    return { kind: 'unavailable', source: RootKeySource.AccessKeyList, reason };
  }
}

function isoDate(date: Date | undefined): string | undefined {
  return date === undefined || Number.isNaN(date.getTime())
    ? undefined
    : date.toISOString().slice(0, 10);
}

function isoTime(date: Date | undefined): string | undefined {
  return date === undefined || Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** IAM says `N/A` for the service and Region of a never-used key. */
function known(value: string | undefined): string | undefined {
  return value === undefined || value === '' || value === 'N/A' ? undefined : value;
}
