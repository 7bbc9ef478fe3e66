import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from '../../cli/src/concurrency.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('mapWithConcurrency', () => {
  it('returns results in input order although tasks finish out of order', async () => {
    const delays = [30, 1, 15, 5];
    const results = await mapWithConcurrency(delays, 4, async (ms, index) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return `${index}:${ms}`;
    });
    expect(results).toEqual(['0:30', '1:1', '2:15', '3:5']);
  });

  it('never runs more than the limit at once, and reaches it', async () => {
    let running = 0;
    let peak = 0;
    await mapWithConcurrency(Array.from({ length: 20 }), 3, async () => {
      running++;
      peak = Math.max(peak, running);
      await tick();
      running--;
    });
    expect(peak).toBe(3);
  });

  it('reports each completion', async () => {
    const seen: number[] = [];
    await mapWithConcurrency(
      [1, 2, 3],
      2,
      async (value) => value,
      (done) => seen.push(done),
    );
    expect(seen).toEqual([1, 2, 3]);
  });

  it('handles an empty list without calling the task', async () => {
    let calls = 0;
    const results = await mapWithConcurrency([], 5, async () => calls++);
    expect(results).toEqual([]);
    expect(calls).toBe(0);
  });

  it('rejects a limit that is not a positive integer', async () => {
    await expect(mapWithConcurrency([1], 0, async (value) => value)).rejects.toThrow(RangeError);
    await expect(mapWithConcurrency([1], 1.5, async (value) => value)).rejects.toThrow(
      /received 1.5/,
    );
  });
});
