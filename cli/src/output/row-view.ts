import type { FindingContext } from './finding-rows.js';
import type { Column } from './format.js';
import type { HtmlDocument } from './html/html-document.js';
import type { TableDetails } from './table.js';

/** How a command's rows look in each output format. */
export interface RowView<Row extends object> {
  /** CSV columns: one per JSON field, headers named like the JSON keys. */
  readonly csvColumns: readonly Column<Row>[];
  /** Table columns: the fields a person reads first. */
  readonly tableColumns: readonly Column<Row>[];
  /** The order of the table's rows (worst first); JSON and CSV keep the command's order. @default as given */
  readonly tableOrder?: (a: Row, b: Row) => number;
  /** The table's closing summary line(s). */
  readonly summary: (rows: readonly Row[]) => string;
  /** Lines above the table: the evidence header. @default none */
  readonly heading?: readonly string[];
  /** Long texts the table moves under it, numbered (see `renderTable`). @default none */
  readonly details?: TableDetails<Row>;
  /** What the HTML page shows. @default no HTML output */
  readonly html?: (rows: readonly Row[]) => HtmlDocument;
  /** What the run's findings share (ASFF, OCSF); the rows must fit `FindingRow`. @default no findings output */
  readonly findings?: FindingContext;
}

/** Renders a command's rows in one format. */
export type RowRenderer = <Row extends object>(
  rows: readonly Row[],
  view: RowView<Row>,
) => string | Promise<string>;
