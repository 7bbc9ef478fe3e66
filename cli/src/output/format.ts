import type { OutputStream } from '../io.js';

/** Output formats of the tool's commands; which command offers which is in `formats.ts`. */
export const OutputFormat = {
  Table: 'table',
  Json: 'json',
  Csv: 'csv',
  /** One self-contained HTML page (evaluate and report). */
  Html: 'html',
  /** The conformance pack template as YAML (pack-template's default). */
  Yaml: 'yaml',
  /** AWS Security Finding Format: the findings the rule would import into Security Hub (JSON array). */
  Asff: 'asff',
  /** OCSF Compliance Findings (class 2003), one per line (JSON Lines). */
  Ocsf: 'ocsf',
} as const;

/** One of the values of {@link OutputFormat}. */
export type OutputFormat = (typeof OutputFormat)[keyof typeof OutputFormat];

/** The tool's commands, by the name typed on the command line. */
export const CommandName = {
  Evaluate: 'evaluate',
  Report: 'report',
  Remediate: 'remediate',
  PackTemplate: 'pack-template',
} as const;

/** One of the values of {@link CommandName}. */
export type CommandName = (typeof CommandName)[keyof typeof CommandName];

/**
 * The format used without `--output` by the commands that print rows: a
 * table for a person at a terminal, JSON when stdout is a pipe or a file, so
 * scripts get data they can parse.
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
