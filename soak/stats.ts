import { FULL_BUDGET_MS } from './cases.js';
import { Invariant, type Violation } from './invariants.js';
import type { HeapSample, Run } from './worker.js';

/** A violation with what replays it. */
export interface Found extends Violation {
  readonly n: number;
  readonly worker: string;
}

/** Counts of a run, by what was injected and by what was checked. */
export class Stats {
  invocations = 0;
  warm = 0;
  cold = 0;
  readonly workers = new Map<string, number>();
  readonly faults = new Map<string, number>();
  readonly events = new Map<string, number>();
  readonly reports = new Map<string, number>();
  readonly outcomes = new Map<string, number>();
  readonly checked = new Map<Invariant, number>();
  readonly found: Found[] = [];
  readonly warnings = new Map<string, number>();
  /** Most ms past its budget an invocation took (negative: always early). */
  maxOverBudgetMs = Number.NEGATIVE_INFINITY;
  /** Durations of invocations with the full budget, for percentiles. */
  readonly fullBudgetMs: number[] = [];
  shortBudget = 0;
  logBytes = 0;

  add(run: Run): void {
    const { case: c, outcome } = run;
    this.invocations++;
    if (c.cold) this.cold++;
    else this.warm++;
    bump(this.workers, c.worker);
    for (const fault of c.faults) bump(this.faults, fault.kind);
    bump(
      this.events,
      c.malformation === undefined ? `${c.mode} ${c.eventKind}` : `malformed: ${c.malformation}`,
    );
    if (c.facts.keyCount > 0) bump(this.reports, c.facts.report);
    bump(
      this.outcomes,
      outcome.hung ? 'hung' : outcome.ok ? `${outcome.compliance}` : `${outcome.errorName}`,
    );
    for (const warning of outcome.warnings) bump(this.warnings, warning);
    for (const invariant of Object.values(Invariant)) {
      if (invariant !== Invariant.Heap)
        this.checked.set(invariant, (this.checked.get(invariant) ?? 0) + 1);
    }
    for (const violation of run.violations)
      this.found.push({ ...violation, n: c.n, worker: c.worker });
    this.maxOverBudgetMs = Math.max(this.maxOverBudgetMs, outcome.ms - c.budgetMs);
    if (c.budgetMs === FULL_BUDGET_MS) this.fullBudgetMs.push(outcome.ms);
    else this.shortBudget++;
    this.logBytes += outcome.logs.length;
  }

  /** Checks invariant e for one warm worker's heap samples. */
  checkHeap(worker: string, samples: readonly HeapSample[]): HeapVerdict {
    const verdict = judgeHeap(samples);
    if (verdict.stable !== undefined) {
      this.checked.set(Invariant.Heap, (this.checked.get(Invariant.Heap) ?? 0) + 1);
    }
    if (verdict.stable === false) {
      this.found.push({ invariant: Invariant.Heap, detail: verdict.detail, n: -1, worker });
    }
    return verdict;
  }
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Invocations a warm child runs before its heap counts: lazy modules, JIT, the role cache filling. */
export const HEAP_WARM_UP = 300;
/** Growth per invocation past which the heap counts as growing. */
export const HEAP_SLOPE_LIMIT_BYTES = 2_048;

/** What invariant e says of one warm worker. */
export interface HeapVerdict {
  /** Undefined when too few invocations ran to judge. */
  readonly stable: boolean | undefined;
  readonly detail: string;
  readonly invocations: number;
  readonly firstBytes?: number;
  readonly lastBytes?: number;
  readonly slopeBytes?: number;
}

/** Least-squares growth of the heap per invocation, after the warm-up. */
export function judgeHeap(samples: readonly HeapSample[]): HeapVerdict {
  const counted = samples.filter((sample) => sample.invocations >= HEAP_WARM_UP);
  const invocations = samples[samples.length - 1]?.invocations ?? 0;
  const first = counted[0];
  const last = counted[counted.length - 1];
  if (
    counted.length < 3 ||
    first === undefined ||
    last === undefined ||
    last.invocations - first.invocations < 500
  ) {
    return {
      stable: undefined,
      detail: `too few warm invocations to judge (${invocations})`,
      invocations,
    };
  }
  const meanX = counted.reduce((sum, s) => sum + s.invocations, 0) / counted.length;
  const meanY = counted.reduce((sum, s) => sum + s.heapUsed, 0) / counted.length;
  const covariance = counted.reduce(
    (sum, s) => sum + (s.invocations - meanX) * (s.heapUsed - meanY),
    0,
  );
  const variance = counted.reduce((sum, s) => sum + (s.invocations - meanX) ** 2, 0);
  const slopeBytes = covariance / variance;
  const stable = slopeBytes <= HEAP_SLOPE_LIMIT_BYTES;
  return {
    stable,
    detail: `${(first.heapUsed / 1e6).toFixed(1)} MB after ${first.invocations} invocations, ${(last.heapUsed / 1e6).toFixed(1)} MB after ${last.invocations}: ${(slopeBytes / 1024).toFixed(2)} KB per invocation (limit ${HEAP_SLOPE_LIMIT_BYTES / 1024} KB)`,
    invocations,
    firstBytes: first.heapUsed,
    lastBytes: last.heapUsed,
    slopeBytes,
  };
}

/** The value at quantile `q` of `values`. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
