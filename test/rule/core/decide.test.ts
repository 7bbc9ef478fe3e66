import { describe, expect, it } from 'vitest';
import { ComplianceType } from '../../../definition/config.js';
import { DEFAULT_RULE_SETTINGS } from '../../../definition/settings.js';
import { decide } from '../../../rule/src/core/decide.js';
import {
  CredentialReportUnavailableError,
  RootKeysUnavailableError,
  RuleError,
} from '../../../rule/src/core/errors.js';
import { type RootAccessKey, RootKeySource } from '../../../rule/src/core/facts.js';
import type { RuleParameters } from '../../../rule/src/core/parameters.js';

const defaults: RuleParameters = { ...DEFAULT_RULE_SETTINGS };
const ignoreInactive: RuleParameters = { ...DEFAULT_RULE_SETTINGS, ignoreInactiveKeys: true };

const activeKey: RootAccessKey = {
  slot: 1,
  active: true,
  created: '2019-03-02',
  lastUsedDate: '2026-11-20',
  lastUsedService: 's3',
  lastUsedRegion: 'us-east-1',
};
const inactiveKey: RootAccessKey = { slot: 2, active: false, created: '2019-03-02' };

function withKeys(count: number, keys: RootAccessKey[], passwordPresent = 1) {
  return {
    eventLeftScope: false as const,
    summary: { accessKeysPresent: count, passwordPresent },
    keys: {
      kind: 'available' as const,
      root: { source: RootKeySource.CredentialReport, keys },
    },
  };
}

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, but none was thrown');
}

