import { DefaultName } from '../../../../definition/names.js';
import { type CommandDeadline, expiredLine, startCommandDeadline } from '../../command-deadline.js';
import { type ExitCode, ExitCode as ExitCodes, exitCodeFor } from '../../exit-codes.js';
import { type GlobalOptions, outputFormat, sessionOptions } from '../../global-options.js';
import type { CliIo } from '../../io.js';
import { formatNote, notesToStderr, renderRows } from '../../output/render.js';
import { safeLines } from '../../output/safe-text.js';
import { withProgress } from '../../progress.js';
import { readAggregatorReport } from './report.js';
import type { ReportCommandOptions } from './report-command-options.js';
import { coverageLine, reportView } from './report-view.js';

/** Most rule names listed when nothing matched. */
const SEEN_NAMES_SHOWN = 20;

/**
 * Runs `report` (loaded only when it runs): reads, prints the rows, gives the
 * exit code. An organization that could not be listed is said once on
 * stderr (and in the table's and page's summary): coverage was not checked.
 */
export async function runReport(
  options: ReportCommandOptions,
  global: GlobalOptions,
  io: CliIo,
): Promise<ExitCode> {
  const limit = startCommandDeadline(options.timeout);
  try {
    return await reportWithin(limit, options, global, io);
  } finally {
    limit.dispose();
  }
}

async function reportWithin(
  limit: CommandDeadline,
  options: ReportCommandOptions,
  global: GlobalOptions,
  io: CliIo,
): Promise<ExitCode> {
  const format = outputFormat(global, io);
  const ruleName = options.ruleName ?? DefaultName.rule;
  const allow = {
    allowInsufficientData: options.allowInsufficientData === true,
    allowMissingAccounts: options.allowMissingAccounts === true,
  };
  const result = await withProgress(io.stderr, 'Reading accounts', (onProgress) =>
    readAggregatorReport({
      ...sessionOptions(global),
      aggregatorName: options.aggregator,
      ruleName,
      ...(options.packName === undefined ? {} : { packName: options.packName }),
      concurrency: options.concurrency,
      ...(options.maxResultAge === undefined ? {} : { maxResultAgeMs: options.maxResultAge }),
      ...allow,
      onProgress,
      signal: limit.signal,
    }),
  );
  const expired = limit.expired();
  io.stdout.write(await renderRows(result.rows, format, reportView(result, ruleName)));
  const note = formatNote(format);
  if (note !== undefined) io.stderr.write(`${note}\n`);
  if (!result.coverage.checked) {
    io.stderr.write(
      safeLines(
        `warning: ${coverageLine(result.coverage)}; only the aggregator's accounts are reported\n`,
      ),
    );
  } else if (notesToStderr(format) && result.coverage.leftOut.length > 0) {
    io.stderr.write(safeLines(`note: ${coverageLine(result.coverage)}\n`));
  }
  if (result.ruleNames.length === 0) {
    const seen = result.ruleNamesSeen.slice(0, SEEN_NAMES_SHOWN).join(', ') || 'none';
    io.stderr.write(
      safeLines(
        `error: aggregator ${options.aggregator} holds no results of rule ${ruleName} (or its suffixed names); rules it holds: ${seen}\n`,
      ),
    );
    return ExitCodes.Error;
  }
  if (expired) {
    io.stderr.write(expiredLine(limit, result.rows, 'read'));
    return ExitCodes.Error;
  }
  return exitCodeFor(result.rows, allow);
}
