import { existsSync } from 'node:fs';
import { createIamClient } from '../../../../aws/clients.js';
import { sessionCaller } from '../../aws/caller-identity.js';
import { openSession, organizationsClientFor } from '../../aws/session.js';
import { mapWithConcurrency } from '../../concurrency.js';
import { CliError, describeError } from '../../errors.js';
import type { CallerIdentity } from '../../identity.js';
import { DEFAULT_CONCURRENCY } from '../../options.js';
import type { DirectoryAccount } from '../../organization-types.js';
import { AwsClock } from '../../root-access/aws-clock.js';
import { requireRootAccess, type UsableRootAccess } from '../../root-access/root-access.js';
import { listTargets } from '../../targets.js';
import { applyAccount } from './apply-account.js';
import { AuditLog, defaultAuditLogPath } from './audit-log.js';
import { clockRefusal } from './clock-check.js';
import type { AccountPlan, RemediationContext } from './context.js';
import { remediationExitCode } from './exit-code.js';
import { DEFAULT_MIN_IDLE_DAYS, RemediationAction } from './plan.js';
import { dryRunRows, planAccount, taskPolicies } from './plan-account.js';
import {
  type PlanDocument,
  PlanFileError,
  planDocument,
  planFileExists,
  plansOf,
  readPlanFile,
  writePlanFile,
} from './plan-file.js';
import type { RemediateOptions, RemediateResult } from './remediate-types.js';
import { accountRow, leftOutRow } from './rows.js';

export type {
  ConsentAnswer,
  RemediateOptions,
  RemediateResult,
  RemediationRow,
} from './remediate-types.js';

/** Default of `maxPlanAgeMs` (`--max-plan-age`): one hour. */
export const DEFAULT_MAX_PLAN_AGE_MS = 3_600_000;

/** `remediate` refuses to run as asked; the message says why and what to do. */
export class RemediationRefusedError extends CliError {}

/**
 * Removes root user access keys through centralized root access. First, for
 * every account, a root session with the audit task policy lists the keys and
 * plans them (the idle guard keeps keys used or created within
 * `minIdleDays`, by AWS's clock), or the plan is read from `planFile`; a dry
 * run stops there and changes nothing. With `apply`, after consent (`consent`
 * shows a person the whole plan, or `yes`), a root session with the delete
 * task policy takes a second look at each planned key and deletes it (only
 * access keys), then a fresh audit session verifies them gone. Every step
 * goes to the audit log; when the log cannot be written, no further deletion
 * starts. One account's failure is its FAILED rows; others go on.
 *
 * @throws RemediationRefusedError when applying without consent, or with a clock off AWS's by more than 5 minutes
 * @throws RootAccessUnavailableError when root sessions cannot be opened from here
 * @throws AuditLogError when the audit log cannot be created
 * @throws PlanFileError when the plan file exists (dry run) or may not be applied
 *
 * @example
 * // Plan, review plan.json, then apply exactly that plan.
 * await remediateAccounts({ organization: true, planFile: 'plan.json' });
 * const { rows, logFailure } = await remediateAccounts({ apply: true, planFile: 'plan.json', yes: true });
 */
export async function remediateAccounts(options: RemediateOptions): Promise<RemediateResult> {
  const apply = options.apply === true;
  if (apply && options.yes !== true && options.consent === undefined) {
    throw new RemediationRefusedError(
      'remediate --apply deletes only with consent: nobody can be asked here, so give --yes to delete without asking',
    );
  }
  if (!apply && options.planFile !== undefined && existsSync(options.planFile)) {
    throw new PlanFileError(planFileExists(options.planFile, { code: 'EEXIST' }));
  }
  const local = options.now ?? (() => new Date());
  const clock = new AwsClock(local);
  // Opened first: a run that cannot even identify its caller still leaves its record.
  const auditLogPath = options.auditLogPath ?? defaultAuditLogPath(local());
  const log = new AuditLog(auditLogPath, { mode: apply ? 'apply' : 'dry-run' }, local);
  try {
    const session = await openSession(options).catch(failedRun(log));
    const callerIam = createIamClient(session.clientOptions);
    clock.watch(session.sts);
    clock.watch(callerIam);
    try {
      const caller = await sessionCaller(session).catch(failedRun(log));
      log.identify(caller.arn);
      return await run(options, { session, callerIam, caller, log, clock });
    } finally {
      callerIam.destroy();
      session.destroy();
    }
  } finally {
    log.close();
  }
}

