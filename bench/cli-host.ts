/**
 * Bench child: runs the command-line tool's commands in-process (the same
 * functions `evaluate` and `report` call) against the endpoint the parent set
 * in the environment, and times them. Run with the tsx loader.
 */

import { writeFileSync } from 'node:fs';
import { evaluateAccounts } from '../cli/src/commands/evaluate/evaluate.js';
import { type Coverage, readAggregatorReport } from '../cli/src/commands/report/report.js';
import { reportView } from '../cli/src/commands/report/report-view.js';
import { renderRows } from '../cli/src/output/render.js';
import { serveCommands } from '../tools/child-process/serve.mjs';

/** Arguments of the `evaluate` command. */
export interface EvaluateRunArgs {
  readonly concurrency: number;
  readonly roleName: string;
  /** Evaluate these accounts; without it, every ACTIVE account of the organization. */
  readonly accounts?: readonly string[];
}

/** What an `evaluate` run measured. */
export interface EvaluateRunResult {
  /** From the call to its result: caller identity, listing, evaluation. */
  readonly totalMs: number;
  /** From the first account started to the last one done. */
  readonly evaluateMs: number;
  /** CPU time of this process (all threads) over the whole command. */
  readonly cpuMs: number;
  /** Rows by compliance (`ERROR` for accounts that could not be evaluated). */
  readonly byCompliance: Readonly<Record<string, number>>;
}

/** Arguments of the `report` command. */
export interface ReportRunArgs {
  readonly aggregatorName: string;
  readonly concurrency: number;
  /** Also render the rows as the HTML page, into this file. @default no page */
  readonly htmlFile?: string;
}

/** What a `report` run measured. */
export interface ReportRunResult {
  readonly totalMs: number;
  /** CPU time of this process (all threads) over the whole command. */
  readonly cpuMs: number;
  readonly rows: number;
  readonly byCompliance: Readonly<Record<string, number>>;
  /** Pages as the tool counted them. */
  readonly pages: { readonly summary: number; readonly details: number };
  readonly ruleNames: readonly string[];
  readonly coverage: Coverage;
  /** The HTML page, when asked for: render time (after the reads) and size. */
  readonly html?: { readonly renderMs: number; readonly bytes: number };
}

function tally(rows: readonly { readonly compliance: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.compliance] = (counts[row.compliance] ?? 0) + 1;
  return counts;
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function evaluate(args: EvaluateRunArgs): Promise<EvaluateRunResult> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let evaluationStarted = Number.NaN;
  const { rows } = await evaluateAccounts({
    ...(args.accounts === undefined ? { organization: true } : { accounts: args.accounts }),
    roleName: args.roleName,
    concurrency: args.concurrency,
    onProgress: (done) => {
      if (done === 0) evaluationStarted = performance.now();
    },
  });
  const ended = performance.now();
  return {
    totalMs: ended - started,
    evaluateMs: ended - evaluationStarted,
    cpuMs: cpuMsSince(cpu),
    byCompliance: tally(rows),
  };
}

async function report(args: ReportRunArgs): Promise<ReportRunResult> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await readAggregatorReport({
    aggregatorName: args.aggregatorName,
    concurrency: args.concurrency,
  });
  const totalMs = performance.now() - started;
  const cpuMs = cpuMsSince(cpu);
  let html: ReportRunResult['html'];
  if (args.htmlFile !== undefined) {
    const renderStarted = performance.now();
    const page = await renderRows(result.rows, 'html', reportView(result, 'root-access-key-rule'));
    html = { renderMs: performance.now() - renderStarted, bytes: Buffer.byteLength(page) };
    writeFileSync(args.htmlFile, page);
  }
  return {
    totalMs,
    cpuMs,
    rows: result.rows.length,
    byCompliance: tally(result.rows),
    pages: result.pages,
    ruleNames: result.ruleNames,
    coverage: result.coverage,
    ...(html && { html }),
  };
}

const commands: Record<string, (args: never) => Promise<unknown>> = { evaluate, report };

serveCommands(commands);
