import { describe, expect, it } from 'vitest';
import { countOf, renderTable, resultCounts } from '../../../cli/src/output/table.js';

describe('table output', () => {
  const columns = [
    { header: 'ACCOUNT', cell: (row: { id: string; detail?: string }) => row.id },
    { header: 'DETAIL', cell: (row: { id: string; detail?: string }) => row.detail },
  ];

  it('aligns columns, leaves the last one unpadded and ends with the summary', () => {
    const text = renderTable(
      [{ id: '1', detail: 'short' }, { id: '123456', detail: 'multi\nline' }, { id: '7' }],
      columns,
      '3 accounts',
    );
    expect(text).toBe(
      ['ACCOUNT  DETAIL', '1        short', '123456   multi line', '7', '', '3 accounts', ''].join(
        '\n',
      ),
    );
  });

  it('makes control characters visible in cells, heading, details and summary, aligned by what is shown', () => {
    const text = renderTable(
      [
        { id: '\u001b]0;owned\u0007', detail: '\u001b[31mCOMPLIANT\u001b[0m \u202e' },
        { id: '2', detail: `\u009b2J ${'x'.repeat(70)}` },
      ],
      columns,
      'summary \u001b[2J\nline two',
      {
        heading: ['By: \u202earn'],
        details: { column: 'DETAIL', text: (row) => row.detail },
      },
    );
    expect(text).toBe(
      [
        String.raw`By: \u202earn`,
        '',
        `${'ACCOUNT'.padEnd(18)}DETAIL`,
        String.raw`\x1b]0;owned\x07  \x1b[31mCOMPLIANT\x1b[0m \u202e`,
        `${'2'.padEnd(18)}see [1]`,
        '',
        String.raw`[1] \x9b2J ${'x'.repeat(70)}`,
        '',
        String.raw`summary \x1b[2J`,
        'line two',
        '',
      ].join('\n'),
    );
  });

  it('counts results, always showing COMPLIANT, NON_COMPLIANT and ERROR', () => {
    expect(resultCounts(['COMPLIANT', 'COMPLIANT'])).toBe('2 COMPLIANT, 0 NON_COMPLIANT, 0 ERROR');
    expect(
      resultCounts(['ERROR', 'NOT_APPLICABLE', 'NON_COMPLIANT', 'INSUFFICIENT_DATA', 'OTHER']),
    ).toBe('0 COMPLIANT, 1 NON_COMPLIANT, 1 NOT_APPLICABLE, 1 INSUFFICIENT_DATA, 1 ERROR, 1 OTHER');
  });

  it('uses the singular for one', () => {
    expect(countOf(1, 'account', 'accounts')).toBe('1 account');
    expect(countOf(0, 'account', 'accounts')).toBe('0 accounts');
  });
});
