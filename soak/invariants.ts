import * as awsErrors from '../aws/errors.js';
import * as ruleErrors from '../rule/src/core/errors.js';
import type { RecordedCall } from '../tools/aws-endpoint/index.js';
import { type Case, EventKind } from './cases.js';
import { expectedVerdict, isFaultFree, mustRefuse, proven } from './oracle.js';
import type { CaseRecord } from './world.js';

/** The invariants the soak checks after every invocation (docs/reliability.md). */
export const Invariant = {
  Verdict: 'a: no COMPLIANT without evidence',
  Validation: 'b: nothing done for an invalid event',
  Budget: 'c: done within the time budget',
  Crash: 'd: no crash, no unhandled rejection',
  Heap: 'e: heap stable when warm',
  Secrets: 'f: no secret in the logs',
  Table: 'g: fault-free cases get the decision table\u2019s verdict',
} as const;
export type Invariant = (typeof Invariant)[keyof typeof Invariant];

/** How long past its budget an invocation may take: the event loop's own jitter. */
export const BUDGET_MARGIN_MS = 250;

/** What one invocation did, as the child and the endpoint saw it. */
export interface Outcome {
  readonly ok: boolean;
  readonly compliance?: string;
  readonly errorName?: string;
  readonly message?: string;
  readonly ms: number;
  readonly logs: string;
  readonly problems: readonly string[];
  readonly warnings: readonly string[];
  /** The child never answered (killed after the budget and a grace period). */
  readonly hung?: boolean;
}

/** A broken invariant, with what shows it. */
export interface Violation {
  readonly invariant: Invariant;
  readonly detail: string;
}

/**
 * Names of the errors the rule raises on purpose, its own and the AWS
 * toolkit's (a call failed, was denied, ran out of time): any other error
 * escaping the handler is a crash.
 */
const RULE_ERROR_NAMES: ReadonlySet<string> = new Set(
  Object.entries({ ...ruleErrors, ...awsErrors })
    .filter(([, value]) => typeof value === 'function' && value.prototype instanceof Error)
    .map(([name]) => name),
);

/** Checks invariants a, b, c, d, f and g of one invocation. */
export function checkInvocation(
  c: Case,
  outcome: Outcome,
  calls: readonly RecordedCall[],
  record: CaseRecord,
  secrets: readonly string[],
): Violation[] {
  return [
    ...checkVerdicts(c, calls, record),
    ...checkValidation(c, outcome, calls),
    ...checkBudget(c, outcome),
    ...checkCrash(outcome),
    ...checkSecrets(c, outcome, secrets),
    ...checkTable(c, outcome),
  ];
}

function checkVerdicts(c: Case, calls: readonly RecordedCall[], record: CaseRecord): Violation[] {
  const violations = record.anomalies.map((detail) => ({ invariant: Invariant.Verdict, detail }));
  for (const evaluation of sentEvaluations(calls)) {
    const id = String(evaluation.ComplianceResourceId);
    const compliance = String(evaluation.ComplianceType);
    if (id !== c.facts.accountId) {
      violations.push({
        invariant: Invariant.Verdict,
        detail: `evaluation for ${id}, not ${c.facts.accountId}`,
      });
    }
    const leftScope = c.eventKind === EventKind.LeftScope;
    if (
      c.facts.keyCount > 0 &&
      !leftScope &&
      compliance !== 'NON_COMPLIANT' &&
      !proven(c, record)
    ) {
      violations.push({
        invariant: Invariant.Verdict,
        detail: `${compliance} with ${c.facts.keyCount} root key(s), without a readable report proving them inactive`,
      });
    }
  }
  return violations;
}

function sentEvaluations(calls: readonly RecordedCall[]): Record<string, unknown>[] {
  return calls
    .filter((call) => call.action === 'PutEvaluations')
    .flatMap((call) => (call.params.Evaluations ?? []) as Record<string, unknown>[]);
}

function checkValidation(c: Case, outcome: Outcome, calls: readonly RecordedCall[]): Violation[] {
  if (!mustRefuse(c)) return [];
  const violations: Violation[] = [];
  if (calls.length > 0) {
    violations.push({
      invariant: Invariant.Validation,
      detail: `${calls.length} AWS call(s) for a ${c.malformation ?? c.eventKind} event: ${calls.map((call) => call.action).join(', ')}`,
    });
  }
  const refused =
    outcome.errorName === 'InvalidEventError' || outcome.errorName === 'InvalidParameterError';
  if (!refused) {
    violations.push({
      invariant: Invariant.Validation,
      detail: `a ${c.malformation ?? c.eventKind} event ended in ${outcome.ok ? `a ${outcome.compliance} result` : outcome.errorName}, not InvalidEventError or InvalidParameterError`,
    });
  }
  return violations;
}

function checkBudget(c: Case, outcome: Outcome): Violation[] {
  if (outcome.hung) {
    return [
      {
        invariant: Invariant.Budget,
        detail: `no answer within ${c.budgetMs} ms and a grace period`,
      },
    ];
  }
  if (outcome.ms <= c.budgetMs + BUDGET_MARGIN_MS) return [];
  return [
    {
      invariant: Invariant.Budget,
      detail: `took ${Math.round(outcome.ms)} ms of a ${c.budgetMs} ms budget`,
    },
  ];
}

function checkCrash(outcome: Outcome): Violation[] {
  const violations = outcome.problems.map((detail) => ({ invariant: Invariant.Crash, detail }));
  if (!outcome.ok && !outcome.hung && !RULE_ERROR_NAMES.has(outcome.errorName ?? '')) {
    violations.push({
      invariant: Invariant.Crash,
      detail: `the handler threw ${outcome.errorName}, not an error of the rule or the AWS toolkit: ${outcome.message}`,
    });
  }
  return violations;
}

function checkSecrets(c: Case, outcome: Outcome, secrets: readonly string[]): Violation[] {
  const leaked = secrets.filter((secret) => outcome.logs.includes(secret));
  if (c.resultToken !== 'TESTMODE' && outcome.logs.includes(c.resultToken)) {
    leaked.push('the result token');
  }
  return leaked.map((secret) => ({
    invariant: Invariant.Secrets,
    detail: `the logs hold ${secret === 'the result token' ? secret : `secret ${secret.slice(0, 16)}…`}`,
  }));
}

function checkTable(c: Case, outcome: Outcome): Violation[] {
  if (!isFaultFree(c) || outcome.hung) return [];
  const expected = expectedVerdict(c);
  const actual = outcome.ok ? (outcome.compliance ?? '') : 'fail';
  if (expected === actual) return [];
  return [
    {
      invariant: Invariant.Table,
      detail: `expected ${expected}, got ${outcome.ok ? actual : `${outcome.errorName}: ${outcome.message}`}`,
    },
  ];
}
