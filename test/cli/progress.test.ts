import { describe, expect, it } from 'vitest';
import { createProgress, withProgress } from '../../cli/src/progress.js';
import { captureIo } from './capture-io.js';

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

/** What cli-progress writes when a bar is stopped: cursor shown again, line cleared. */
const BAR_TAKEN_DOWN = '\u001b[?25h';

describe('withProgress', () => {
  it('gives the work the bar and its result back, the bar taken down', async () => {
    const { stderr } = captureIo({ stdout: false, stderr: true });

    const result = await withProgress(stderr, 'Reading accounts', async (onProgress) => {
      onProgress(1, 3);
      return 'done';
    });

    expect(result).toBe('done');
    expect(stderr.text()).toContain('Reading accounts [');
    expect(stderr.text()).toContain(BAR_TAKEN_DOWN);
  });

  it('takes the bar down when the work fails, and passes the failure on', async () => {
    const { stderr } = captureIo({ stdout: false, stderr: true });
    const failure = new Error('denied');

    const run = withProgress(stderr, 'Reading accounts', async (onProgress) => {
      onProgress(1, 3);
      throw failure;
    });

    await expect(run).rejects.toBe(failure);
    expect(stderr.text()).toContain(BAR_TAKEN_DOWN);
  });
});
