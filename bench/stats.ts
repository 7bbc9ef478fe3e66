/** The value at quantile `q` (0–1) of `values`, by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] as number;
}

/** The median of `values` (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The arithmetic mean of `values`. */
export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** `value` rounded to `digits` decimals, for results and tables. */
export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Summary of a sample of durations, in milliseconds. */
export interface DurationSummary {
  readonly n: number;
  readonly min: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** Summarizes durations in milliseconds, rounded to 0.01 ms. */
export function summarize(values: readonly number[]): DurationSummary {
  return {
    n: values.length,
    min: round(Math.min(...values), 2),
    p50: round(median(values), 2),
    p90: round(quantile(values, 0.9), 2),
    p99: round(quantile(values, 0.99), 2),
    max: round(Math.max(...values), 2),
    mean: round(mean(values), 2),
  };
}
