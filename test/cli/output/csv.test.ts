import { describe, expect, it } from 'vitest';
import { csvField, renderCsv } from '../../../cli/src/output/csv.js';

describe('CSV output', () => {
  it('leaves plain fields alone and empties absent ones', () => {
    expect(csvField('COMPLIANT')).toBe('COMPLIANT');
    expect(csvField(2)).toBe('2');
    expect(csvField(undefined)).toBe('');
  });

  it('quotes fields with commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('writes a header and one CRLF-terminated line per row', () => {
    const rows = [
      { id: '111111111111', note: 'key 1 active, last used 2026-11-20' },
      { id: '222222222222', note: undefined },
    ];
    const text = renderCsv(rows, [
      { header: 'accountId', cell: (row) => row.id },
      { header: 'annotation', cell: (row) => row.note },
    ]);
    expect(text).toBe(
      'accountId,annotation\r\n111111111111,"key 1 active, last used 2026-11-20"\r\n222222222222,\r\n',
    );
  });

  it('writes only the header for no rows', () => {
    expect(renderCsv([], [{ header: 'accountId', cell: () => '' }])).toBe('accountId\r\n');
  });
});
