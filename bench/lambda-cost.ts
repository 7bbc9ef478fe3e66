import { round } from './stats.js';

/**
 * Lambda list prices assumed for the estimate: arm64, US East (N. Virginia),
 * first pricing tier, free tier ignored. Source: https://aws.amazon.com/lambda/pricing/
 * (unchanged since arm64 functions launched in September 2021; check before relying on it).
 */
export const LAMBDA_ARM64_PRICE = {
  region: 'us-east-1',
  perGbSecondUsd: 0.0000133334,
  perRequestUsd: 0.0000002,
  source: 'https://aws.amazon.com/lambda/pricing/ (arm64, US East (N. Virginia), first tier)',
  asOf: 'list price since 2021-09; assumed unchanged on 2026-11-28',
} as const;

/** Memory at which a Lambda function has the equivalent of one vCPU (AWS documentation). */
export const ONE_VCPU_MEMORY_MB = 1769;

/** The inputs of {@link estimateLambdaCost}, each measured or stated. */
export interface CostInputs {
  readonly memoryMb: number;
  /** Warm p50 of the compliant own-account path on this machine, without network latency. */
  readonly warmP50Ms: number;
  /** First invocation after load (clients created, code not yet optimized), same path. */
  readonly firstInvocationMs: number;
  /** Whole-process cold load of the bundle on this machine (proxy of the INIT phase). */
  readonly coldLoadMs: number;
  /** Counted AWS calls: own account, compliant. */
  readonly ownAccountCalls: number;
  /** Counted AWS calls: cross-account, compliant, first invocation for the account. */
  readonly crossAccountCalls: number;
  /** Modelled AWS round trip per call. */
  readonly roundTripMs: number;
}

/** One costed scenario. */
export interface CostScenario {
  readonly name: string;
  readonly billedMsPerEvaluation: number;
  readonly gbSecondsPerEvaluation: number;
  readonly usdPerEvaluation: number;
  readonly usdPer1000AccountsPerDay: number;
  readonly usdPer1000AccountsPerMonth: number;
}

/** The estimate and how it was made. */
export interface CostEstimate {
  readonly inputs: CostInputs;
  /** ONE_VCPU_MEMORY_MB / memoryMb: how much slower CPU work runs on Lambda than on one core here. */
  readonly cpuSlowdown: number;
  readonly price: typeof LAMBDA_ARM64_PRICE;
  readonly scenarios: readonly CostScenario[];
}

/**
 * Estimates Lambda cost per evaluation at a 24-hour frequency:
 * - billed duration = local CPU time × cpuSlowdown (at 256 MB a function gets
 *   about 1/7 of a vCPU) + calls × modelled round trip, rounded up to 1 ms;
 * - a cold start bills INIT too (since 2025-08-01, for on-demand ZIP
 *   functions on managed runtimes), estimated as the bundle's whole-process
 *   cold load, and its first invocation instead of the warm p50;
 * - own account: each account's function runs once a day, so every
 *   evaluation is a cold start;
 * - organization: one central function assumes a role in each account
 *   (cached credentials do not last a day). Whether its sandbox stays warm
 *   depends on how the accounts' schedules fall, so both bounds are given.
 */
export function estimateLambdaCost(inputs: CostInputs): CostEstimate {
  const cpuSlowdown = ONE_VCPU_MEMORY_MB / inputs.memoryMb;
  const warmCpuMs = inputs.warmP50Ms * cpuSlowdown;
  const coldCpuMs = (inputs.coldLoadMs + inputs.firstInvocationMs) * cpuSlowdown;
  const ownCalls = inputs.ownAccountCalls * inputs.roundTripMs;
  const crossCalls = inputs.crossAccountCalls * inputs.roundTripMs;
  return {
    inputs,
    cpuSlowdown: round(cpuSlowdown, 2),
    price: LAMBDA_ARM64_PRICE,
    scenarios: [
      scenario('own account, cold start each day', inputs.memoryMb, coldCpuMs + ownCalls),
      scenario('organization, every evaluation cold', inputs.memoryMb, coldCpuMs + crossCalls),
      scenario('organization, warm sandbox', inputs.memoryMb, warmCpuMs + crossCalls),
    ],
  };
}

function scenario(name: string, memoryMb: number, durationMs: number): CostScenario {
  const billedMs = Math.ceil(durationMs);
  const gbSeconds = (memoryMb / 1024) * (billedMs / 1000);
  const usd = gbSeconds * LAMBDA_ARM64_PRICE.perGbSecondUsd + LAMBDA_ARM64_PRICE.perRequestUsd;
  return {
    name,
    billedMsPerEvaluation: billedMs,
    gbSecondsPerEvaluation: round(gbSeconds, 5),
    usdPerEvaluation: Number(usd.toPrecision(3)),
    usdPer1000AccountsPerDay: Number((usd * 1000).toPrecision(3)),
    usdPer1000AccountsPerMonth: Number((usd * 1000 * 30).toPrecision(3)),
  };
}
