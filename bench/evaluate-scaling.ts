import type { AwsEndpoint } from '../tools/aws-endpoint/index.js';
import { generatedAccountId } from '../tools/aws-endpoint/index.js';
import type { CommandChild } from '../tools/child-process/parent.js';
import type { EvaluateRunResult } from './cli-host.js';
import { BENCH } from './scenario.js';
import { round } from './stats.js';

/** One `evaluate --organization` run at a given concurrency. */
export interface EvaluateRun {
  readonly concurrency: number;
  readonly accounts: number;
  /** Accounts per second over the evaluation phase (first account started to last done). */
  readonly accountsPerSecond: number;
  /** Accounts per second over the whole command, caller identity and listing included. */
  readonly endToEndAccountsPerSecond: number;
  readonly evaluateMs: number;
  readonly totalMs: number;
  /** CPU time of the tool's process per account, whole command. */
  readonly cpuMsPerAccount: number;
  /** accountsPerSecond / (concurrency × accountsPerSecond at concurrency 1). */
  readonly scalingEfficiency: number;
  readonly byCompliance: Readonly<Record<string, number>>;
  /** AWS calls by `service:Action`, counted by the endpoint. */
  readonly calls: Readonly<Record<string, number>>;
}

/** The scaling of `evaluate` across concurrencies. */
export interface EvaluateScaling {
  readonly accounts: number;
  readonly modelledLatencyMs: number;
  readonly runs: readonly EvaluateRun[];
}

/** Concurrencies measured, the first being the baseline of the scaling efficiency. */
export const CONCURRENCIES = [1, 10, 50] as const;

/**
 * Runs `evaluate --organization --role-name …` over the simulated
 * organization at each concurrency, after a discarded warm-up over 100
 * accounts. The endpoint (in this process) answers every call after the
 * modelled latency; the tool runs in its own process.
 */
export async function measureEvaluateScaling(
  endpoint: AwsEndpoint,
  cli: CommandChild,
  accounts: number,
  latencyMs: number,
): Promise<EvaluateScaling> {
  await cli.request('evaluate', {
    concurrency: 10,
    roleName: BENCH.roleName,
    accounts: Array.from({ length: Math.min(100, accounts) }, (_, index) =>
      generatedAccountId(index),
    ),
  });
  const runs: EvaluateRun[] = [];
  for (const concurrency of CONCURRENCIES) {
    endpoint.reset();
    const result = await cli.request<EvaluateRunResult>('evaluate', {
      concurrency,
      roleName: BENCH.roleName,
    });
    const evaluated = Object.values(result.byCompliance).reduce((sum, count) => sum + count, 0);
    if (evaluated !== accounts || (result.byCompliance.ERROR ?? 0) > 0) {
      throw new Error(
        `evaluate at concurrency ${concurrency}: expected ${accounts} evaluated accounts, got ${JSON.stringify(result.byCompliance)}`,
      );
    }
    const rate = (accounts / result.evaluateMs) * 1000;
    const baseline = runs[0]?.accountsPerSecond ?? rate;
    runs.push({
      concurrency,
      accounts,
      accountsPerSecond: round(rate),
      endToEndAccountsPerSecond: round((accounts / result.totalMs) * 1000),
      evaluateMs: round(result.evaluateMs),
      totalMs: round(result.totalMs),
      cpuMsPerAccount: round(result.cpuMs / accounts, 2),
      scalingEfficiency: round(rate / (concurrency * baseline), 2),
      byCompliance: result.byCompliance,
      calls: countByAction(endpoint),
    });
  }
  return { accounts, modelledLatencyMs: latencyMs, runs };
}

/** The endpoint's recorded calls by `service:Action`. */
export function countByAction(endpoint: AwsEndpoint): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of endpoint.calls) {
    const key = `${call.service}:${call.action}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
