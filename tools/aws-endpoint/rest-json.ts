/**
 * The REST-JSON protocol (Security Hub): an operation is a method and a path,
 * the body and the answers are plain JSON, an error names itself in the
 * `x-amzn-ErrorType` header.
 */
import type { HttpAnswer } from './responses.js';

/** Content type of REST-JSON requests and answers. */
export const REST_JSON_CONTENT_TYPE = 'application/json';

/** One REST-JSON operation: the request line that calls it. */
export interface RestRoute {
  readonly method: string;
  readonly path: string;
  readonly action: string;
}

/** The operations the endpoint routes, per REST-JSON service (Security Hub API reference). */
export const REST_ROUTES: Readonly<Record<string, readonly RestRoute[]>> = {
  securityhub: [{ method: 'POST', path: '/findings/import', action: 'BatchImportFindings' }],
};

/** The operation a request line calls, or undefined when no route matches. */
export function restAction(
  service: string,
  method: string | undefined,
  url: string | undefined,
): string | undefined {
  const path = (url ?? '').split('?')[0];
  return REST_ROUTES[service]?.find((route) => route.method === method && route.path === path)
    ?.action;
}

/** A successful REST-JSON answer. */
export function restJsonResult(body: unknown, status = 200): HttpAnswer {
  return {
    kind: 'http',
    status,
    headers: { 'content-type': REST_JSON_CONTENT_TYPE },
    body: JSON.stringify(body),
  };
}

/**
 * A REST-JSON error as Security Hub sends it: the code in `x-amzn-ErrorType`,
 * `{"Code": code, "Message": message}` in the body.
 */
export function restJsonError(code: string, message: string, status = 400): HttpAnswer {
  return {
    kind: 'http',
    status,
    headers: { 'content-type': REST_JSON_CONTENT_TYPE, 'x-amzn-errortype': code },
    body: JSON.stringify({ Code: code, Message: message }),
  };
}
