import { renderCsv } from './csv.js';
import { type Column, OutputFormat } from './format.js';
import type { HtmlDocument } from './html/html-document.js';
import { renderJson } from './json.js';
import { renderTable, type TableDetails } from './table.js';

/** How a command's rows look in each output format. */
export interface RowView<Row extends object> {
  /** CSV columns: one per JSON field, headers named like the JSON keys. */
  readonly csvColumns: readonly Column<Row>[];
  /** Table columns: the fields a person reads first. */
  readonly tableColumns: readonly Column<Row>[];
  /** The table's closing summary line(s). */
  readonly summary: (rows: readonly Row[]) => string;
  /** Lines above the table: the evidence header. @default none */
  readonly heading?: readonly string[];
  /** Long texts the table moves under it, numbered (see `renderTable`). @default none */
  readonly details?: TableDetails<Row>;
  /** What the HTML page shows. @default no HTML output */
  readonly html?: (rows: readonly Row[]) => HtmlDocument;
}

/**
 * Renders a command's rows in `format`. JSON stays a plain array of rows and
 * CSV one line per row; the table and the HTML page add the evidence. The
 * HTML renderer (and its template engine) is loaded only for HTML.
 *
 * @throws Error for HTML when the view has none
 */
export async function renderRows<Row extends object>(
  rows: readonly Row[],
  format: OutputFormat,
  view: RowView<Row>,
): Promise<string> {
  switch (format) {
    case OutputFormat.Json:
      return renderJson(rows);
    case OutputFormat.Csv:
      return renderCsv(rows, view.csvColumns);
    case OutputFormat.Table:
      return renderTable(rows, view.tableColumns, view.summary(rows), {
        ...(view.heading && { heading: view.heading }),
        ...(view.details && { details: view.details }),
      });
    case OutputFormat.Html: {
      if (view.html === undefined) throw new Error('this command has no HTML output');
      const { renderHtml } = await import('./html/render-html.js');
      return renderHtml(view.html(rows));
    }
  }
}
