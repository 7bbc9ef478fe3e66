import type { Column } from './format.js';

/** Spaces between table columns. */
const GAP = '  ';

/**
 * Renders rows as an aligned text table for a terminal, then `summary` on
 * its own line. The last column is not padded, so long annotations do not
 * push trailing spaces; line breaks inside a cell become spaces.
 */
export function renderTable<Row>(
  rows: readonly Row[],
  columns: readonly Column<Row>[],
  summary: string,
): string {
  const lines = [
    columns.map((column) => column.header),
    ...rows.map((row) => columns.map((column) => flatten(column.cell(row)))),
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
  return `${text.join('\n')}\n\n${summary}\n`;
}

function flatten(value: string | number | undefined): string {
  return value === undefined ? '' : String(value).replace(/\s*[\r\n]+\s*/g, ' ');
}

/** The order of results in summary lines. */
const SUMMARY_ORDER = [
  'COMPLIANT',
  'NON_COMPLIANT',
  'NOT_APPLICABLE',
  'INSUFFICIENT_DATA',
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
