import { describe, expect, it } from 'vitest';
import { CommandName, OutputFormat } from '../../../cli/src/output/format.js';
import {
  allFormats,
  formatDefinition,
  formatsOf,
  OUTPUT_FORMATS,
} from '../../../cli/src/output/formats.js';
import { notesToStderr, renderRows } from '../../../cli/src/output/render.js';

describe('the output-format registry', () => {
  it('gives each command exactly its formats', () => {
    expect(formatsOf(CommandName.Evaluate)).toEqual([
      'table',
      'json',
      'csv',
      'html',
      'asff',
      'ocsf',
    ]);
    expect(formatsOf(CommandName.Report)).toEqual(['table', 'json', 'csv', 'html', 'asff', 'ocsf']);
    expect(formatsOf(CommandName.Remediate)).toEqual(['table', 'json', 'csv']);
    expect(formatsOf(CommandName.PackTemplate)).toEqual(['json', 'yaml']);
  });

  it('lists every format once, each offered by some command', () => {
    expect(new Set(allFormats()).size).toBe(OUTPUT_FORMATS.length);
    expect(allFormats().sort()).toEqual(Object.values(OutputFormat).sort());
    for (const entry of OUTPUT_FORMATS) expect(entry.commands.length).toBeGreaterThan(0);
  });

  it('sends notes to stderr for data formats only', () => {
    expect(notesToStderr(OutputFormat.Json)).toBe(true);
    expect(notesToStderr(OutputFormat.Csv)).toBe(true);
    expect(notesToStderr(OutputFormat.Table)).toBe(false);
    expect(notesToStderr(OutputFormat.Html)).toBe(false);
  });

  it('renders rows with the registered renderer, and refuses a format without one', async () => {
    const view = {
      csvColumns: [{ header: 'id', cell: (row: { id: string }) => row.id }],
      tableColumns: [{ header: 'ID', cell: (row: { id: string }) => row.id }],
      summary: () => '1 row',
    };
    await expect(renderRows([{ id: 'a' }], OutputFormat.Json, view)).resolves.toBe(
      '[\n  {\n    "id": "a"\n  }\n]\n',
    );
    await expect(renderRows([{ id: 'a' }], OutputFormat.Csv, view)).resolves.toBe('id\r\na\r\n');
    await expect(renderRows([{ id: 'a' }], OutputFormat.Yaml, view)).rejects.toThrow(
      'output format yaml renders no rows',
    );
    await expect(renderRows([{ id: 'a' }], OutputFormat.Html, view)).rejects.toThrow(
      'this command has no HTML output',
    );
    expect(() => formatDefinition('xml' as OutputFormat)).toThrow('unknown output format xml');
  });
});
