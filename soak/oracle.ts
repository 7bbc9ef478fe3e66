import { type Case, EventKind, FULL_BUDGET_MS, Mode, READABLE_REPORTS } from './cases.js';
import type { CaseRecord } from './world.js';

/*
 * What the rule must do with a case, worked out from the case alone (the
 * decision table of docs/rule.md, the contract of SPEC.md §2), independently
 * of the rule's code.
 */

/** Whether the case's event must be refused before any call. */
export function mustRefuse(c: Case): boolean {
  if (c.eventKind === EventKind.Malformed) return true;
  const change = c.eventKind === EventKind.Change || c.eventKind === EventKind.Oversized;
  return change && c.mode === Mode.Organization;
}

/** Whether the evidence served proves every root key inactive (what COMPLIANT with keys needs). */
export function proven(c: Case, record: CaseRecord): boolean {
  if (
    !c.parameters.ignoreInactiveKeys ||
    !record.reportServed ||
    !READABLE_REPORTS.has(c.facts.report)
  ) {
    return false;
  }
  const states = c.facts.slots.map((slot) => (slot?.active ?? 'false').trim().toLowerCase());
  const listed = c.facts.slots.filter((slot) => slot?.rotated === true).length;
  return states.every((state) => state === 'false') && listed >= c.facts.keyCount;
}

/**
 * The verdict a fault-free case must get, by the decision table
 * (docs/rule.md), or `fail` when the invocation must fail (row 7).
 */
export function expectedVerdict(c: Case): string {
  if (c.eventKind === EventKind.LeftScope) return 'NOT_APPLICABLE';
  const { keyCount, password, slots, report } = c.facts;
  if (keyCount === 0) return password ? 'COMPLIANT' : c.parameters.rootWithoutCredentials;
  if (!c.parameters.ignoreInactiveKeys) return 'NON_COMPLIANT';
  if (!READABLE_REPORTS.has(report)) return 'fail';
  const states = slots.map((slot) => (slot?.active ?? 'false').trim().toLowerCase());
  if (states.some((state) => state !== 'true' && state !== 'false')) return 'fail';
  if (states.includes('true')) return 'NON_COMPLIANT';
  const listed = slots.filter((slot) => slot?.rotated === true).length;
  return listed >= keyCount ? 'COMPLIANT' : 'fail';
}

/** Whether a case has nothing that may make it fail: no fault, the full budget, a valid event. */
export function isFaultFree(c: Case): boolean {
  return c.faults.length === 0 && c.budgetMs === FULL_BUDGET_MS && !mustRefuse(c);
}
