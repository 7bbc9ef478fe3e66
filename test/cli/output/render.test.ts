import { describe, expect, it } from 'vitest';
import { defaultOutputFormat } from '../../../cli/src/output/format.js';
import { renderRows } from '../../../cli/src/output/render.js';

const view = {
  csvColumns: [{ header: 'accountId', cell: (row: { accountId: string }) => row.accountId }],
  tableColumns: [{ header: 'ACCOUNT', cell: (row: { accountId: string }) => row.accountId }],
  summary: (rows: readonly unknown[]) => `${rows.length} rows`,
};

describe('renderRows', () => {
  const rows = [{ accountId: '111111111111', error: undefined }];

  it('renders JSON as an array, leaving out absent fields', async () => {
    const text = await renderRows(rows, 'json', view);
    expect(JSON.parse(text)).toEqual([{ accountId: '111111111111' }]);
    expect(text).not.toContain('error');
    expect(text.endsWith(']\n')).toBe(true);
  });

  it('renders CSV with the CSV columns', async () => {
    expect(await renderRows(rows, 'csv', view)).toBe('accountId\r\n111111111111\r\n');
  });

  it('renders a table with the table columns and the summary', async () => {
    expect(await renderRows(rows, 'table', view)).toBe('ACCOUNT\n111111111111\n\n1 rows\n');
  });

  it('defaults to a table on a terminal and to JSON otherwise', () => {
    expect(defaultOutputFormat({ write: () => true, isTTY: true })).toBe('table');
    expect(defaultOutputFormat({ write: () => true })).toBe('json');
  });
});
