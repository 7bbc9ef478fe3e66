import { SettingCommand } from '../../../../definition/setting.js';
import { type CommandDeadline, expiredLine, startCommandDeadline } from '../../command-deadline.js';
import { type ExitCode, ExitCode as ExitCodes, exitCodeFor } from '../../exit-codes.js';
import { type GlobalOptions, outputFormat, sessionOptions } from '../../global-options.js';
import type { CliIo } from '../../io.js';
import { ruleParametersOf } from '../../options.js';
import type { OutputFormat } from '../../output/format.js';
import { leftOutText } from '../../output/left-out.js';
import { formatNote, notesToStderr, renderRows } from '../../output/render.js';
import { safeLines } from '../../output/safe-text.js';
import { withProgress } from '../../progress.js';
import { describeRootAccess } from '../../root-access/root-access-state.js';
import { evaluateAccounts } from './evaluate.js';
import type { EvaluateCommandOptions } from './evaluate-command-options.js';
import { evaluationView } from './evaluate-view.js';

/** Runs `evaluate` (loaded only when it runs): evaluates, prints the rows, gives the exit code. */
export async function runEvaluate(
  options: EvaluateCommandOptions,
  global: GlobalOptions,
  io: CliIo,
): Promise<ExitCode> {
  const format = outputFormat(global, io);
  const limit = startCommandDeadline(options.timeout);
  try {
    return await evaluateWithin(limit, options, global, io, format);
  } finally {
    limit.dispose();
  }
}

async function evaluateWithin(
  limit: CommandDeadline,
  options: EvaluateCommandOptions,
  global: GlobalOptions,
  io: CliIo,
  format: OutputFormat,
): Promise<ExitCode> {
  const result = await withProgress(io.stderr, 'Evaluating accounts', (onProgress) =>
    evaluateAccounts({
      ...sessionOptions(global),
      ...(options.accounts === undefined ? {} : { accounts: options.accounts }),
      organization: options.organization === true,
      ...(options.roleName === undefined ? {} : { roleName: options.roleName }),
      assumeRoot: options.assumeRoot === true,
      concurrency: options.concurrency,
      parameters: ruleParametersOf(SettingCommand.Evaluate, options),
      onProgress,
      signal: limit.signal,
    }),
  );
  const expired = limit.expired();
  io.stdout.write(await renderRows(result.rows, format, evaluationView(result)));
  const note = formatNote(format);
  if (note !== undefined) io.stderr.write(`${note}\n`);
  if (notesToStderr(format)) {
    if (result.leftOut.length > 0)
      io.stderr.write(safeLines(`note: ${leftOutText(result.leftOut).slice(2)}\n`));
    if (!result.rootAccess.readable)
      io.stderr.write(safeLines(`note: ${describeRootAccess(result.rootAccess)}\n`));
  }
  if (expired) {
    io.stderr.write(expiredLine(limit, result.rows, 'evaluated'));
    return ExitCodes.Error;
  }
  return exitCodeFor(result.rows);
}
