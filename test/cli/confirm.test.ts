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
    [['yes\n'], true],
    [['Y\n'], true],
    [['ye', 's\n'], true],
    [['no\n'], false],
    [['\n'], false],
    [[], false],
    [['yes please\n'], false],
  ])('reads one line: %j confirms: %s', async (answer, confirmed) => {
    const io = terminal(answer);
    expect(await confirm(io, 'Delete?')).toBe(confirmed);
    expect(io.stderr.text()).toBe('Delete? [yes/no] ');
  });

  it('asks only when both stdin and stderr are terminals', () => {
    expect(canAsk(terminal([]))).toBe(true);
    expect(canAsk({ ...terminal([]), stderr: captureIo().stderr })).toBe(false);
    expect(canAsk(captureIo({ stdout: true, stderr: true }))).toBe(false);
  });
});
