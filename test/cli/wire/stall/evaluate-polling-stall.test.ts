import { describe, expect, it } from 'vitest';
import { MEMBERS, ROLE, rowsOf, stallEndpoint, timedRun } from './stall-fixture.js';

/*
 * 4 s: the polls' waits (0.25-0.5, 0.5-1, 1-2, 2-4, then 4-8 s, at random)
 * always have one under way then, ending 0 to 7.5 s later.
 */
const LIMIT_MS = 4000;
const RAN_OUT = "the command's time limit (--timeout 4s) ran out";

/**
 * A credential report that is never ready: the rule polls it with growing
 * waits (up to 8 s each). The command's time limit ends a wait under way.
 */
const { endpoint } = stallEndpoint((world) => ({
  ...world,
  accounts: (world.accounts ?? []).map((account) =>
    account.id === MEMBERS[0]
      ? { ...account, credentialReport: { exists: false, notReadyPolls: 10_000 } }
      : account,
  ),
}));

describe('evaluate while a credential report is never ready', () => {
  it('stops polling at the time limit: the waits end with it', async () => {
    const result = await timedRun(endpoint(), [
      'evaluate',
      '--organization',
      '--role-name',
      ROLE,
      '--timeout',
      '4s',
      '--output',
      'json',
    ]);

    expect(result.code).toBe(2);
    const polled = rowsOf(result).find((row) => row.accountId === MEMBERS[0]);
    // The summary's count stands; the keys' details are what ran out (decision row 4).
    expect(polled).toMatchObject({
      compliance: 'NON_COMPLIANT',
      accessKeysPresent: 1,
      annotation:
        'Root user has 1 access key; details unavailable: the time left ran out during iam:GetCredentialReport. Delete it.',
    });
    expect(result.stderr).toContain(`error: ${RAN_OUT} before every account was evaluated`);
    expect(result.ms).toBeGreaterThanOrEqual(LIMIT_MS - 50);
    expect(result.ms).toBeLessThan(LIMIT_MS + 500);
  });
});
