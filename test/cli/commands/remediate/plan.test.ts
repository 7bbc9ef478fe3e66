import { describe, expect, it } from 'vitest';
import { describeUse, planKeys } from '../../../../cli/src/commands/remediate/plan.js';

const NOW = new Date('2026-12-01T12:00:00Z');
const key = (lastUsedDate?: string) => ({
  accessKeyId: 'AKIAEXAMPLE000000001',
  active: true,
  ...(lastUsedDate === undefined
    ? {}
    : { lastUsedDate, lastUsedService: 's3', lastUsedRegion: 'us-east-1' }),
});

describe('planKeys', () => {
  it('keeps a key used within the last minIdleDays days, and says how to delete it anyway', () => {
    const [plan] = planKeys([key('2026-11-02')], 30, NOW);
    expect(plan).toMatchObject({ remove: false });
    expect(plan?.reason).toBe(
      'last used 2026-11-02 (s3, us-east-1), 29 days ago: within --min-idle-days 30, so something may still use it; lower --min-idle-days to delete it',
    );
  });

  it('deletes a key idle for minIdleDays days or more, and a key never used', () => {
    expect(
      planKeys([key('2026-11-01'), key()], 30, NOW).map((plan) => [plan.remove, plan.reason]),
    ).toEqual([
      [true, 'last used 2026-11-01 (s3, us-east-1), 30 days ago'],
      [true, 'never used'],
    ]);
  });

  it('deletes every key with a bound of 0, even one used today', () => {
    expect(planKeys([key('2026-12-01')], 0, NOW)[0]?.remove).toBe(true);
    expect(describeUse(key('2026-12-01'), NOW)).toBe('last used 2026-12-01 (s3, us-east-1), today');
    expect(describeUse(key('2026-11-30'), NOW)).toBe(
      'last used 2026-11-30 (s3, us-east-1), 1 day ago',
    );
  });
});
