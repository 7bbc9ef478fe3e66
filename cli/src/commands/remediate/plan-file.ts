import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { TimedRootAccessKey } from '../../../../rule/src/core/index.js';
import { CliError, describeError } from '../../errors.js';
import type { CallerIdentity } from '../../identity.js';
import type { AccountPlan } from './context.js';
import { formatDuration, formatTime, RemediationAction } from './plan.js';
import { PLAN_FORMAT, type PlanDocument, type PlannedKey } from './plan-document.js';

export {
  PLAN_FORMAT,
  type PlanDocument,
  type PlannedAccount,
  type PlannedKey,
} from './plan-document.js';

/** The plan file cannot be written, read, or applied; the message says why. */
export class PlanFileError extends CliError {}

/** The plan document of a dry run's account plans. */
export function planDocument(
  plans: readonly AccountPlan[],
  meta: Omit<PlanDocument, 'format' | 'accounts'>,
): PlanDocument {
  return {
    format: PLAN_FORMAT,
    ...meta,
    accounts: plans.map((plan) => ({
      accountId: plan.target.accountId,
      ...(plan.target.accountName === undefined ? {} : { accountName: plan.target.accountName }),
      keys:
        plan.kind === 'planned'
          ? plan.keys.map(({ key, remove, reason }) => ({
              accessKeyId: key.accessKeyId ?? '',
              status: key.active ? ('Active' as const) : ('Inactive' as const),
              ...optional('createdAt', key.createdAt),
              ...optional('lastUsedAt', key.lastUsedAt),
              ...optional('lastUsedService', key.lastUsedService),
              ...optional('lastUsedRegion', key.lastUsedRegion),
              action: remove ? ('delete' as const) : ('keep' as const),
              reason,
            }))
          : [],
      ...(plan.kind === 'done' ? { rows: plan.rows } : {}),
    })),
  };
}

function optional<K extends string>(name: K, value: string | undefined) {
  return value === undefined ? {} : ({ [name]: value } as Record<K, string>);
}

/**
 * The account plans a plan file holds: its keys, and the rows of its other
 * accounts (no keys, failed, left out) as they were when planned, so every
 * account stays accounted for.
 */
export function plansOf(document: PlanDocument): AccountPlan[] {
  return document.accounts.map((account): AccountPlan => {
    const target = {
      accountId: account.accountId,
      ...(account.accountName === undefined ? {} : { accountName: account.accountName }),
    };
    if (account.keys.length === 0) {
      return {
        target,
        kind: 'done',
        rows: (account.rows ?? []).map((row) => ({
          ...row,
          reason: `when planned (${document.createdAt}): ${row.reason}`,
        })),
      };
    }
    return {
      target,
      kind: 'planned',
      keys: account.keys.map((key) => ({
        key: toKey(key),
        remove: key.action === 'delete',
        reason: key.reason,
      })),
    };
  });
}

function toKey(key: PlannedKey): TimedRootAccessKey {
  return {
    accessKeyId: key.accessKeyId,
    active: key.status === 'Active',
    ...(key.createdAt === undefined
      ? {}
      : { created: key.createdAt.slice(0, 10), createdAt: key.createdAt }),
    ...(key.lastUsedAt === undefined
      ? {}
      : { lastUsedDate: key.lastUsedAt.slice(0, 10), lastUsedAt: key.lastUsedAt }),
    ...optional('lastUsedService', key.lastUsedService),
    ...optional('lastUsedRegion', key.lastUsedRegion),
  };
}

/**
 * Writes the plan to a new file (never overwrites one), flushed to disk.
 *
 * @throws PlanFileError when the file exists or cannot be written
 */
export function writePlanFile(path: string, document: PlanDocument): void {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    throw new PlanFileError(planFileExists(path, error), { cause: error });
  }
  try {
    const bytes = Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
    let written = 0;
    while (written < bytes.length) {
      const count = writeSync(fd, bytes, written, bytes.length - written);
      if (count <= 0) throw new Error(`wrote ${written} of ${bytes.length} bytes`);
      written += count;
    }
    fsyncSync(fd);
  } catch (error) {
    throw new PlanFileError(
      `The plan file ${path} could not be written (${describeError(error)}); it is incomplete: delete it`,
      {
        cause: error,
      },
    );
  } finally {
    closeSync(fd);
  }
}

/** The message for a plan file that cannot be created. */
export function planFileExists(path: string, error: unknown): string {
  return (error as NodeJS.ErrnoException).code === 'EEXIST'
    ? `The plan file ${path} exists already; it is never overwritten: give another --plan-file, or delete it`
    : `The plan file ${path} cannot be created (${describeError(error)}); give a writable path with --plan-file`;
}

