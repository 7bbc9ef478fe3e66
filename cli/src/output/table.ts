import type { Column } from './format.js';
import { safeLines, safeText } from './safe-text.js';

/** Spaces between table columns. */
const GAP = '  ';

/** Texts of `details` columns longer than this move under the table, numbered. */
export const DETAIL_INLINE_MAX = 60;

/** Options of {@link renderTable}. */
export interface TableOptions<Row> {
  /** Lines above the table (the evidence header). @default none */
  readonly heading?: readonly string[];
  /**
   * Long texts (errors, notes) moved under the table as numbered details,
   * one number per distinct text: in the column with this header, a row
   * whose `text` is longer than {@link DETAIL_INLINE_MAX} reads `see [n]`.
   * @default none
   */
  readonly details?: TableDetails<Row>;
}

/** Which texts of which column {@link renderTable} moves under the table. */
export interface TableDetails<Row> {
  readonly column: string;
  readonly text: (row: Row) => string | undefined;
}

/**
 * Renders rows as an aligned text table for a terminal, then `summary` on
 * its own line(s). The last column is not padded, so long annotations do not
 * push trailing spaces; line breaks inside a cell become spaces, and every
 * other control character is made visible (`safeText`), in the cells, the
 * heading, the details and the summary. Long `details` texts read `see [n]`,
 * and the texts follow the table.
 */
export function renderTable<Row>(
  rows: readonly Row[],
  columns: readonly Column<Row>[],
  summary: string,
  options: TableOptions<Row> = {},
): string {
  const notes = new Map<string, number>();
  const cellOf = (column: Column<Row>, row: Row) => {
    const moved = column.header === options.details?.column ? options.details.text(row) : undefined;
    if (moved === undefined || moved.length <= DETAIL_INLINE_MAX) return flatten(column.cell(row));
    const text = flatten(moved);
    if (!notes.has(text)) notes.set(text, notes.size + 1);
    return `see [${notes.get(text)}]`;
  };
  const lines = [
    columns.map((column) => column.header),
    ...rows.map((row) => columns.map((column) => cellOf(column, row))),
  ];
  const widths = columns.map((_, index) =>
    Math.max(...lines.map((cells) => (cells[index] ?? '').length)),
  );
  const text = lines.map((cells) =>
    cells
      .map((cell, index) => (index === cells.length - 1 ? cell : cell.padEnd(widths[index] ?? 0)))
      .join(GAP)
      .trimEnd(),
  );
  const heading = options.heading?.length ? `${safeLines(options.heading.join('\n'))}\n\n` : '';
  const details = [...notes].map(([note, number]) => `[${number}] ${note}`);
  const detailText = details.length > 0 ? `\n\n${details.join('\n')}` : '';
  return `${heading}${text.join('\n')}${detailText}\n\n${safeLines(summary)}\n`;
}

function flatten(value: string | number | undefined): string {
  return value === undefined ? '' : safeText(String(value).replace(/\s*[\r\n]+\s*/g, ' '));
}

/** The order of results in summary lines. */
const SUMMARY_ORDER = [
  'COMPLIANT',
  'NON_COMPLIANT',
  'NOT_APPLICABLE',
  'STALE',
  'CONFLICT',
  'INSUFFICIENT_DATA',
  'NO_RESULT',
  'EXCLUDED',
  'IGNORED',
  'ERROR',
] as const;

/** Results always shown in a summary line, even at zero. */
const ALWAYS_SHOWN: ReadonlySet<string> = new Set(['COMPLIANT', 'NON_COMPLIANT', 'ERROR']);

/**
 * Counts per result, such as `2 COMPLIANT, 1 NON_COMPLIANT, 1 NOT_APPLICABLE, 0 ERROR`:
 * COMPLIANT, NON_COMPLIANT and ERROR always, other results when present.
 */
export function resultCounts(results: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const result of results) counts.set(result, (counts.get(result) ?? 0) + 1);
  const known: ReadonlySet<string> = new Set(SUMMARY_ORDER);
  return [
    ...SUMMARY_ORDER.filter((result) => ALWAYS_SHOWN.has(result) || counts.has(result)),
    ...[...counts.keys()].filter((result) => !known.has(result)).sort(),
  ]
    .map((result) => `${counts.get(result) ?? 0} ${result}`)
    .join(', ');
}

/** `1 account` or `3 accounts`. */
export function countOf(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
