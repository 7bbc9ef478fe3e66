import { describe, expect, it } from 'vitest';
import { backoffDelay, deadlineIn } from '../../aws/backoff.js';

describe('backoffDelay', () => {
  it('doubles the ceiling with each attempt, from the base', () => {
    const top = { baseMs: 100, capMs: 100_000, random: () => 0.999_999 };

    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, top))).toEqual([100, 200, 400, 800]);
  });

  it('never waits less than half the ceiling (equal jitter)', () => {
    const bottom = { baseMs: 100, capMs: 100_000, random: () => 0 };

    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, bottom))).toEqual([
      50, 100, 200, 400,
    ]);
  });

  it('stops growing at the cap', () => {
    const top = { baseMs: 100, capMs: 300, random: () => 0.999_999 };

    expect(backoffDelay(10, top)).toBe(300);
    expect(backoffDelay(60, top)).toBe(300);
  });

  it('defaults to a 500 ms base and an 8 s cap', () => {
    expect(backoffDelay(0, { random: () => 0.999_999 })).toBe(500);
    expect(backoffDelay(20, { random: () => 0.999_999 })).toBe(8000);
  });
});

describe('deadlineIn', () => {
  it('counts down from the given time', () => {
    let now = 1_000;
    const deadline = deadlineIn(500, () => now);

    now = 1_200;

    expect(deadline()).toBe(300);
  });
});
