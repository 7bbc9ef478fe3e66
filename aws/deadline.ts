import type { Deadline, Sleep } from './backoff.js';
import { DeadlineExceededError, errorMessage } from './errors.js';

/** The options every SDK `send` accepts that bound it in time. */
export interface SendOptions {
  readonly abortSignal?: AbortSignal;
}

/**
 * A deadline that also ends when `signal` fires: no time is left once it has,
 * and calls run within it are aborted then (see {@link withinDeadline}).
 * Without `deadline`, only the signal bounds the time.
 *
 * @example
 * const perAccount = untilAborted(commandSignal, deadlineIn(120_000));
 */
export function untilAborted(signal: AbortSignal, deadline?: Deadline): Deadline {
  const inner = deadline?.signal;
  const left = () =>
    signal.aborted || inner?.aborted === true ? 0 : (deadline?.() ?? Number.POSITIVE_INFINITY);
  return Object.assign(left, {
    signal: inner === undefined ? signal : AbortSignal.any([signal, inner]),
  });
}

/**
 * `sleep`, cut short when `signal` fires: the wait then ends at once (without
 * an error), and the deadline-bounded call after it finds no time left.
 * For waits the toolkit does not bound itself (a caller's own `sleep`).
 *
 * @example
 * const wait = sleepUntilAborted(sleep, commandSignal);
 */
export function sleepUntilAborted(sleep: Sleep, signal: AbortSignal | undefined): Sleep {
  if (signal === undefined) return sleep;
  return async (ms) => {
    if (signal.aborted) return;
    let onStop: (() => void) | undefined;
    const stopped = new Promise<void>((resolve) => {
      onStop = resolve;
      signal.addEventListener('abort', onStop, { once: true });
    });
    try {
      await Promise.race([sleep(ms), stopped]);
    } finally {
      if (onStop !== undefined) signal.removeEventListener('abort', onStop);
    }
  };
}

/**
 * Runs one AWS call, SDK retries included, within the time `deadline` leaves:
 * the call gets an `AbortSignal` that fires when the time runs out, or when
 * the deadline's own `signal` fires, and the returned promise settles then at
 * the latest, whatever the SDK is doing (a stalled answer, a retry delay).
 * Without a deadline, or with an infinite one and no signal, the call runs
 * unbounded.
 *
 * @param operation what is called, for the error (`iam:GetAccountSummary`)
 * @throws DeadlineExceededError when no time is left before the call or the
 *   time runs out during it
 */
export async function withinDeadline<T>(
  deadline: Deadline | undefined,
  operation: string,
  call: (options: SendOptions) => Promise<T>,
): Promise<T> {
  const stop = deadline?.signal;
  if (stop?.aborted) throw stopped(operation, 'before', stop.reason);
  const ms = deadline === undefined ? Number.POSITIVE_INFINITY : Math.floor(deadline());
  if (!Number.isFinite(ms) && stop === undefined) return call({});
  if (ms <= 0) throw ranOut(operation, 'before');
  // A timer of its own rather than AbortSignal.timeout: cleared as soon as the
  // call settles, so a warm function holds no signal past its call.
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let onStop: (() => void) | undefined;
  const timeUp = new Promise<never>((_, reject) => {
    const end = (error: DeadlineExceededError) => {
      controller.abort(error);
      reject(error);
    };
    if (Number.isFinite(ms)) timer = setTimeout(() => end(ranOut(operation, 'during', ms)), ms);
    if (stop !== undefined) {
      onStop = () => end(stopped(operation, 'during', stop.reason));
      stop.addEventListener('abort', onStop, { once: true });
    }
  });
  try {
    // The call may still reject after the race is lost; race() has handled it.
    return await Promise.race([call({ abortSignal: controller.signal }), timeUp]);
  } catch (error) {
    if (controller.signal.aborted && !(error instanceof DeadlineExceededError)) {
      throw controller.signal.reason instanceof DeadlineExceededError
        ? withCause(controller.signal.reason, error)
        : ranOut(operation, 'during', ms, error);
    }
    throw error;
  } finally {
    clearTimeout(timer);
    if (onStop !== undefined) stop?.removeEventListener('abort', onStop);
  }
}

/**
 * Waits `ms` unless the wait would outlast the deadline; a wait under way
 * ends early when the deadline's `signal` fires.
 *
 * @param operation what the wait is for, for the error
 * @throws DeadlineExceededError when `ms` is not less than the time left, or
 *   the signal fires during the wait
 */
export async function sleepWithin(
  deadline: Deadline | undefined,
  ms: number,
  operation: string,
  sleep: Sleep,
): Promise<void> {
  const stop = deadline?.signal;
  if (stop?.aborted) throw stopped(operation, 'before', stop.reason);
  const left = deadline === undefined ? Number.POSITIVE_INFINITY : deadline();
  if (ms >= left) throw ranOut(operation, 'during', Math.max(0, Math.floor(left)));
  if (stop === undefined) {
    await sleep(ms);
    return;
  }
  let onStop: (() => void) | undefined;
  const stopping = new Promise<never>((_, reject) => {
    onStop = () => reject(stopped(operation, 'during', stop.reason));
    stop.addEventListener('abort', onStop, { once: true });
  });
  try {
    await Promise.race([sleep(ms), stopping]);
  } finally {
    if (onStop !== undefined) stop.removeEventListener('abort', onStop);
  }
}

function ranOut(
  operation: string,
  when: 'before' | 'during',
  leftMs?: number,
  cause?: unknown,
): DeadlineExceededError {
  const left = leftMs === undefined ? '' : ` (${leftMs} ms were left for it)`;
  return new DeadlineExceededError(
    when === 'before'
      ? `Time ran out before ${operation}; no time was left for it`
      : `Time ran out during ${operation}${left}`,
    cause === undefined ? {} : { cause },
  );
}

/** The error of a call or wait ended by the deadline's signal, saying what ran out. */
function stopped(operation: string, when: 'before' | 'during', reason: unknown) {
  const why = reason === undefined ? 'the time limit was reached' : errorMessage(reason);
  return new DeadlineExceededError(`Time ran out ${when} ${operation}: ${why}`, {
    cause: reason,
  });
}

function withCause(error: DeadlineExceededError, cause: unknown): DeadlineExceededError {
  return new DeadlineExceededError(error.message, { cause });
}
