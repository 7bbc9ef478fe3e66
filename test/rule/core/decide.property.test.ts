import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ComplianceType } from '../../../definition/config.js';
import { decide } from '../../../rule/src/core/decide.js';
import { RuleError } from '../../../rule/src/core/errors.js';
import {
  type RootAccessKey,
  RootKeySource,
  type RootKeysOutcome,
} from '../../../rule/src/core/facts.js';
import type { RuleParameters } from '../../../rule/src/core/parameters.js';

const date = fc
  .date({ min: new Date('2010-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const keySlot = (slot: 1 | 2): fc.Arbitrary<RootAccessKey> =>
  fc.record(
    {
      slot: fc.constant(slot),
      active: fc.boolean(),
      created: date,
      lastUsedDate: date,
      lastUsedRegion: fc.string({ maxLength: 80 }),
      lastUsedService: fc.string({ maxLength: 80 }),
    },
    { requiredKeys: ['slot', 'active'] },
  );

const report: fc.Arbitrary<RootKeysOutcome> = fc.oneof(
  fc.record({
    kind: fc.constant('unavailable' as const),
    source: fc.constantFrom(...Object.values(RootKeySource)),
    reason: fc.string({ maxLength: 400 }),
  }),
  fc
    .tuple(
      fc.option(keySlot(1), { nil: undefined }),
      fc.option(keySlot(2), { nil: undefined }),
      fc.constantFrom(...Object.values(RootKeySource)),
    )
    .map(([one, two, source]) => ({
      kind: 'available' as const,
      root: { source, keys: [one, two].filter((key): key is RootAccessKey => key !== undefined) },
    })),
);

const parameters: fc.Arbitrary<RuleParameters> = fc.record({
  ignoreInactiveKeys: fc.boolean(),
  rootWithoutCredentials: fc.constantFrom(ComplianceType.Compliant, ComplianceType.NotApplicable),
});

const facts = fc.record(
  {
    eventLeftScope: fc.constant(false as const),
    summary: fc.record(
      {
        accessKeysPresent: fc.integer({ min: 0, max: 3 }),
        passwordPresent: fc.integer({ min: 0, max: 1 }),
      },
      { requiredKeys: ['accessKeysPresent'] },
    ),
    report,
  },
  { requiredKeys: ['eventLeftScope', 'summary'] },
);

describe('decide, for any facts', () => {
  it('never reports COMPLIANT unless the summary shows no key or the report proves every key inactive', () => {
    fc.assert(
      fc.property(facts, parameters, (input, params) => {
        let compliance: string;
        try {
          compliance = decide(input, params).compliance;
        } catch (error) {
          expect(error).toBeInstanceOf(RuleError);
          return;
        }
        if (compliance !== ComplianceType.Compliant) return;
        const keys = input.summary.accessKeysPresent;
        if (keys === 0) return;
        expect(params.ignoreInactiveKeys).toBe(true);
        expect(input.report?.kind).toBe('available');
        if (input.report?.kind === 'available') {
          expect(input.report.root.keys.length).toBeGreaterThanOrEqual(keys);
          expect(input.report.root.keys.every((key) => !key.active)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('always reports NON_COMPLIANT for keys when inactive keys count', () => {
    fc.assert(
      fc.property(facts, parameters, (input, params) => {
        fc.pre(input.summary.accessKeysPresent > 0);
        expect(decide(input, { ...params, ignoreInactiveKeys: false }).compliance).toBe(
          ComplianceType.NonCompliant,
        );
      }),
    );
  });

  it('always keeps the annotation within 256 characters', () => {
    fc.assert(
      fc.property(facts, parameters, (input, params) => {
        try {
          expect(decide(input, params).annotation.length).toBeLessThanOrEqual(256);
        } catch (error) {
          expect(error).toBeInstanceOf(RuleError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
