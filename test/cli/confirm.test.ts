import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { canAsk, confirm } from '../../cli/src/confirm.js';
import { captureIo } from './capture-io.js';

const terminal = (answer: string[]) => ({
  ...captureIo({ stdout: true, stderr: true }),
  stdin: Object.assign(Readable.from(answer), { isTTY: true }),
});

describe('confirm', () => {
  it.each([
    [['yes\n'], true, 'yes'],
    [['Y\n'], true, 'Y'],
    [['y\n'], true, 'y'],
    [['ye', 's\n'], true, 'yes'],
    [['no\n'], false, 'no'],
    [['n\n'], false, 'n'],
    [['\n'], false, ''],
    [[], false, '(end of input)'],
    [['yes'], false, '(end of input)'],
    [['yes please\n'], false, 'yes please'],
  ])('reads one line: %j gives consent: %s, answer %j', async (typed, given, answer) => {
    const io = terminal(typed);
    expect(await confirm(io, 'Delete?')).toEqual({ given, answer });
    expect(io.stderr.text()).toBe('Delete? [yes/no] ');
  });

  it('asks only when both stdin and stderr (where the plan and question go) are terminals', () => {
    expect(canAsk(terminal([]))).toBe(true);
    expect(canAsk({ ...terminal([]), stdout: captureIo().stdout })).toBe(true);
    expect(canAsk({ ...terminal([]), stderr: captureIo().stderr })).toBe(false);
    expect(canAsk(captureIo({ stdout: true, stderr: true }))).toBe(false);
    expect(
      canAsk({ ...terminal([]), stdin: Object.assign(Readable.from([]), { isTTY: false }) }),
    ).toBe(false);
  });
});
