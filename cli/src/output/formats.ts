import { RowState } from '../exit-codes.js';
import { ASFF_IMPORT_NOTE, renderAsff } from './asff.js';
import { renderCsv } from './csv.js';
import type { FindingContext, FindingRow } from './finding-rows.js';
import { CommandName, OutputFormat } from './format.js';
import { renderJson } from './json.js';
import { renderOcsf } from './ocsf.js';
import type { RowRenderer } from './row-view.js';
import { renderTable } from './table.js';

/** One output format: the commands that offer it and how it renders. */
export interface OutputFormatDefinition {
  readonly format: OutputFormat;
  /** The commands that offer it, in `--output`'s choices. */
  readonly commands: readonly CommandName[];
  /**
   * Whether notes about the run (accounts left out, root access unreadable)
   * go to stderr: true for data formats, whose stdout stays parseable; false
   * where the document itself carries them (table, HTML page).
   */
  readonly notesToStderr: boolean;
  /** Renders rows; absent for a format a command renders itself (pack-template's YAML and JSON). */
  readonly render?: RowRenderer;
  /** A line the command writes to stderr with this format. @default none */
  readonly note?: string;
}

const { Evaluate, Report, Remediate, PackTemplate } = CommandName;

/** Every output format. Adding a format: a renderer file and a line here. */
export const OUTPUT_FORMATS: readonly OutputFormatDefinition[] = [
  {
    format: OutputFormat.Table,
    commands: [Evaluate, Report, Remediate],
    notesToStderr: false,
    render: (rows, view) =>
      renderTable(
        view.tableOrder ? [...rows].sort(view.tableOrder) : rows,
        view.tableColumns,
        view.summary(rows),
        {
          ...(view.heading && { heading: view.heading }),
          ...(view.details && { details: view.details }),
        },
      ),
  },
  {
    format: OutputFormat.Json,
    commands: [Evaluate, Report, Remediate, PackTemplate],
    notesToStderr: true,
    render: (rows) => renderJson(rows),
  },
  {
    format: OutputFormat.Csv,
    commands: [Evaluate, Report, Remediate],
    notesToStderr: true,
    render: (rows, view) => renderCsv(rows, view.csvColumns),
  },
  {
    format: OutputFormat.Html,
    commands: [Evaluate, Report],
    notesToStderr: false,
    // The page's renderer and its template engine load only for HTML.
    render: async (rows, view) =>
      (await import('./html/render-html-rows.js')).renderHtmlRows(rows, view),
  },
  { format: OutputFormat.Yaml, commands: [PackTemplate], notesToStderr: false },
  {
    format: OutputFormat.Asff,
    commands: [Evaluate, Report],
    notesToStderr: true,
    note: ASFF_IMPORT_NOTE,
    render: (rows, view) => renderAsff(findingRows(rows), findingContext(view)),
  },
  {
    format: OutputFormat.Ocsf,
    commands: [Evaluate, Report],
    notesToStderr: true,
    render: (rows, view) => renderOcsf(findingRows(rows), findingContext(view)),
  },
];

/**
 * The rows of a view that has findings: they fit `FindingRow` (see
 * `RowView.findings`). IGNORED rows (a report's results not from the
 * deployed rule) are evidence of nothing about the account: no finding.
 */
function findingRows(rows: readonly object[]): readonly FindingRow[] {
  return (rows as readonly FindingRow[]).filter((row) => row.compliance !== RowState.Ignored);
}

function findingContext(view: { readonly findings?: FindingContext }): FindingContext {
  if (view.findings === undefined) throw new RangeError('this command has no findings output');
  return view.findings;
}

/** The formats `command` offers, in registry order. */
export function formatsOf(command: CommandName): OutputFormat[] {
  return OUTPUT_FORMATS.filter((entry) => entry.commands.includes(command)).map(
    (entry) => entry.format,
  );
}

/** Every format some command offers. */
export function allFormats(): OutputFormat[] {
  return OUTPUT_FORMATS.map((entry) => entry.format);
}

/** The registry's entry of `format`. */
export function formatDefinition(format: OutputFormat): OutputFormatDefinition {
  const entry = OUTPUT_FORMATS.find((candidate) => candidate.format === format);
  if (entry === undefined) throw new RangeError(`unknown output format ${format}`);
  return entry;
}
