import type { HostedHandler } from './call-counts.js';
import { type DurationSummary, summarize } from './stats.js';

/** Warm latency of one path of the bundled handler. */
export interface WarmLatency {
  readonly path: string;
  readonly compliance: string;
  /** Invocations discarded first (JIT warm-up). */
  readonly warmup: number;
  readonly ms: DurationSummary;
  /** AWS calls per measured invocation, counted by the endpoint. */
  readonly callsPerInvocation: number;
}

const WARMUP = 50;

/**
 * Invokes the bundled handler `invocations` times in a row with `event`
 * (after {@link WARMUP} discarded ones) and summarizes the durations, each
 * timed around `await handler(event, context)` in the handler's process.
 * The endpoint answers at once: the figures are the handler's own cost plus
 * loopback HTTP, without any modelled network latency.
 */
export async function measureWarmLatency(
  target: HostedHandler,
  path: string,
  event: Record<string, unknown>,
  invocations: number,
): Promise<WarmLatency> {
  await target.host.request('invokeMany', { event, count: WARMUP });
  const from = target.endpoint.calls.length;
  const run = await target.host.request<{ ms: number[]; verdicts: string[] }>('invokeMany', {
    event,
    count: invocations,
  });
  if (run.verdicts.length !== 1) {
    throw new Error(
      `${path}: the verdict changed between invocations (${run.verdicts.join(', ')})`,
    );
  }
  return {
    path,
    compliance: run.verdicts[0] as string,
    warmup: WARMUP,
    ms: summarize(run.ms),
    callsPerInvocation: (target.endpoint.calls.length - from) / invocations,
  };
}
