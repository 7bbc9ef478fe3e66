import { type ExitCode, ExitCode as ExitCodes, exitCodeFor } from '../exit-codes.js';
import { type GlobalOptions, outputFormat, sessionOptions } from '../global-options.js';
import type { CliIo } from '../io.js';
import { renderRows } from '../output/render.js';
import { withProgress } from '../progress.js';
import { readAggregatorReport } from './report.js';
import type { ReportCommandOptions } from './report-command.js';
import { reportView } from './report-view.js';

/** Most rule names listed when nothing matched. */
const SEEN_NAMES_SHOWN = 20;

/** Runs `report` (loaded only when it runs): reads, prints the rows, gives the exit code. */
export async function runReport(
  options: ReportCommandOptions,
  global: GlobalOptions,
  io: CliIo,
): Promise<ExitCode> {
  const format = outputFormat(global, io);
  const result = await withProgress(io.stderr, 'Reading accounts', (onProgress) =>
    readAggregatorReport({
      ...sessionOptions(global),
      aggregatorName: options.aggregator,
      ruleName: options.ruleName,
      concurrency: options.concurrency,
      allowInsufficientData: options.allowInsufficientData === true,
      onProgress,
    }),
  );
  io.stdout.write(renderRows(result.rows, format, reportView));
  if (result.rows.length === 0) {
    const seen = result.ruleNamesSeen.slice(0, SEEN_NAMES_SHOWN).join(', ') || 'none';
    io.stderr.write(
      `error: aggregator ${options.aggregator} holds no results of rule ${options.ruleName} (or its suffixed names); rules it holds: ${seen}\n`,
    );
    return ExitCodes.Error;
  }
  return exitCodeFor(result.rows, {
    allowInsufficientData: options.allowInsufficientData === true,
  });
}
