import { describe, expect, it } from 'vitest';
import type { KeyPlan } from '../../../../cli/src/commands/remediate/plan.js';
import { recheckKey } from '../../../../cli/src/commands/remediate/recheck.js';

const PLAN_TIME = new Date('2026-12-01T12:00:00Z');
const NOW = new Date('2026-12-01T12:03:00Z');
const key = {
  accessKeyId: 'AKIA1',
  active: true,
  createdAt: '2019-03-02T10:00:00.000Z',
  lastUsedAt: '2026-06-01T09:00:00.000Z',
  lastUsedService: 's3',
};
const planned: KeyPlan = { key, remove: true, reason: 'idle' };

describe('recheckKey', () => {
  it('deletes a key unchanged since the plan', () => {
    expect(recheckKey(planned, { ...key }, PLAN_TIME, 30, NOW)).toEqual({ kind: 'delete' });
  });

  it('says a key that is no longer listed is gone', () => {
    expect(recheckKey(planned, undefined, PLAN_TIME, 30, NOW)).toEqual({ kind: 'gone' });
  });

  it('keeps a key used after the plan was made, saying when', () => {
    const used = { ...key, lastUsedAt: '2026-12-01T12:01:00.000Z', lastUsedRegion: 'eu-west-1' };
    expect(recheckKey(planned, used, PLAN_TIME, 30, NOW)).toEqual({
      kind: 'keep',
      seen: used,
      reason:
        'used since the plan at 2026-12-01T12:00:00Z: last used 2026-12-01T12:01:00Z (s3, eu-west-1), idle 2 minutes; kept',
    });
  });

  it.each([
    [{ active: false }, 'status Inactive, planned Active'],
    [
      { createdAt: '2026-11-30T00:00:00.000Z' },
      'created 2026-11-30T00:00:00.000Z, planned 2019-03-02T10:00:00.000Z',
    ],
    [
      { lastUsedAt: '2026-07-01T00:00:00.000Z' },
      'last used 2026-07-01T00:00:00.000Z, planned 2026-06-01T09:00:00.000Z',
    ],
  ])('keeps a key that no longer matches the plan (%j)', (change, words) => {
    const check = recheckKey(planned, { ...key, ...change }, PLAN_TIME, 30, NOW);
    expect(check).toMatchObject({ kind: 'keep' });
    expect(check.kind === 'keep' && check.reason).toBe(
      `no longer matches the plan made at 2026-12-01T12:00:00Z (${words}); kept`,
    );
  });

  it('asks the idle guard again by AWS’s clock: a plan made with a lower bound is not stretched', () => {
    const recent = { ...key, lastUsedAt: '2026-11-25T12:00:00.000Z' };
    const check = recheckKey({ ...planned, key: recent }, { ...recent }, PLAN_TIME, 30, NOW);
    expect(check).toMatchObject({
      kind: 'keep',
      reason: expect.stringContaining('within --min-idle-days 30'),
    });
  });
});