/** Records that the run could not start (no session, no caller), then rethrows. */
function failedRun(log: AuditLog): (error: unknown) => never {
  return (error) => {
    log.write({ event: 'run-failed', outcome: 'failed', reason: describeError(error) });
    throw error;
  };
}

type RunParts = Pick<RemediationContext, 'session' | 'callerIam' | 'caller' | 'log' | 'clock'>;

async function run(options: RemediateOptions, parts: RunParts): Promise<RemediateResult> {
  const { session, callerIam, caller, log, clock } = parts;
  const apply = options.apply === true;
  const minIdleDays = options.minIdleDays ?? DEFAULT_MIN_IDLE_DAYS;
  log.write({
    event: 'run-started',
    callerAccount: caller.accountId,
    region: session.region,
    awsClockSkewMs: clock.skewMs(),
    minIdleDays,
    planFile: options.planFile,
    taskPolicies: taskPolicies(caller.partition),
  });
  const refuse = (error: unknown): never => {
    log.write({ event: 'run-refused', outcome: 'failed', reason: describeError(error) });
    throw error;
  };
  const rootAccess = await requireRootAccess(session, callerIam).catch(refuse);
  if (apply) {
    try {
      checkClock(clock, log.path);
    } catch (error) {
      refuse(error);
    }
  }
  const unlogged: string[] = [];
  const stopped = () =>
    log.failure ??
    (options.signal?.aborted === true
      ? `the run was stopped (${stopReason(options.signal)})`
      : undefined);
  const contextWith = (bound: number): RemediationContext => ({
    ...parts,
    minIdleDays: bound,
    stopped,
    unlogged: (account, key) => unlogged.push(`${account}/${key}`),
  });
  let plan: PlanDocument;
  let plans: AccountPlan[];
  let ctx: RemediationContext;
  try {
    if (apply && options.planFile !== undefined) {
      ({ plan, plans } = readPlan(options, caller, rootAccess, clock));
      // The reviewed plan's bound applies, not this command line's.
      ctx = contextWith(plan.options.minIdleDays);
    } else {
      ctx = contextWith(minIdleDays);
      ({ plan, plans } = await makePlan(options, ctx, rootAccess, log.path));
    }
  } catch (error) {
    return refuse(error);
  }
  log.write({ event: 'plan', createdAt: plan.createdAt, planFile: options.planFile });
  const planTime = new Date(plan.createdAt);
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  let outcome: RemediateResult['outcome'] = 'dry-run';
  let rows: RemediationRowOut[];
  if (!apply) {
    if (options.planFile !== undefined) writePlanFile(options.planFile, plan);
    rows = plans.flatMap(dryRunRows);
  } else {
    // Once nothing may be deleted (the log broke, the run was stopped), nobody is asked.
    const consented = stopped() !== undefined || (await consent(options, plan, log, clock));
    outcome = consented ? 'applied' : 'cancelled';
    if (outcome === 'applied') {
      options.onProgress?.(0, plans.length);
      rows = (
        await mapWithConcurrency(
          plans,
          concurrency,
          (accountPlan) => applyAccount(ctx, accountPlan, planTime),
          (done) => options.onProgress?.(done, plans.length),
        )
      ).flat();
    } else {
      rows = plans.flatMap(dryRunRows);
    }
  }
  const withState = rows.map((row) => ({
    ...row,
    rootCredentialsManagement: rootAccess.rootCredentialsManagement,
    rootSessions: rootAccess.rootSessions,
  }));
  log.write({
    event: 'run-finished',
    outcome,
    counts: countActions(withState),
    exitCode: remediationExitCode(withState),
    ...(unlogged.length > 0 ? { unlogged } : {}),
  });
  const failure = log.failure;
  return {
    caller,
    rootAccess,
    rows: withState,
    auditLogPath: log.path,
    outcome,
    plan,
    ...(!apply && options.planFile !== undefined ? { planFilePath: options.planFile } : {}),
    ...(failure === undefined ? {} : { logFailure: { reason: failure, unlogged } }),
  };
}

type RemediationRowOut = RemediateResult['rows'][number];

/** Refuses `--apply` when AWS's clock is unknown or the local one is off it (see {@link clockRefusal}). */
function checkClock(clock: AwsClock, logPath: string): void {
  const refusal = clockRefusal(clock.skewMs(), clock.now());
  if (refusal !== undefined) {
    throw new RemediationRefusedError(`${refusal}. Nothing was deleted (audit log ${logPath})`);
  }
}

