import { readFileSync, writeFileSync } from 'node:fs';
import { Invariant } from './invariants.js';
import { type HeapVerdict, quantile, type Stats } from './stats.js';

/** What a run was, for the printed summary and the recorded figures. */
export interface RunSummary {
  readonly seed: number;
  readonly seconds: number;
  readonly stats: Stats;
  readonly heap: ReadonlyMap<string, HeapVerdict>;
  readonly coldLoadMs: readonly number[];
  readonly node: string;
}

/** The replay command of a violation. */
export function replayCommand(seed: number, n: number): string {
  return n < 0 ? `npm run soak -- --seed ${seed}` : `npm run soak -- --seed ${seed} --only ${n}`;
}

/** The summary as printed at the end of a run. */
export function printSummary(summary: RunSummary): string {
  const { stats } = summary;
  const lines = [
    `soak: seed ${summary.seed}, ${summary.seconds} s, ${stats.invocations} invocations (${stats.warm} warm, ${stats.cold} cold), ${summary.node}`,
    '',
    'invocations by worker:',
    ...table(stats.workers),
    '',
    'faults injected (invocations with the fault):',
    ...table(stats.faults),
    '',
    'events:',
    ...table(stats.events),
    '',
    'credential reports of accounts with root keys:',
    ...table(stats.reports),
    '',
    'outcomes:',
    ...table(stats.outcomes),
    '',
    'invariants (checked / violated):',
    ...Object.values(Invariant).map((invariant) => {
      const violated = stats.found.filter((found) => found.invariant === invariant).length;
      return `  ${String(stats.checked.get(invariant) ?? 0).padStart(7)} / ${String(violated).padEnd(5)} ${invariant}`;
    }),
    '',
    ...timings(summary).map((line) => `  ${line}`),
    ...[...summary.heap].map(([worker, verdict]) => `  heap of ${worker}: ${verdict.detail}`),
  ];
  if (stats.warnings.size > 0) lines.push('', 'process warnings:', ...table(stats.warnings));
  if (stats.found.length > 0) {
    lines.push('', `VIOLATIONS (${stats.found.length}):`);
    for (const found of stats.found.slice(0, 50)) {
      lines.push(`  [${found.invariant}] ${found.worker} #${found.n}: ${found.detail}`);
      lines.push(`    replay: ${replayCommand(summary.seed, found.n)}`);
    }
  }
  return lines.join('\n');
}

function timings({ stats, coldLoadMs }: RunSummary): string[] {
  const ms = (value: number) => `${Math.round(value)} ms`;
  return [
    `full-budget invocations: p50 ${ms(quantile(stats.fullBudgetMs, 0.5))}, p99 ${ms(quantile(stats.fullBudgetMs, 0.99))}, max ${ms(quantile(stats.fullBudgetMs, 1))}`,
    `short-budget invocations: ${stats.shortBudget}; the latest return relative to its budget: ${stats.maxOverBudgetMs > 0 ? '+' : ''}${ms(stats.maxOverBudgetMs)}`,
    `cold bundle load: median ${ms(quantile(coldLoadMs, 0.5))} over ${coldLoadMs.length} processes`,
    `logs scanned: ${(stats.logBytes / 1e6).toFixed(1)} MB`,
  ];
}

function table(counts: ReadonlyMap<string, number>): string[] {
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([key, count]) => `  ${String(count).padStart(7)}  ${key}`);
}

const START = '<!-- soak-figures:start -->';
const END = '<!-- soak-figures:end -->';

/** Rewrites the figures section of docs/reliability.md with this run's. */
export function recordFigures(file: string, summary: RunSummary): void {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file} has no ${START} … ${END} section`);
  const figures = ['```text', printSummary(summary), '```'].join('\n');
  writeFileSync(file, `${text.slice(0, start + START.length)}\n${figures}\n${text.slice(end)}`);
}
