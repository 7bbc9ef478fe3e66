import { describe, expect, it } from 'vitest';
import { parseMaxResultAge } from '../../../../cli/src/commands/report/report-command.js';
import {
  DEFAULT_MAX_RESULT_AGE_MS,
  formatAge,
  maxResultAge,
} from '../../../../cli/src/commands/report/result-age.js';

const HOUR = 3_600_000;

describe('the maximum age of a counted result', () => {
  it('parses days, hours and minutes, and refuses what is no duration, zero or longer than a year', () => {
    expect(parseMaxResultAge('36h')).toBe(36 * HOUR);
    expect(parseMaxResultAge('3d')).toBe(72 * HOUR);
    expect(parseMaxResultAge('1d12h')).toBe(36 * HOUR);
    expect(parseMaxResultAge('90m')).toBe(1.5 * HOUR);
    for (const bad of ['', '0h', '2 days', 'h', '1.5h', '-3h', '3w']) {
      expect(() => parseMaxResultAge(bad)).toThrow(/such as 36h, 3d or 1d12h/);
    }
    expect(() => parseMaxResultAge('367d')).toThrow(/at most 366d/);
  });

  it('writes hours below three days, days from then on', () => {
    expect(formatAge(48 * HOUR)).toBe('48h');
    expect(formatAge(2 * HOUR)).toBe('2h');
    expect(formatAge(5 * HOUR + 12 * 60_000)).toBe('5h 12m');
    expect(formatAge(72 * HOUR)).toBe('3d');
    expect(formatAge(682 * 24 * HOUR + 2 * HOUR)).toBe('682d 2h');
    expect(formatAge(0)).toBe('0m');
  });

  it("takes the option first, then twice the deployed rule's period, then 48h, saying which", () => {
    expect(maxResultAge(36 * HOUR, [])).toEqual({ ms: 36 * HOUR, source: '--max-result-age' });
    expect(
      maxResultAge(undefined, [{ name: 'r', maximumExecutionFrequency: 'Six_Hours' }]),
    ).toEqual({
      ms: 12 * HOUR,
      source: "twice the Six_Hours period of rule r in the caller's account",
    });
    // Config's default period when the rule names none.
    expect(maxResultAge(undefined, [{ name: 'r' }]).ms).toBe(48 * HOUR);
    expect(maxResultAge(undefined, []).ms).toBe(DEFAULT_MAX_RESULT_AGE_MS);
    expect(maxResultAge(undefined, { error: 'config:DescribeConfigRules failed: denied' })).toEqual(
      {
        ms: DEFAULT_MAX_RESULT_AGE_MS,
        source:
          "the default, as the rule's period is unknown: config:DescribeConfigRules failed: denied",
      },
    );
  });
});
