import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIMEOUT_MS,
  formatDuration,
  parseDuration,
  parseTimeout,
} from '../../cli/src/duration.js';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1m30s', 90_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    [' 3s ', 3000],
    ['3d', 259_200_000],
    ['1d12h', 129_600_000],
  ])('reads %j as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '5', 's', '1.5m', '-3s', '3 s', '3sec', '1w'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [3000, '3s'],
    [90_000, '1m30s'],
    [DEFAULT_TIMEOUT_MS, '30m'],
    [5_400_500, '1h30m500ms'],
    [0, '0s'],
  ])('writes %i ms as %j, which reads back', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
    if (ms > 0) expect(parseDuration(text)).toBe(ms);
  });
});

describe('parseTimeout', () => {
  it('takes 1 s to 24 h', () => {
    expect(parseTimeout('1s')).toBe(1000);
    expect(parseTimeout('24h')).toBe(86_400_000);
  });

  it.each(['999ms', '24h1s', 'never'])('refuses %j, saying what is allowed', (text) => {
    expect(() => parseTimeout(text)).toThrow(
      'Allowed: a duration from 1s to 24h such as 90s, 5m, 1h or 1m30s.',
    );
  });
});
