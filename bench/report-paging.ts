import type { Coverage } from '../cli/src/commands/report/report.js';
import type { AwsEndpoint } from '../tools/aws-endpoint/index.js';
import type { CommandChild } from '../tools/child-process/parent.js';
import type { ReportRunResult } from './cli-host.js';
import { countByAction } from './evaluate-scaling.js';
import { BENCH, reportAccountKind } from './scenario.js';
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
  /** Calls (pages) per API, counted by the endpoint: the aggregator, the tree, the pack. */
  readonly pages: Readonly<Record<string, number>>;
  /** Pages as the tool counted them: summary and details. */
  readonly toolPages: { readonly summary: number; readonly details: number };
  readonly coverage: Coverage;
}

/** The `report` figures. */
export interface ReportPaging {
  readonly accounts: number;
  readonly modelledLatencyMs: number;
  readonly runs: readonly ReportRun[];
  /** The HTML page of the first run: render time and size. */
  readonly html: { readonly renderMs: number; readonly bytes: number };
}

/** Concurrencies of the report runs: the tool's default, and the evaluate maximum measured. */
export const REPORT_CONCURRENCIES = [10, 50] as const;

/**
 * Runs `report --aggregator …` over an organization of `accounts` accounts
 * (see `reportWorld`: the aggregator's results under three deployed names
 * and two other rules', the OU tree, the pack's status in every account), at
 * each concurrency, with the modelled latency on every call. The first run
 * also renders the HTML page into `htmlFile`.
 *
 * @throws Error when a run does not give every ACTIVE account its row
 */
export async function measureReportPaging(
  endpoint: AwsEndpoint,
  cli: CommandChild,
  accounts: number,
  latencyMs: number,
  htmlFile: string,
): Promise<ReportPaging> {
  const expected = expectedRows(accounts);
  const runs: ReportRun[] = [];
  let html: ReportPaging['html'] | undefined;
  for (const concurrency of REPORT_CONCURRENCIES) {
    endpoint.reset();
    const result = await cli.request<ReportRunResult>('report', {
      aggregatorName: BENCH.aggregatorName,
      concurrency,
      ...(html === undefined && { htmlFile }),
    });
    const { byCompliance } = result;
    if (
      result.rows !== expected.rows ||
      (byCompliance.ERROR ?? 0) > 0 ||
      byCompliance.NO_RESULT !== expected.failed ||
      byCompliance.EXCLUDED !== expected.excluded
    ) {
      throw new Error(
        `report at concurrency ${concurrency}: expected ${expected.rows} rows, ${expected.failed} NO_RESULT and ${expected.excluded} EXCLUDED, got ${result.rows} (${JSON.stringify(byCompliance)})`,
      );
    }
    html ??= result.html;
    runs.push({
      concurrency,
      accounts,
      totalMs: round(result.totalMs),
      cpuMs: round(result.cpuMs),
      rows: result.rows,
      byCompliance,
      pages: countByAction(endpoint),
      toolPages: result.pages,
      coverage: result.coverage,
    });
  }
  if (html === undefined) throw new Error('report rendered no HTML page');
  return {
    accounts,
    modelledLatencyMs: latencyMs,
    runs,
    html: { renderMs: round(html.renderMs), bytes: html.bytes },
  };
}

/** Rows a report of {@link reportWorld} must give: one per ACTIVE account. */
function expectedRows(accounts: number) {
  const kinds = Array.from({ length: accounts }, (_, index) => reportAccountKind(index));
  const count = (kind: string) => kinds.filter((each) => each === kind).length;
  return {
    rows: accounts - count('suspended'),
    failed: count('failed'),
    excluded: count('excluded'),
  };
}
