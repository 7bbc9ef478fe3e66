import { renderCsv } from './csv.js';
import { type Column, OutputFormat } from './format.js';
import { renderJson } from './json.js';
import { renderTable } from './table.js';

/** How a command's rows look in each output format. */
export interface RowView<Row extends object> {
  /** CSV columns: one per JSON field, headers named like the JSON keys. */
  readonly csvColumns: readonly Column<Row>[];
  /** Table columns: the fields a person reads first. */
  readonly tableColumns: readonly Column<Row>[];
  /** The table's closing summary line. */
  readonly summary: (rows: readonly Row[]) => string;
}

/** Renders a command's rows in `format`. */
export function renderRows<Row extends object>(
  rows: readonly Row[],
  format: OutputFormat,
  view: RowView<Row>,
): string {
  switch (format) {
    case OutputFormat.Json:
      return renderJson(rows);
    case OutputFormat.Csv:
      return renderCsv(rows, view.csvColumns);
    case OutputFormat.Table:
      return renderTable(rows, view.tableColumns, view.summary(rows));
  }
}
