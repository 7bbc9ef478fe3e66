import { describe, expect, it } from 'vitest';
import {
  describeUse,
  formatDuration,
  idleMs,
  planKeys,
} from '../../../../cli/src/commands/remediate/plan.js';

const NOW = new Date('2026-12-01T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const key = (lastUsedAt?: string, createdAt: string = '2019-03-02T10:00:00.000Z') => ({
  accessKeyId: 'AKIAEXAMPLE000000001',
  active: true,
  createdAt,
  ...(lastUsedAt === undefined
    ? {}
    : { lastUsedAt, lastUsedService: 's3', lastUsedRegion: 'us-east-1' }),
});

describe('planKeys', () => {
  it('keeps a key idle 29 days 23 hours with a bound of 30 days: full timestamps, never cut to a date', () => {
    const [plan] = planKeys([key(ago(30 * DAY - HOUR))], 30, NOW);
    expect(plan).toMatchObject({ remove: false });
    expect(plan?.reason).toBe(
      'last used 2026-11-01T13:00:00Z (s3, us-east-1), idle 29 days 23 hours: within --min-idle-days 30, so something may still use it; lower --min-idle-days to delete it',
    );
  });

  it('deletes a key idle 30 days or more, and a key never used created long ago', () => {
    expect(
      planKeys([key(ago(30 * DAY)), key()], 30, NOW).map((plan) => [plan.remove, plan.reason]),
    ).toEqual([
      [true, 'last used 2026-11-01T12:00:00Z (s3, us-east-1), idle 30 days'],
      [true, 'never used, created 2019-03-02T10:00:00Z, idle 2831 days 2 hours'],
    ]);
  });

  it('counts idle time from the creation of a key never used: one created 5 minutes ago is kept', () => {
    const [plan] = planKeys([key(undefined, ago(5 * 60_000))], 30, NOW);
    expect(plan).toMatchObject({ remove: false });
    expect(plan?.reason).toMatch(
      /^never used, created 2026-12-01T11:55:00Z, idle 5 minutes: within/,
    );
  });

  it('counts from the later of last use and creation', () => {
    expect(idleMs(key(ago(90 * DAY), ago(2 * DAY)), NOW)).toBe(2 * DAY);
    expect(idleMs(key(ago(2 * DAY), ago(90 * DAY)), NOW)).toBe(2 * DAY);
  });

  it('keeps a key whose creation and last use are both unknown', () => {
    const [plan] = planKeys([{ accessKeyId: 'AKIA', active: true }], 0, NOW);
    expect(plan).toMatchObject({ remove: false });
    expect(plan?.reason).toContain('neither its creation nor its last use is known');
  });

  it('deletes every key with a bound of 0, even one used a minute ago', () => {
    expect(planKeys([key(ago(60_000))], 0, NOW)[0]?.remove).toBe(true);
    expect(describeUse(key(ago(60_000)), NOW)).toBe(
      'last used 2026-12-01T11:59:00Z (s3, us-east-1), idle 1 minute',
    );
  });

  it('never counts a use after now (a clock behind AWS) as negative idle time', () => {
    expect(idleMs(key('2026-12-01T12:05:00Z'), NOW)).toBe(0);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 minutes'],
    [59_999, '0 minutes'],
    [61_000, '1 minute'],
    [HOUR + 2 * 60_000, '1 hour 2 minutes'],
    [30 * DAY - 1, '29 days 23 hours'],
    [DAY, '1 day'],
  ])('%i ms reads %s (rounded down, never up)', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
