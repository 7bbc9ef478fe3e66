import type { Deadline } from '../../aws/backoff.js';
import { untilAborted } from '../../aws/deadline.js';
import { DeadlineExceededError } from '../../aws/errors.js';
import { formatDuration } from './duration.js';

/** A command's overall time limit, running. */
export interface CommandDeadline {
  /** Fires when the time is up; its reason says what ran out. */
  readonly signal: AbortSignal;
  /** The time left (0 once up), ended by {@link signal} too. */
  readonly deadline: Deadline;
  /** What ran out, e.g. `the command's time limit (--timeout 3s) ran out`. */
  readonly description: string;
  /** Whether the time is up. */
  readonly expired: () => boolean;
  /** Stops the timer (the command is done). */
  dispose(): void;
}

/**
 * Starts the overall time limit of a command (`--timeout`): an `AbortSignal`
 * that fires after `timeoutMs`, with a {@link DeadlineExceededError} as its
 * reason, and the matching deadline, for the runs to bound every AWS call
 * and stop starting work.
 *
 * @example
 * const limit = startCommandDeadline(90_000);
 * try {
 *   await evaluateAccounts({ signal: limit.signal });
 * } finally {
 *   limit.dispose();
 * }
 */
export function startCommandDeadline(
  timeoutMs: number,
  now: () => number = Date.now,
): CommandDeadline {
  const description = `the command's time limit (--timeout ${formatDuration(timeoutMs)}) ran out`;
  const controller = new AbortController();
  const end = now() + timeoutMs;
  const timer = setTimeout(
    () => controller.abort(new DeadlineExceededError(description)),
    timeoutMs,
  );
  // The timer alone must not keep a finished command's process alive.
  timer.unref();
  const signal = controller.signal;
  return {
    signal,
    deadline: untilAborted(signal, () => end - now()),
    description,
    expired: () => signal.aborted,
    dispose: () => clearTimeout(timer),
  };
}

/**
 * The line that ends a command whose time ran out after it started its
 * accounts: what ran out and how many rows say so.
 *
 * @param what the rows' work, e.g. `evaluated`
 */
export function expiredLine(
  limit: CommandDeadline,
  rows: readonly { readonly compliance?: string; readonly action?: string }[],
  what: string,
): string {
  const errors = rows.filter((row) => row.compliance === 'ERROR' || row.action === 'FAILED');
  return `error: ${limit.description} before every account was ${what}; ${errors.length} of ${rows.length} rows are errors (see each row)\n`;
}
