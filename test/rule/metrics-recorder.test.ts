import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordMetrics } from '../../rule/src/metrics-recorder.js';

vi.mock('../../rule/src/metrics.js', () => ({
  recordEvaluation: () => {
    throw new Error('Invalid dimension value');
  },
  recordFailure: () => {},
  publishMetrics: () => {},
}));

afterEach(() => vi.restoreAllMocks());

describe('recordMetrics', () => {
  it('never fails the invocation: a metric that cannot be written is logged as a warning', async () => {
    const lines: string[] = [];
    const capture = ((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture);

    await expect(recordMetrics({ compliance: 'COMPLIANT' })).resolves.toBeUndefined();

    const warning = lines.map((line) => JSON.parse(line)).find((entry) => entry.level === 'WARN');
    expect(warning).toMatchObject({
      message: 'Metrics were not written',
      error: { message: 'Invalid dimension value' },
    });
  });
});
