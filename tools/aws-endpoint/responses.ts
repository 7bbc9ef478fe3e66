import { randomUUID } from 'node:crypto';
import type { GarbageAnswer, StallAnswer, TruncatedAnswer } from './faults.js';
import { JSON_CONTENT_TYPE, QUERY_XMLNS } from './protocol.js';
import { escapeXml, type XmlValue, xmlFields } from './xml.js';

/** An HTTP answer, sent as is. */
export interface HttpAnswer {
  readonly kind: 'http';
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Wait this long before answering. @default 0 */
  readonly delayMs?: number;
}

/** A service error, rendered in the wire format of the service that was called. */
export interface ServiceErrorAnswer {
  readonly kind: 'error';
  readonly status: number;
  readonly code: string;
  readonly message: string;
  /** awsQuery `<Type>`: Sender for client faults, Receiver for server faults. */
  readonly type: 'Sender' | 'Receiver';
  /** Wait this long before answering. @default 0 */
  readonly delayMs?: number;
}

/** The socket is destroyed after the request is read; no answer is sent. */
export interface ResetAnswer {
  readonly kind: 'reset';
  /** Wait this long before destroying the socket. @default 0 */
  readonly delayMs?: number;
}

/** Anything the endpoint can answer a call with (faults included, see faults.ts). */
export type EndpointResponse =
  | HttpAnswer
  | ServiceErrorAnswer
  | ResetAnswer
  | StallAnswer
  | TruncatedAnswer
  | GarbageAnswer;

/** The services answering in the awsQuery protocol. */
export type QueryService = keyof typeof QUERY_XMLNS;

/** A fresh request id, as AWS puts in every answer. */
export function newRequestId(): string {
  return randomUUID();
}

/**
 * A successful awsQuery answer:
 * `<ActionResponse xmlns><ActionResult>…</ActionResult><ResponseMetadata>…</ResponseMetadata></ActionResponse>`.
 *
 * @param result the result's children, as XML text or as fields for {@link xmlFields}
 */
export function queryResult(
  service: QueryService,
  action: string,
  result: string | { readonly [name: string]: XmlValue | undefined } = '',
): HttpAnswer {
  const inner = typeof result === 'string' ? result : xmlFields(result);
  const requestId = newRequestId();
  const body =
    `<${action}Response xmlns="${QUERY_XMLNS[service]}">` +
    `<${action}Result>${inner}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
    `</${action}Response>`;
  return xmlAnswer(200, body, requestId);
}

/** Options of {@link queryError}. */
export interface QueryErrorOptions {
  readonly code: string;
  readonly message: string;
  /** @default 400 */
  readonly status?: number;
  /** @default 'Sender' below 500, 'Receiver' from 500 */
  readonly type?: 'Sender' | 'Receiver';
  /** Namespace of the `<ErrorResponse>`. @default 'iam' */
  readonly service?: QueryService;
}

/** An awsQuery error: `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`. */
export function queryError(options: QueryErrorOptions): HttpAnswer {
  const status = options.status ?? 400;
  const type = options.type ?? (status >= 500 ? 'Receiver' : 'Sender');
  const requestId = newRequestId();
  const body =
    `<ErrorResponse xmlns="${QUERY_XMLNS[options.service ?? 'iam']}">` +
    `<Error><Type>${type}</Type><Code>${escapeXml(options.code)}</Code>` +
    `<Message>${escapeXml(options.message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`;
  return xmlAnswer(status, body, requestId);
}

/** A successful JSON 1.1 answer. Dates must already be epoch seconds (see {@link epochSeconds}). */
export function jsonResult(body: unknown): HttpAnswer {
  return jsonAnswer(200, JSON.stringify(body));
}

/** A JSON 1.1 error: `{"__type": type, "message": message}`. */
export function jsonError(type: string, message: string, status = 400): HttpAnswer {
  return jsonAnswer(status, JSON.stringify({ __type: type, message }));
}

/** A service error rendered in the protocol of whichever service is called. */
export function awsError(
  code: string,
  message: string,
  status = 400,
  type: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender',
): ServiceErrorAnswer {
  return { kind: 'error', status, code, message, type };
}

/**
 * A server fault as AWS front ends send it, in the caller's protocol:
 * 500 `InternalFailure` or 503 `ServiceUnavailable`.
 */
export function serverError(status: 500 | 503 = 500): ServiceErrorAnswer {
  return status === 503
    ? awsError('ServiceUnavailable', 'Service is unable to handle request.', 503)
    : awsError(
        'InternalFailure',
        'The request processing has failed because of an unknown error.',
        500,
      );
}

/** A bare HTTP status with an optional plain body, as a load balancer might send. */
export function httpStatus(status: number, body = ''): HttpAnswer {
  return { kind: 'http', status, headers: { 'content-type': 'text/plain' }, body };
}

/** Destroys the connection without answering (the SDK sees ECONNRESET). */
export function connectionReset(): ResetAnswer {
  return { kind: 'reset' };
}

/** The same answer, sent after a delay. */
export function withDelay<T extends EndpointResponse>(response: T, delayMs: number): T {
  return { ...response, delayMs };
}

/** A date as JSON 1.1 timestamps travel: epoch seconds. */
export function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

function xmlAnswer(status: number, body: string, requestId: string): HttpAnswer {
  return {
    kind: 'http',
    status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body,
  };
}

function jsonAnswer(status: number, body: string): HttpAnswer {
  return {
    kind: 'http',
    status,
    headers: { 'content-type': JSON_CONTENT_TYPE, 'x-amzn-requestid': newRequestId() },
    body,
  };
}
