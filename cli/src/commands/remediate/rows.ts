import { definedFields } from '../../../../definition/objects.js';
import type { TimedRootAccessKey } from '../../../../rule/src/core/index.js';
import { describeError } from '../../errors.js';
import type { DirectoryAccount, Target } from '../../organization-types.js';
import type { RemediationContext } from './context.js';
import { RemediationAction } from './plan.js';
import type { RemediationRow } from './row.js';

export type { RemediationRow } from './row.js';

/** A row for the whole account (no key). */
export function accountRow(
  target: Target,
  action: RemediationAction,
  reason: string,
): RemediationRow {
  return {
    accountId: target.accountId,
    ...(target.accountName === undefined ? {} : { accountName: target.accountName }),
    action,
    reason,
  };
}

/** The row of an account left out because it is not ACTIVE. */
export function leftOutRow(account: DirectoryAccount): RemediationRow {
  return {
    accountId: account.id,
    ...(account.name === undefined ? {} : { accountName: account.name }),
    action: RemediationAction.LeftOut,
    reason: `the account is ${account.state}, not ACTIVE: left out, so its root access keys, if any, are neither known nor deleted`,
  };
}

/** The row of an account whose root user has no access key. */
export function noKeysRow(target: Target): RemediationRow {
  return accountRow(target, RemediationAction.NoKeys, 'the root user has no access key');
}

/** A row for one key. */
export function keyRow(
  target: Target,
  key: TimedRootAccessKey,
  action: RemediationAction,
  reason: string,
): RemediationRow {
  const { accountId, accountName } = accountRow(target, action, reason);
  return {
    accountId,
    ...definedFields({
      accountName,
      accessKeyId: key.accessKeyId,
      keyStatus: key.active ? ('Active' as const) : ('Inactive' as const),
      created: key.created,
      createdAt: key.createdAt,
      lastUsedDate: key.lastUsedDate,
      lastUsedAt: key.lastUsedAt,
      lastUsedService: key.lastUsedService,
      lastUsedRegion: key.lastUsedRegion,
    }),
    action,
    reason,
  };
}

/** A FAILED row, for the account or one key, logged with its reason. */
export function failedRow(
  ctx: RemediationContext,
  target: Target,
  key: TimedRootAccessKey | undefined,
  what: string,
  error: unknown,
): RemediationRow {
  const reason = `${what}: ${describeError(error)}`;
  ctx.log.write({
    event: 'failed',
    account: target.accountId,
    ...(key?.accessKeyId === undefined ? {} : { accessKeyId: key.accessKeyId }),
    action: RemediationAction.Failed,
    outcome: 'failed',
    reason,
  });
  return key === undefined
    ? accountRow(target, RemediationAction.Failed, reason)
    : keyRow(target, key, RemediationAction.Failed, reason);
}
