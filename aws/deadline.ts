import type { Deadline, Sleep } from './backoff.js';
import { DeadlineExceededError } from './errors.js';

/** The options every SDK `send` accepts that bound it in time. */
export interface SendOptions {
  readonly abortSignal?: AbortSignal;
}

/**
 * Runs one AWS call, SDK retries included, within the time `deadline` leaves:
 * the call gets an `AbortSignal` that fires when the time runs out, and the
 * returned promise settles then at the latest, whatever the SDK is doing (a
 * stalled answer, a retry delay). Without a deadline, or with an infinite
 * one, the call runs unbounded.
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
  const ms = deadline === undefined ? Number.POSITIVE_INFINITY : Math.floor(deadline());
  if (!Number.isFinite(ms)) return call({});
  if (ms <= 0) throw ranOut(operation, 'before');
  // A timer of its own rather than AbortSignal.timeout: cleared as soon as the
  // call settles, so a warm function holds no signal past its call.
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = ranOut(operation, 'during', ms);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    // The call may still reject after the race is lost; race() has handled it.
    return await Promise.race([call({ abortSignal: controller.signal }), timeUp]);
  } catch (error) {
    if (controller.signal.aborted && !(error instanceof DeadlineExceededError)) {
      throw ranOut(operation, 'during', ms, error);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits `ms` unless the wait would outlast the deadline.
 *
 * @param operation what the wait is for, for the error
 * @throws DeadlineExceededError when `ms` is not less than the time left
 */
export async function sleepWithin(
  deadline: Deadline | undefined,
  ms: number,
  operation: string,
  sleep: Sleep,
): Promise<void> {
  const left = deadline === undefined ? Number.POSITIVE_INFINITY : deadline();
  if (ms >= left) throw ranOut(operation, 'during', Math.max(0, Math.floor(left)));
  await sleep(ms);
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
