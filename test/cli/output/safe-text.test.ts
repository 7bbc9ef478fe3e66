import { describe, expect, it } from 'vitest';
import { safeLines, safeText } from '../../../cli/src/output/safe-text.js';

/** Every character `safeText` must make visible, one of each kind. */
const HOSTILE = {
  windowTitle: '\u001b]0;owned\u0007',
  clearScreen: '\u001b[2J\u001b[H',
  redCompliant: '\u001b[31mCOMPLIANT\u001b[0m',
  c1Csi: '\u009b31m',
  del: '\u007f',
  rightToLeft: '\u202eevil',
  isolate: '\u2066x\u2069',
  lineSeparator: 'a\u2028b',
} as const;

describe('safe text', () => {
  it('makes C0, DEL and C1 controls visible as \\xNN', () => {
    expect(safeText(HOSTILE.windowTitle)).toBe(String.raw`\x1b]0;owned\x07`);
    expect(safeText(HOSTILE.clearScreen)).toBe(String.raw`\x1b[2J\x1b[H`);
    expect(safeText(HOSTILE.redCompliant)).toBe(String.raw`\x1b[31mCOMPLIANT\x1b[0m`);
    expect(safeText(HOSTILE.c1Csi)).toBe(String.raw`\x9b31m`);
    expect(safeText(HOSTILE.del)).toBe(String.raw`\x7f`);
    expect(safeText('tab\there\nline')).toBe(String.raw`tab\x09here\x0aline`);
  });

  it('makes bidirectional controls and line separators visible as \\uNNNN', () => {
    expect(safeText(HOSTILE.rightToLeft)).toBe(String.raw`\u202eevil`);
    expect(safeText(HOSTILE.isolate)).toBe(String.raw`\u2066x\u2069`);
    expect(safeText('\u202a\u202b\u202c\u202d\u2067\u2068')).toBe(
      String.raw`\u202a\u202b\u202c\u202d\u2067\u2068`,
    );
    expect(safeText(HOSTILE.lineSeparator)).toBe(String.raw`a\u2028b`);
  });

  it('leaves printable text alone, accents, CJK and emoji included', () => {
    const text = 'Prod/Zürich — 東京 ✓ 🚀 "quoted" <b> 100%';
    expect(safeText(text)).toBe(text);
  });

  it('keeps the line breaks of a text of several lines, and nothing else', () => {
    expect(safeLines(`one\u001b[2J\ntwo\r\n`)).toBe(
      String.raw`one\x1b[2J` + '\n' + String.raw`two\x0d` + '\n',
    );
  });

  it('leaves no raw control or bidi character in any output', () => {
    const all =
      Object.values(HOSTILE).join('') +
      String.fromCharCode(...Array.from({ length: 32 }, (_, i) => i));
    expect(safeText(all)).toMatch(/^[ -~]*$/);
  });
});