function stopReason(signal: AbortSignal | undefined): string {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason.message : String(reason ?? 'aborted');
}

/** Plans every account now, by AWS's clock; not ACTIVE accounts are left out, and said so. */
async function makePlan(
  options: RemediateOptions,
  ctx: RemediationContext,
  rootAccess: UsableRootAccess,
  auditLog: string,
): Promise<{ plan: PlanDocument; plans: AccountPlan[] }> {
  const org = organizationsClientFor(ctx.session);
  const { targets, leftOut } = await listTargets(
    org,
    ctx.caller,
    options,
    ctx.session.deadline,
  ).finally(() => org.destroy());
  const createdAt = ctx.clock.now().toISOString();
  for (const account of leftOut) {
    ctx.log.write({
      event: 'left-out',
      account: account.id,
      action: RemediationAction.LeftOut,
      reason: `${account.state}, not ACTIVE`,
    });
  }
  options.onProgress?.(0, targets.length);
  const planned = await mapWithConcurrency(
    targets,
    options.concurrency ?? DEFAULT_CONCURRENCY,
    (target): Promise<AccountPlan> => {
      const stopped = ctx.stopped();
      return stopped === undefined
        ? planAccount(ctx, target)
        : Promise.resolve({
            target,
            kind: 'done',
            rows: [accountRow(target, RemediationAction.Failed, `not planned: ${stopped}`)],
          });
    },
    (done) => options.onProgress?.(done, targets.length),
  );
  const plans = [...planned, ...leftOut.map(leftOutPlan)];
  const plan = planDocument(plans, {
    createdAt,
    caller: { arn: ctx.caller.arn, accountId: ctx.caller.accountId },
    organizationId: rootAccess.organizationId,
    options: {
      minIdleDays: ctx.minIdleDays,
      organization: options.organization === true,
      ...(options.accounts === undefined ? {} : { accounts: options.accounts }),
    },
    auditLog,
  });
  return { plan, plans };
}

function leftOutPlan(account: DirectoryAccount): AccountPlan {
  return {
    target: {
      accountId: account.id,
      ...(account.name === undefined ? {} : { accountName: account.name }),
    },
    kind: 'done',
    rows: [leftOutRow(account)],
  };
}

/** Reads the plan file to apply, refusing a foreign or old one. */
function readPlan(
  options: RemediateOptions,
  caller: CallerIdentity,
  rootAccess: UsableRootAccess,
  clock: AwsClock,
): { plan: PlanDocument; plans: AccountPlan[] } {
  const plan = readPlanFile(
    options.planFile ?? '',
    { caller, organizationId: rootAccess.organizationId },
    options.maxPlanAgeMs ?? DEFAULT_MAX_PLAN_AGE_MS,
    clock.now(),
  );
  return { plan, plans: plansOf(plan) };
}

/** Consent before any deletion: `yes`, or a person's answer; logged as given, never assumed. */
async function consent(
  options: RemediateOptions,
  plan: PlanDocument,
  log: AuditLog,
  clock: AwsClock,
): Promise<boolean> {
  const keys = plan.accounts.flatMap((account) =>
    account.keys.filter((key) => key.action === 'delete'),
  );
  const accounts = plan.accounts.filter((account) =>
    account.keys.some((key) => key.action === 'delete'),
  ).length;
  if (keys.length === 0) {
    log.write({
      event: 'consent',
      how: 'not-asked',
      outcome: 'nothing-to-delete',
      keys: 0,
      accounts: 0,
    });
    return true;
  }
  if (options.signal?.aborted === true) return false;
  if (options.yes === true || options.consent === undefined) {
    log.write({ event: 'consent', how: '--yes', outcome: 'given', keys: keys.length, accounts });
    return true;
  }
  const answer = await options.consent(plan, clock.now());
  log.write({
    event: 'consent',
    how: 'interactive',
    answer: answer.answer,
    outcome: answer.given ? 'given' : 'declined',
    keys: keys.length,
    accounts,
    accessKeyIds: keys.map((key) => key.accessKeyId),
  });
  return answer.given;
}

function countActions(rows: readonly { action: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.action] = (counts[row.action] ?? 0) + 1;
  return counts;
}
