import type { Cell, Column } from './format.js';

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Quotes one CSV field as RFC 4180 asks: fields holding a comma, a double
 * quote or a line break are enclosed in double quotes, with inner quotes doubled.
 */
export function csvField(value: Cell): string {
  if (value === undefined) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Renders rows as CSV: a header line, then one line per row, CRLF-terminated (RFC 4180). */
export function renderCsv<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const lines = [
    columns.map((column) => csvField(column.header)),
    ...rows.map((row) => columns.map((column) => csvField(column.cell(row)))),
  ];
  return lines.map((fields) => `${fields.join(',')}\r\n`).join('');
}
