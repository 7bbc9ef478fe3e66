import { SettingCommand } from '../../../definition/setting.js';
import { type ExitCode, exitCodeFor } from '../exit-codes.js';
import { type GlobalOptions, outputFormat, sessionOptions } from '../global-options.js';
import type { CliIo } from '../io.js';
import { ruleParametersOf } from '../options.js';
import { OutputFormat } from '../output/format.js';
import { renderRows } from '../output/render.js';
import { withProgress } from '../progress.js';
import { describeRootAccess } from '../root-access-state.js';
import { evaluateAccounts } from './evaluate.js';
import type { EvaluateCommandOptions } from './evaluate-command.js';
import { evaluationView } from './evaluate-view.js';
import { leftOutText } from './left-out.js';

/** Runs `evaluate` (loaded only when it runs): evaluates, prints the rows, gives the exit code. */
export async function runEvaluate(
  options: EvaluateCommandOptions,
  global: GlobalOptions,
  io: CliIo,
): Promise<ExitCode> {
  const format = outputFormat(global, io);
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
    }),
  );
  io.stdout.write(await renderRows(result.rows, format, evaluationView(result)));
  if (format !== OutputFormat.Table && format !== OutputFormat.Html) {
    if (result.leftOut.length > 0)
      io.stderr.write(`note: ${leftOutText(result.leftOut).slice(2)}\n`);
    if (!result.rootAccess.readable)
      io.stderr.write(`note: ${describeRootAccess(result.rootAccess)}\n`);
  }
  return exitCodeFor(result.rows);
}
