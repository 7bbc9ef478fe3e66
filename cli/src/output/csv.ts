import { stringify } from 'csv-stringify/sync';
import type { Cell, Column } from './format.js';
import { safeText } from './safe-text.js';

/**
 * A cell a spreadsheet would run as a formula: `=`, `+`, `-` or `@` first,
 * or behind leading whitespace or line breaks (` =2+2`, `\n=1`), or a tab or
 * carriage return first.
 */
const FORMULA = /^(?:\s*[=+\-@]|[\t\r])/;

/**
 * Renders rows as CSV with csv-stringify: a header line, then one line per
 * row, CRLF-terminated; fields with a comma or a double quote quoted, inner
 * quotes doubled (RFC 4180); absent values empty. Names and annotations come
 * from member accounts: a text cell a spreadsheet would run as a formula
 * gets a leading `'`, and control characters are made visible (`safeText`),
 * line breaks included, so every record is one line.
 */
export function renderCsv<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  return stringify(
    rows.map((row) => columns.map((column) => csvCell(column.cell(row)))),
    {
      header: true,
      columns: columns.map((column) => column.header),
      record_delimiter: 'windows',
    },
  );
}

function csvCell(value: Cell): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return safeText(FORMULA.test(value) ? `'${value}` : value);
}
