import type { OutputStream } from '../io.js';

/** Output formats of `evaluate` and `report`. */
export const OutputFormat = {
  Table: 'table',
  Json: 'json',
  Csv: 'csv',
  /** One self-contained HTML page (evaluate and report). */
  Html: 'html',
} as const;

/** One of the values of {@link OutputFormat}. */
export type OutputFormat = (typeof OutputFormat)[keyof typeof OutputFormat];

/**
 * The format used without `--output`: a table for a person at a terminal,
 * JSON when stdout is a pipe or a file, so scripts get data they can parse.
 */
export function defaultOutputFormat(stdout: OutputStream): OutputFormat {
  return stdout.isTTY === true ? OutputFormat.Table : OutputFormat.Json;
}

/** A cell value: absent values render empty. */
export type Cell = string | number | undefined;

/** One column of a table or CSV view of rows. */
export interface Column<Row> {
  /** The column's title. */
  readonly header: string;
  /** The row's value in this column. */
  readonly cell: (row: Row) => Cell;
}
