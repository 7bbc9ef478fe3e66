import { describe, expect, it } from 'vitest';
import { clockRefusal } from '../../../../cli/src/commands/remediate/clock-check.js';

const AWS_NOW = new Date('2026-12-01T12:00:00Z');
const MINUTE = 60_000;

describe('clockRefusal', () => {
  it.each([0, 5 * MINUTE, -5 * MINUTE])('lets --apply run %i ms off AWS’s clock', (skew) => {
    expect(clockRefusal(skew, AWS_NOW)).toBeUndefined();
  });

  it('refuses a local clock more than 5 minutes ahead, or behind, saying by how much', () => {
    expect(clockRefusal(-(5 * MINUTE + 1000), AWS_NOW)).toBe(
      "The local clock is 5 minutes ahead of AWS's (AWS says 2026-12-01T12:00:00Z); --apply refuses beyond 5 minutes: set the clock right (NTP) and run again",
    );
    expect(clockRefusal(40 * 86_400_000, AWS_NOW)).toMatch(
      /^The local clock is 40 days behind AWS's/,
    );
  });

  it('refuses when AWS’s clock was never seen', () => {
    expect(clockRefusal(undefined, AWS_NOW)).toMatch(/^AWS's clock is unknown/);
  });
});
