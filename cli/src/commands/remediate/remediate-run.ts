import { type CommandDeadline, expiredLine, startCommandDeadline } from '../../command-deadline.js';
import { canAsk, confirm } from '../../confirm.js';
import { type ExitCode, ExitCode as ExitCodes } from '../../exit-codes.js';
import { type GlobalOptions, outputFormat, sessionOptions } from '../../global-options.js';
import type { CliIo } from '../../io.js';
import { renderRows } from '../../output/render.js';
import { createProgress } from '../../progress.js';
import { rootAccessLine } from '../../root-access/root-access-state.js';
import { remediationExitCode } from './exit-code.js';
import { consentQuestion, planText } from './plan-text.js';
import { RemediationRefusedError, remediateAccounts } from './remediate.js';
import type { RemediateCommandOptions } from './remediate-command-options.js';
import type { RemediateResult } from './remediate-types.js';
import { closingLine, remediationView } from './remediate-view.js';

/**
 * Runs `remediate` (loaded only when it runs): plans, asks, applies, prints,
 * gives the exit code. `--apply` deletes only with consent: a person's `yes`
 * on a terminal after the whole plan was shown, or `--yes`; with nobody to
 * ask it refuses before any AWS call.
 */
export async function runRemediate(
  options: RemediateCommandOptions,
  global: GlobalOptions,
  io: CliIo,
): Promise<ExitCode> {
  const limit = startCommandDeadline(options.timeout);
  try {
    return await remediateWithin(limit, options, global, io);
  } finally {
    limit.dispose();
  }
}

async function remediateWithin(
  limit: CommandDeadline,
  options: RemediateCommandOptions,
  global: GlobalOptions,
  io: CliIo,
): Promise<ExitCode> {
  const format = outputFormat(global, io);
  const apply = options.apply === true;
  const yes = options.yes === true;
  if (apply && !yes && !canAsk(io)) {
    throw new RemediationRefusedError(
      `remediate --apply asks before deleting, and nobody can be asked here (${io.stdin?.isTTY === true ? 'stderr' : 'stdin'} is not a terminal): nothing was done. Review a dry run's plan (--plan-file) and apply it with --apply --plan-file FILE --yes, or run on a terminal`,
    );
  }
  const progress = createProgress(io.stderr, 'Remediating accounts');
  let result: RemediateResult;
  try {
    result = await remediateAccounts({
      ...sessionOptions(global),
      ...(options.accounts === undefined ? {} : { accounts: options.accounts }),
      organization: options.organization === true,
      apply,
      yes,
      minIdleDays: options.minIdleDays,
      ...(options.auditLog === undefined ? {} : { auditLogPath: options.auditLog }),
      ...(options.planFile === undefined ? {} : { planFile: options.planFile }),
      maxPlanAgeMs: options.maxPlanAge,
      concurrency: options.concurrency,
      onProgress: progress.update,
      signal: limit.signal,
      ...(apply && !yes
        ? {
            consent: (plan, awsNow) => {
              progress.stop();
              io.stderr.write(planText(plan, awsNow));
              return confirm(io, consentQuestion(plan));
            },
          }
        : {}),
    });
  } finally {
    progress.stop();
  }
  const closing = `${closingLine(result)}\n${rootAccessLine(result.rootAccess)}`;
  io.stdout.write(await renderRows(result.rows, format, remediationView(result.rows, closing)));
  io.stderr.write(`audit log: ${result.auditLogPath}\n`);
  if (result.planFilePath !== undefined) io.stderr.write(`plan: ${result.planFilePath}\n`);
  if (result.logFailure !== undefined) {
    const { reason, unlogged } = result.logFailure;
    io.stderr.write(
      `error: ${reason}; no further deletion was started.${
        unlogged.length === 0
          ? ' Every deletion that was sent is in the log.'
          : ` Deletions sent but not in the log: ${unlogged.join(', ')}; record them (CloudTrail in each account has the DeleteAccessKey events).`
      }\n`,
    );
    return ExitCodes.Error;
  }
  if (limit.expired()) {
    io.stderr.write(expiredLine(limit, result.rows, 'remediated'));
    return ExitCodes.Error;
  }
  return remediationExitCode(result.rows);
}
