import type { AwsEndpoint } from '../tools/aws-endpoint/index.js';
import type { BenchChild } from './child-process.js';
import type { ReportRunResult } from './cli-host.js';
import { countByAction } from './evaluate-scaling.js';
import { BENCH } from './scenario.js';
import { round } from './stats.js';

/** One `report --aggregator …` run. */
export interface ReportRun {
  readonly concurrency: number;
  readonly accounts: number;
  readonly totalMs: number;
  /** CPU time of the tool's process, whole command. */
  readonly cpuMs: number;
  readonly rows: number;
  readonly byCompliance: Readonly<Record<string, number>>;
  /** Pages (calls) per API, counted by the endpoint. */
  readonly pages: Readonly<Record<string, number>>;
  /** Pages as the tool counted them: summary and details. */
  readonly toolPages: { readonly summary: number; readonly details: number };
}

/** The `report` figures. */
export interface ReportPaging {
  readonly accounts: number;
  readonly modelledLatencyMs: number;
  readonly runs: readonly ReportRun[];
}

/** Concurrencies of the report runs: the tool's default, and the evaluate maximum measured. */
export const REPORT_CONCURRENCIES = [10, 50] as const;

/**
 * Runs `report --aggregator …` over an aggregator holding `accounts`
 * accounts' results (the rule under three deployed names, and two other
 * rules), at each concurrency, with the modelled latency on every call.
 *
 * @throws Error when a run does not return one row per account
 */
export async function measureReportPaging(
  endpoint: AwsEndpoint,
  cli: BenchChild,
  accounts: number,
  latencyMs: number,
): Promise<ReportPaging> {
  const runs: ReportRun[] = [];
  for (const concurrency of REPORT_CONCURRENCIES) {
    endpoint.reset();
    const result = await cli.request<ReportRunResult>('report', {
      aggregatorName: BENCH.aggregatorName,
      concurrency,
    });
    if (result.rows !== accounts || (result.byCompliance.ERROR ?? 0) > 0) {
      throw new Error(
        `report at concurrency ${concurrency}: expected ${accounts} rows, got ${result.rows} (${JSON.stringify(result.byCompliance)})`,
      );
    }
    runs.push({
      concurrency,
      accounts,
      totalMs: round(result.totalMs),
      cpuMs: round(result.cpuMs),
      rows: result.rows,
      byCompliance: result.byCompliance,
      pages: countByAction(endpoint),
      toolPages: result.pages,
    });
  }
  return { accounts, modelledLatencyMs: latencyMs, runs };
}
