/**
 * Time left for work, in milliseconds, already net of any safety margin.
 * `signal`, when set, ends the time early: an overall time limit above this
 * one (a command's `--timeout`), whose abort reason says what ran out.
 */
export type Deadline = (() => number) & { readonly signal?: AbortSignal };

/** Waits for a number of milliseconds. */
export type Sleep = (ms: number) => Promise<void>;

/** The real {@link Sleep}. */
export const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Parameters of an exponential backoff. */
export interface BackoffOptions {
  /** Delay before the first retry, before jitter. @default 500 */
  readonly baseMs?: number;
  /** Largest delay, before jitter. @default 8000 */
  readonly capMs?: number;
  /** Source of randomness in [0, 1). @default Math.random */
  readonly random?: () => number;
}

/**
 * Delay before retry `attempt` (0-based): exponential with "equal jitter", so
 * concurrent invocations spread out but never retry at once.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const { baseMs = 500, capMs = 8000, random = Math.random } = options;
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** A {@link Deadline} that runs out `ms` from now, for callers without a Lambda context. */
export function deadlineIn(ms: number, now: () => number = Date.now): Deadline {
  const end = now() + ms;
  return () => end - now();
}
