import { stringify } from 'csv-stringify/sync';
import type { Column } from './format.js';

/**
 * Renders rows as CSV with csv-stringify: a header line, then one line per
 * row, CRLF-terminated; fields with a comma, a double quote or any line
 * break quoted, inner quotes doubled (RFC 4180); absent values empty. Text
 * cells starting with `=`, `+`, `-`, `@`, a tab or a carriage return get a
 * leading `'` (`escape_formulas`): names and annotations come from member
 * accounts, and a spreadsheet must not run them as formulas.
 */
export function renderCsv<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  return stringify(
    rows.map((row) => columns.map((column) => column.cell(row) ?? '')),
    {
      header: true,
      columns: columns.map((column) => column.header),
      record_delimiter: 'windows',
      quoted_match: /[\r\n]/,
      escape_formulas: true,
    },
  );
}
