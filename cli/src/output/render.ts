import type { OutputFormat } from './format.js';
import { formatDefinition } from './formats.js';
import type { RowView } from './row-view.js';

export type { RowView } from './row-view.js';

/**
 * Renders a command's rows in `format` with the registry's renderer. JSON
 * stays a plain array of rows and CSV one line per row; the table and the
 * HTML page add the evidence.
 *
 * @throws RangeError for a format that renders no rows (pack-template's YAML)
 */
export async function renderRows<Row extends object>(
  rows: readonly Row[],
  format: OutputFormat,
  view: RowView<Row>,
): Promise<string> {
  const { render } = formatDefinition(format);
  if (render === undefined) throw new RangeError(`output format ${format} renders no rows`);
  return render(rows, view);
}

/** The line a command writes to stderr with `format`, if any (see `OutputFormatDefinition.note`). */
export function formatNote(format: OutputFormat): string | undefined {
  return formatDefinition(format).note;
}

/** Whether the run's notes go to stderr in `format` (see `OutputFormatDefinition.notesToStderr`). */
export function notesToStderr(format: OutputFormat): boolean {
  return formatDefinition(format).notesToStderr;
}
