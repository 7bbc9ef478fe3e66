import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../../cli/src/output/csv.js';
import type { Column } from '../../../cli/src/output/format.js';

const one: readonly Column<{ value: string | number | undefined }>[] = [
  { header: 'value', cell: (row) => row.value },
];
const field = (value: string | number | undefined) =>
  renderCsv([{ value }], one).slice('value\r\n'.length, -'\r\n'.length);

describe('CSV output', () => {
  it('leaves plain fields alone and empties absent ones', () => {
    expect(field('COMPLIANT')).toBe('COMPLIANT');
    expect(field(2)).toBe('2');
    expect(field(undefined)).toBe('');
  });

  it('quotes fields with commas and quotes, doubling inner quotes', () => {
    expect(field('a, b')).toBe('"a, b"');
    expect(field('say "no"')).toBe('"say ""no"""');
  });

  it('shows line breaks and every other control character as a visible escape: one line per record', () => {
    expect(field('line\nbreak')).toBe(String.raw`line\x0abreak`);
    expect(field('cr\rhere')).toBe(String.raw`cr\x0dhere`);
    expect(field('\u001b]0;owned\u0007 \u009b31m \u202eevil')).toBe(
      String.raw`\x1b]0;owned\x07 \x9b31m \u202eevil`,
    );
  });

  it('neutralises cells a spreadsheet would run as formulas: = + - @ and tab', () => {
    expect(field('=HYPERLINK("https://example.com","x")')).toBe(
      '"\'=HYPERLINK(""https://example.com"",""x"")"',
    );
    expect(field('+1')).toBe("'+1");
    expect(field('-2+3')).toBe("'-2+3");
    expect(field('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(field('\tcmd')).toBe(String.raw`'\x09cmd`);
    expect(field('a=b')).toBe('a=b');
  });

  it('neutralises formulas behind leading whitespace or line breaks', () => {
    expect(field(' =2+2')).toBe("' =2+2");
    expect(field('\n=1')).toBe(String.raw`'\x0a=1`);
    expect(field('\r\n+1')).toBe(String.raw`'\x0d\x0a+1`);
    expect(field('  @SUM(A1)')).toBe("'  @SUM(A1)");
  });

  it('writes a header and one CRLF-terminated line per row, which csv-parse reads back', () => {
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
    expect(parse(text, { columns: true })).toEqual([
      { accountId: '111111111111', annotation: 'key 1 active, last used 2026-11-20' },
      { accountId: '222222222222', annotation: '' },
    ]);
  });

  it('writes only the header for no rows', () => {
    expect(renderCsv([], [{ header: 'accountId', cell: () => '' }])).toBe('accountId\r\n');
  });
});
