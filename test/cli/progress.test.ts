import { describe, expect, it } from 'vitest';
import { createProgress } from '../../cli/src/progress';
import { captureIo } from './capture-io';

describe('createProgress', () => {
  it('draws a bar on a terminal when there are several items, and clears it when stopped', () => {
    const { stderr } = captureIo({ stdout: false, stderr: true });
    const progress = createProgress(stderr, 'Evaluating accounts');

    progress.update(0, 3);
    progress.update(3, 3);
    progress.stop();

    expect(stderr.text()).toContain('Evaluating accounts [');
    expect(stderr.text()).toContain('3/3');
  });

  it('writes nothing when stderr is not a terminal', () => {
    const { stderr } = captureIo();
    const progress = createProgress(stderr, 'Evaluating accounts');

    progress.update(0, 50);
    progress.update(50, 50);
    progress.stop();

    expect(stderr.text()).toBe('');
  });

  it('writes nothing for a single item, even on a terminal', () => {
    const { stderr } = captureIo({ stdout: false, stderr: true });
    const progress = createProgress(stderr, 'Evaluating accounts');

    progress.update(0, 1);
    progress.update(1, 1);
    progress.stop();

    expect(stderr.text()).toBe('');
  });
});