/** The actions of the rows a plan keeps for accounts without keys to plan. */
const ACCOUNT_ROW_ACTIONS: ReadonlySet<string> = new Set([
  RemediationAction.NoKeys,
  RemediationAction.Failed,
  RemediationAction.LeftOut,
  RemediationAction.Skipped,
]);

/** What is wrong in a plan's accounts and keys, or undefined. */
function malformedPart(document: PlanDocument): string | undefined {
  if (typeof document.createdAt !== 'string' || !Number.isInteger(document.options?.minIdleDays)) {
    return 'createdAt or options.minIdleDays is missing';
  }
  for (const account of document.accounts) {
    if (
      !/^\d{12}$/.test(String(account?.accountId)) ||
      !Array.isArray(account.keys) ||
      !(account.rows === undefined || Array.isArray(account.rows))
    ) {
      return `account ${JSON.stringify(account?.accountId)} is not a 12-digit account id with a list of keys`;
    }
    for (const row of account.rows ?? []) {
      if (
        row?.accountId !== account.accountId ||
        !ACCOUNT_ROW_ACTIONS.has(String(row.action)) ||
        typeof row.reason !== 'string'
      ) {
        return `a row of account ${account.accountId} is not an account row (${[...ACCOUNT_ROW_ACTIONS].join(', ')}) with a reason`;
      }
    }
    for (const key of account.keys) {
      const known =
        /^[A-Z0-9]{16,128}$/.test(String(key?.accessKeyId)) &&
        (key.status === 'Active' || key.status === 'Inactive') &&
        (key.action === 'delete' || key.action === 'keep') &&
        [key.createdAt, key.lastUsedAt].every(
          (time) => time === undefined || !Number.isNaN(Date.parse(time)),
        );
      if (!known) {
        return `key ${JSON.stringify(key?.accessKeyId)} of account ${account.accountId} has no valid id, status (Active, Inactive), action (delete, keep) or times`;
      }
    }
  }
  return undefined;
}

/**
 * Reads a plan file and checks it may be applied here and now: made by this
 * caller, for this organization, no older than `maxAgeMs` by AWS's clock
 * `now`, and well formed.
 *
 * @throws PlanFileError saying which check failed, with what was received and expected
 */
export function readPlanFile(
  path: string,
  expected: { readonly caller: CallerIdentity; readonly organizationId: string },
  maxAgeMs: number,
  now: Date,
): PlanDocument {
  let document: PlanDocument;
  try {
    document = JSON.parse(readFileSync(path, 'utf8')) as PlanDocument;
  } catch (error) {
    throw new PlanFileError(`The plan file ${path} cannot be read (${describeError(error)})`, {
      cause: error,
    });
  }
  if (document?.format !== PLAN_FORMAT || !Array.isArray(document.accounts)) {
    throw new PlanFileError(
      `The plan file ${path} is not a remediation plan: received format ${JSON.stringify(document?.format)}; expected ${PLAN_FORMAT} (written by remediate --plan-file without --apply)`,
    );
  }
  const malformed = malformedPart(document);
  if (malformed !== undefined) {
    throw new PlanFileError(
      `The plan file ${path} is not a well-formed plan: ${malformed}; make a new plan (plan files are written by remediate --plan-file and never edited)`,
    );
  }
  if (document.caller?.arn !== expected.caller.arn) {
    throw new PlanFileError(
      `The plan file ${path} was made by ${String(document.caller?.arn)}, not by the caller ${expected.caller.arn}: a plan is applied only by whoever made it; make a new plan`,
    );
  }
  if (document.organizationId !== expected.organizationId) {
    throw new PlanFileError(
      `The plan file ${path} is for organization ${String(document.organizationId)}, not ${expected.organizationId}: make a new plan`,
    );
  }
  const made = Date.parse(document.createdAt);
  const age = now.getTime() - made;
  if (Number.isNaN(made) || age > maxAgeMs) {
    throw new PlanFileError(
      `The plan file ${path} was made at ${String(document.createdAt)}, ${Number.isNaN(made) ? 'an unknown time' : `${formatDuration(age)} ago`} by AWS's clock (${formatTime(now)}); --max-plan-age is ${formatDuration(maxAgeMs)}: make a new plan, or raise --max-plan-age`,
    );
  }
  if (age < -5 * 60_000) {
    throw new PlanFileError(
      `The plan file ${path} was made at ${document.createdAt}, later than AWS's clock says it is now (${formatTime(now)}): make a new plan`,
    );
  }
  return document;
}