describe('decide', () => {
  it('reports NOT_APPLICABLE when the account left the scope (row 1)', () => {
    const decision = decide({ eventLeftScope: true }, defaults);
    expect(decision).toEqual({
      row: 1,
      compliance: ComplianceType.NotApplicable,
      annotation: "The account left the rule's scope.",
    });
  });

  it('reports COMPLIANT by default when the root user has no keys and no password (row 2)', () => {
    const decision = decide(
      { eventLeftScope: false, summary: { accessKeysPresent: 0, passwordPresent: 0 } },
      defaults,
    );
    expect(decision.row).toBe(2);
    expect(decision.compliance).toBe(ComplianceType.Compliant);
    expect(decision.annotation).toBe('The root user has no access keys and no password.');
  });

  it('reports NOT_APPLICABLE without root credentials when RootWithoutCredentials says so (row 2)', () => {
    const decision = decide(
      { eventLeftScope: false, summary: { accessKeysPresent: 0, passwordPresent: 0 } },
      { ...defaults, rootWithoutCredentials: ComplianceType.NotApplicable },
    );
    expect(decision.compliance).toBe(ComplianceType.NotApplicable);
    expect(decision.row).toBe(2);
  });

  it('reports COMPLIANT when no key exists but a password does (row 3)', () => {
    const decision = decide(
      { eventLeftScope: false, summary: { accessKeysPresent: 0, passwordPresent: 1 } },
      { ...defaults, rootWithoutCredentials: ComplianceType.NotApplicable },
    );
    expect(decision.row).toBe(3);
    expect(decision.compliance).toBe(ComplianceType.Compliant);
    expect(decision.annotation).toMatch(/No root access key exists/);
  });

  it('treats an unreported password count as a password, not as a credential-less root (row 3)', () => {
    const decision = decide(
      { eventLeftScope: false, summary: { accessKeysPresent: 0 } },
      { ...defaults, rootWithoutCredentials: ComplianceType.NotApplicable },
    );
    expect(decision.row).toBe(3);
  });

  it('reports NON_COMPLIANT with per-key detail when keys exist (row 4)', () => {
    const decision = decide(withKeys(2, [activeKey, inactiveKey]), defaults);
    expect(decision.row).toBe(4);
    expect(decision.compliance).toBe(ComplianceType.NonCompliant);
    expect(decision.annotation).toBe(
      'Root user has 2 access keys: key 1 active, last used 2026-11-20 (s3, us-east-1), rotated 2019-03-02; key 2 inactive, never used, rotated 2019-03-02. Delete them.',
    );
  });

  it('reports NON_COMPLIANT when only an inactive key exists (row 4)', () => {
    const decision = decide(withKeys(1, [inactiveKey]), defaults);
    expect(decision.compliance).toBe(ComplianceType.NonCompliant);
    expect(decision.annotation).toBe(
      'Root user has 1 access key: key 2 inactive, never used, rotated 2019-03-02. Delete it.',
    );
  });

  it('reports NON_COMPLIANT and says why details are missing when the report is unavailable (row 4)', () => {
    const decision = decide(
      {
        eventLeftScope: false,
        summary: { accessKeysPresent: 1, passwordPresent: 1 },
        keys: {
          kind: 'unavailable',
          source: RootKeySource.CredentialReport,
          reason: 'IAM refused iam:GenerateCredentialReport (LimitExceeded)',
        },
      },
      defaults,
    );
    expect(decision.row).toBe(4);
    expect(decision.compliance).toBe(ComplianceType.NonCompliant);
    expect(decision.annotation).toBe(
      'Root user has 1 access key; details unavailable: IAM refused iam:GenerateCredentialReport (LimitExceeded). Delete it.',
    );
  });

  it('says the report does not list the keys yet when it is older than they are (row 4)', () => {
    const decision = decide(withKeys(2, []), defaults);
    expect(decision.annotation).toBe(
      'Root user has 2 access keys; the credential report, up to 4 hours old, does not list them yet. Delete them.',
    );
  });

  it('names how many keys the report lists when it lists fewer than the summary counts (row 4)', () => {
    const decision = decide(withKeys(2, [activeKey]), defaults);
    expect(decision.annotation).toMatch(
      /^Root user has 2 access keys; the credential report lists 1: key 1 active/,
    );
  });

  it('reports NON_COMPLIANT for an active key when inactive keys are ignored (row 5)', () => {
    const decision = decide(withKeys(2, [activeKey, inactiveKey]), ignoreInactive);
    expect(decision.row).toBe(5);
    expect(decision.compliance).toBe(ComplianceType.NonCompliant);
    expect(decision.annotation).toMatch(/key 1 active/);
  });

  it('reports COMPLIANT for inactive keys only when they are ignored, and asks to delete them (row 6)', () => {
    const decision = decide(withKeys(1, [inactiveKey]), ignoreInactive);
    expect(decision.row).toBe(6);
    expect(decision.compliance).toBe(ComplianceType.Compliant);
    expect(decision.annotation).toBe(
      'Root user has only inactive access keys (key 2 inactive, never used, rotated 2019-03-02) per the credential report; compliant as IgnoreInactiveKeys is true, but CIS asks to delete them.',
    );
  });

  it("names the credential report's generation time when it decides from it (rows 5 and 6), within 256 characters", () => {
    const dated = (count: number, keys: RootAccessKey[]) => {
      const facts = withKeys(count, keys);
      return {
        ...facts,
        keys: {
          ...facts.keys,
          root: { ...facts.keys.root, generatedAt: '2026-11-28T04:00:00.000Z' },
        },
      };
    };
    const onlyInactive = decide(dated(1, [inactiveKey]), ignoreInactive);
    expect(onlyInactive.annotation).toBe(
      'Root user has only inactive access keys (key 2 inactive, never used, rotated 2019-03-02) per the credential report of 2026-11-28 04:00 UTC; compliant as IgnoreInactiveKeys is true, but CIS asks to delete them.',
    );
    const active = decide(dated(2, [activeKey, inactiveKey]), ignoreInactive);
    expect(active.row).toBe(5);
    expect(active.annotation).toMatch(
      / per the credential report of 2026-11-28 04:00 UTC\. Delete them\.$/,
    );
    expect(active.annotation.length).toBeLessThanOrEqual(256);
    // Row 4 decides from the account summary: the report only adds details.
    expect(decide(dated(2, [activeKey, inactiveKey]), defaults).annotation).not.toContain(
      'credential report of',
    );
  });

  it('keeps the generation time when the details must shorten to fit 256 characters', () => {
    const longKey: RootAccessKey = {
      ...activeKey,
      lastUsedService: 'organizations-and-a-very-long-service-name-indeed',
      lastUsedRegion: 'ap-southeast-7',
    };
    const facts = withKeys(2, [longKey, { ...longKey, slot: 2 }]);
    const decision = decide(
      {
        ...facts,
        keys: { ...facts.keys, root: { ...facts.keys.root, generatedAt: '2026-11-28T04:00:00Z' } },
      },
      ignoreInactive,
    );
    expect(decision.annotation.length).toBeLessThanOrEqual(256);
    expect(decision.annotation).toContain(
      'per the credential report of 2026-11-28 04:00 UTC. Delete them.',
    );
  });

  it('fails when inactive keys are ignored and the report is unavailable (row 7)', () => {
    const facts = {
      eventLeftScope: false as const,
      summary: { accessKeysPresent: 1, passwordPresent: 1 },
      keys: {
        kind: 'unavailable' as const,
        source: RootKeySource.CredentialReport,
        reason: 'access denied',
      },
    };
    expect(() => decide(facts, ignoreInactive)).toThrow(CredentialReportUnavailableError);
    expect(() => decide(facts, ignoreInactive)).toThrow(/access denied/);
  });

  describe("with IAM's key list as the source (root sessions)", () => {
    const listed = (count: number, keys: RootAccessKey[]) => ({
      eventLeftScope: false as const,
      summary: { accessKeysPresent: count, passwordPresent: 1 },
      keys: { kind: 'available' as const, root: { source: RootKeySource.AccessKeyList, keys } },
    });
    const key = (id: string, active: boolean): RootAccessKey => ({
      accessKeyId: id,
      active,
      created: '2020-01-02',
    });

    it('names keys by id and says created (row 4)', () => {
      const decision = decide(listed(1, [key('AKIAIOSFODNN7EXAMPLE', true)]), defaults);
      expect(decision).toMatchObject({ row: 4, compliance: ComplianceType.NonCompliant });
      expect(decision.annotation).toBe(
        'Root user has 1 access key: key AKIAIOSFODNN7EXAMPLE active, never used, created 2020-01-02. Delete it.',
      );
    });

    it('decides IgnoreInactiveKeys from the list itself (rows 5 and 6)', () => {
      expect(decide(listed(1, [key('AKIA1', true)]), ignoreInactive).row).toBe(5);
      const inactive = decide(
        listed(2, [key('AKIA1', false), key('AKIA2', false)]),
        ignoreInactive,
      );
      expect(inactive).toMatchObject({ row: 6, compliance: ComplianceType.Compliant });
    });

    it('fails with a key-list error, not a report error, when the list misses keys (row 7)', () => {
      const error = errorOf(() => decide(listed(2, [key('AKIA1', false)]), ignoreInactive));
      expect(error).toBeInstanceOf(RootKeysUnavailableError);
      expect(error).not.toBeInstanceOf(CredentialReportUnavailableError);
      expect(error.message).toContain("IAM's list of the root user's keys shows 1");
    });
  });

  it('fails when inactive keys are ignored and no report was fetched (row 7)', () => {
    const facts = { eventLeftScope: false as const, summary: { accessKeysPresent: 1 } };
    expect(() => decide(facts, ignoreInactive)).toThrow(CredentialReportUnavailableError);
  });

  it('fails rather than report COMPLIANT when the report lists fewer keys than exist (row 7)', () => {
    expect(() => decide(withKeys(2, [inactiveKey]), ignoreInactive)).toThrow(
      /lists 1; it cannot prove the other keys inactive/,
    );
    expect(() => decide(withKeys(1, []), ignoreInactive)).toThrow(CredentialReportUnavailableError);
  });

  it.each([-1, 1.5, Number.NaN])('fails on an impossible key count %s', (count) => {
    expect(() =>
      decide({ eventLeftScope: false, summary: { accessKeysPresent: count } }, defaults),
    ).toThrow(RuleError);
  });

  it('keeps the annotation within 256 characters by dropping detail, not cutting words', () => {
    const verbose: RootAccessKey[] = [1, 2].map((slot) => ({
      slot: slot as 1 | 2,
      active: true,
      created: '2019-03-02',
      lastUsedDate: '2026-11-20',
      lastUsedService: 'a-very-long-service-name-that-goes-on-and-on-and-on-for-a-while',
      lastUsedRegion: 'ap-southeast-somewhere-very-far-away-1',
    }));
    const decision = decide(withKeys(2, verbose), defaults);
    expect(decision.annotation.length).toBeLessThanOrEqual(256);
    expect(decision.annotation).toBe(
      'Root user has 2 access keys: key 1 active, last used 2026-11-20; key 2 active, last used 2026-11-20. Delete them.',
    );
  });

  it('shortens a long unavailability reason at a word boundary and keeps the advice', () => {
    const decision = decide(
      {
        eventLeftScope: false,
        summary: { accessKeysPresent: 1 },
        keys: {
          kind: 'unavailable',
          source: RootKeySource.CredentialReport,
          reason: 'word '.repeat(100),
        },
      },
      defaults,
    );
    expect(decision.annotation.length).toBeLessThanOrEqual(256);
    expect(decision.annotation).toMatch(/word…\. Delete it\.$/);
  });
});
