import type { HttpAnswer, ServiceErrorAnswer } from './responses.js';

/**
 * No answer at all: the request is read, then nothing is sent until the
 * client gives up and closes the connection (or the endpoint closes).
 */
export interface StallAnswer {
  readonly kind: 'stall';
  /** Ignored: a stall never ends on its own. */
  readonly delayMs?: number;
}

/** How a truncated answer tells the client where its body ends. */
export const Framing = {
  /**
   * `Content-Length` is that of the cut body: a well-formed HTTP answer whose
   * XML or JSON document breaks off.
   */
  ShortBody: 'short-body',
  /**
   * `Content-Length` is that of the whole body, but the connection is closed
   * after the cut: the client sees the answer end early.
   */
  ClosedEarly: 'closed-early',
} as const;

/** One of the values of {@link Framing}. */
export type Framing = (typeof Framing)[keyof typeof Framing];

/** An answer whose body is cut after `bytes` bytes. */
export interface TruncatedAnswer {
  readonly kind: 'truncated';
  /** The answer to cut, rendered in the caller's protocol first when an error. */
  readonly answer: HttpAnswer | ServiceErrorAnswer;
  /** Bytes of the body sent (at most its length). */
  readonly bytes: number;
  readonly framing: Framing;
  /** Wait this long before answering. @default 0 */
  readonly delayMs?: number;
}

/**
 * A body that is not the service's document at all (an HTML error page,
 * random bytes), sent with the content type of the caller's protocol.
 */
export interface GarbageAnswer {
  readonly kind: 'garbage';
  readonly status: number;
  readonly body: string;
  /** Wait this long before answering. @default 0 */
  readonly delayMs?: number;
}

/** Holds the request unanswered until the client closes the connection. */
export function stall(): StallAnswer {
  return { kind: 'stall' };
}

/** `answer` with only its first `bytes` body bytes sent (see {@link Framing}). */
export function truncated(
  answer: HttpAnswer | ServiceErrorAnswer,
  bytes: number,
  framing: Framing = Framing.ShortBody,
): TruncatedAnswer {
  return { kind: 'truncated', answer, bytes: Math.max(0, Math.floor(bytes)), framing };
}

/** A `status` answer whose body is `body`, in the content type the caller expects. */
export function garbage(body: string, status = 200): GarbageAnswer {
  return { kind: 'garbage', status, body };
}
