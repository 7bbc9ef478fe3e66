import { InvalidArgumentError, Option } from 'commander';

/** Milliseconds in each unit a duration may be written in. */
const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 } as const;

/** Shortest and longest `--timeout`. */
export const TIMEOUT_RANGE = { minMs: 1000, maxMs: 24 * 3_600_000 } as const;

/**
 * Default `--timeout` of `evaluate`, `report` and `remediate`: long enough
 * for an organization of about 10,000 accounts at the default concurrency,
 * short enough to end before a CI job's own limit (GitLab's default is 1 hour).
 */
export const DEFAULT_TIMEOUT_MS = 30 * 60_000;

/** Units a duration may be read in: days too (`--max-result-age 3d`). */
const PARSE_UNIT_MS = { d: 86_400_000, ...UNIT_MS } as const;

const DURATION = /^(?:\d+(?:ms|d|h|m|s))+$/;
const PART = /(\d+)(ms|d|h|m|s)/g;

/**
 * Parses a duration such as `90s`, `5m`, `1h`, `1m30s`, `500ms` or `3d`.
 *
 * @returns milliseconds, or undefined when `text` is not a duration
 * @example
 * parseDuration('1m30s'); // 90000
 */
export function parseDuration(text: string): number | undefined {
  const value = text.trim();
  if (!DURATION.test(value)) return undefined;
  let ms = 0;
  for (const [, amount, unit] of value.matchAll(PART)) {
    ms += Number(amount) * PARSE_UNIT_MS[unit as keyof typeof PARSE_UNIT_MS];
  }
  return ms;
}

/**
 * A duration as the shortest text {@link parseDuration} reads back.
 *
 * @example
 * formatDuration(90_000); // '1m30s'
 */
export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.round(ms));
  const parts: string[] = [];
  for (const [unit, size] of Object.entries(UNIT_MS)) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0) parts.push(`${amount}${unit}`);
  }
  return parts.join('') || '0s';
}

/** Parses `--timeout`: a duration from 1 s to 24 h. */
export function parseTimeout(value: string): number {
  const ms = parseDuration(value);
  if (ms !== undefined && ms >= TIMEOUT_RANGE.minMs && ms <= TIMEOUT_RANGE.maxMs) return ms;
  throw new InvalidArgumentError(
    `Allowed: a duration from ${formatDuration(TIMEOUT_RANGE.minMs)} to ${formatDuration(TIMEOUT_RANGE.maxMs)} such as 90s, 5m, 1h or 1m30s.`,
  );
}

/**
 * The `--timeout <duration>` option of the commands that call AWS: the
 * longest the whole command may take.
 */
export function timeoutOption(): Option {
  return new Option(
    '--timeout <duration>',
    'longest time the whole command may take, e.g. 90s, 5m, 1h; then it stops, prints what it has (ERROR rows for the rest) and exits 2',
  )
    .argParser(parseTimeout)
    .default(DEFAULT_TIMEOUT_MS, formatDuration(DEFAULT_TIMEOUT_MS));
}
