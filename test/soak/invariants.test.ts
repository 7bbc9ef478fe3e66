import { describe, expect, it } from 'vitest';
import { caseOf } from '../../soak/case-generator.js';
import { type Case, EventKind, FULL_BUDGET_MS, ReportState } from '../../soak/cases.js';
import { checkInvocation, Invariant, type Outcome } from '../../soak/invariants.js';
import { expectedVerdict } from '../../soak/oracle.js';
import { judgeHeap } from '../../soak/stats.js';
import type { RecordedCall } from '../../tools/aws-endpoint/index.js';

/** A fault-free periodic case of an account with one root key. */
function keyedCase(overrides: Partial<Case> = {}): Case {
  const base = caseOf(1, 0);
  return {
    ...base,
    eventKind: EventKind.Periodic,
    faults: [],
    budgetMs: FULL_BUDGET_MS,
    parameters: { ...base.parameters, ignoreInactiveKeys: true },
    resultToken: 'soak-result-token-0123456789abcdef',
    facts: {
      accountId: '012345678912',
      keyCount: 1,
      password: true,
      slots: [{ active: 'false', rotated: true, used: false }, undefined],
      report: ReportState.Ready,
      polls: 0,
    },
    ...overrides,
  };
}

const ok = (compliance: string): Outcome => ({
  ok: true,
  compliance,
  ms: 12,
  logs: '',
  problems: [],
  warnings: [],
});

function put(accountId: string, compliance: string): RecordedCall {
  return {
    service: 'config',
    action: 'PutEvaluations',
    params: { Evaluations: [{ ComplianceResourceId: accountId, ComplianceType: compliance }] },
    accessKeyId: 'AKIDBASEEXAMPLEKEY01',
    sessionToken: undefined,
    region: 'us-east-1',
    time: 0,
  };
}

const invariantsOf = (violations: { invariant: string }[]) => violations.map((v) => v.invariant);

describe('soak invariants', () => {
  it('accept COMPLIANT for a key the served report proves inactive', () => {
    const c = keyedCase();
    const record = { reportServed: true, anomalies: [] };
    expect(
      checkInvocation(c, ok('COMPLIANT'), [put(c.facts.accountId, 'COMPLIANT')], record, []),
    ).toEqual([]);
  });

  it('flag (a) COMPLIANT for a root key when no readable report was served', () => {
    const c = keyedCase();
    const record = { reportServed: false, anomalies: [] };
    const violations = checkInvocation(
      c,
      ok('COMPLIANT'),
      [put(c.facts.accountId, 'COMPLIANT')],
      record,
      [],
    );
    expect(invariantsOf(violations)).toContain(Invariant.Verdict);
  });

  it('flag (a) COMPLIANT when a key state is odd, even with a report served', () => {
    const c = keyedCase({
      facts: {
        ...keyedCase().facts,
        slots: [{ active: 'yes', rotated: true, used: false }, undefined],
      },
    });
    const violations = checkInvocation(
      c,
      ok('COMPLIANT'),
      [put(c.facts.accountId, 'COMPLIANT')],
      { reportServed: true, anomalies: [] },
      [],
    );
    expect(invariantsOf(violations)).toContain(Invariant.Verdict);
  });

  it('flag (b) any AWS call, and any result, for a malformed event', () => {
    const c = keyedCase({ eventKind: EventKind.Malformed, malformation: 'account-id-missing' });
    const violations = checkInvocation(
      c,
      ok('COMPLIANT'),
      [put(c.facts.accountId, 'NON_COMPLIANT')],
      { reportServed: false, anomalies: [] },
      [],
    );
    expect(invariantsOf(violations).filter((name) => name === Invariant.Validation)).toHaveLength(
      2,
    );
  });

  it('flag (c) an invocation past its budget and margin, (d) an error that is no RuleError', () => {
    const c = keyedCase({ budgetMs: 1_000 });
    const outcome: Outcome = {
      ok: false,
      errorName: 'TypeError',
      message: 'x is undefined',
      ms: 1_400,
      logs: '',
      problems: ['unhandled rejection: Error: late'],
      warnings: [],
    };
    const violations = invariantsOf(
      checkInvocation(c, outcome, [], { reportServed: false, anomalies: [] }, []),
    );
    expect(violations).toContain(Invariant.Budget);
    expect(violations.filter((name) => name === Invariant.Crash)).toHaveLength(2);
  });

  it('flag (f) a secret or the whole result token in the logs', () => {
    const c = keyedCase();
    const outcome = { ...ok('NON_COMPLIANT'), logs: `token ${c.resultToken} and soak-secret-abc` };
    const violations = checkInvocation(c, outcome, [], { reportServed: true, anomalies: [] }, [
      'soak-secret-abc',
    ]);
    expect(invariantsOf(violations).filter((name) => name === Invariant.Secrets)).toHaveLength(2);
  });

  it('flag (g) a fault-free case whose verdict is not the decision table\u2019s', () => {
    const c = keyedCase({ parameters: { ...caseOf(1, 0).parameters, ignoreInactiveKeys: false } });
    expect(expectedVerdict(c)).toBe('NON_COMPLIANT');
    const violations = checkInvocation(
      c,
      ok('NOT_APPLICABLE'),
      [],
      { reportServed: false, anomalies: [] },
      [],
    );
    expect(invariantsOf(violations)).toContain(Invariant.Table);
  });
});

describe('soak heap judge (e)', () => {
  const samples = (bytesPerInvocation: number) =>
    Array.from({ length: 12 }, (_, index) => ({
      invocations: 1 + index * 250,
      heapUsed: 10e6 + index * 250 * bytesPerInvocation,
    }));

  it('finds a heap stable that grows by a few hundred bytes per invocation', () => {
    expect(judgeHeap(samples(200)).stable).toBe(true);
  });

  it('finds growing the heap of a per-account cache without bound (about 40 KB per invocation)', () => {
    expect(judgeHeap(samples(40_000)).stable).toBe(false);
  });

  it('judges nothing from too few invocations', () => {
    expect(judgeHeap(samples(40_000).slice(0, 3)).stable).toBeUndefined();
  });
});
