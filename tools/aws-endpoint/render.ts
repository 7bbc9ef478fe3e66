import type { WireProtocol } from './protocol.js';
import {
  type HttpAnswer,
  jsonError,
  type QueryService,
  queryError,
  type ServiceErrorAnswer,
} from './responses.js';
import { restJsonError } from './rest-json.js';

/** Renders a protocol-neutral service error as the HTTP answer of one protocol. */
export function renderError(
  error: ServiceErrorAnswer,
  protocol: WireProtocol,
  service: QueryService = 'iam',
): HttpAnswer {
  if (protocol === 'rest-json') {
    const answer = restJsonError(error.code, error.message, error.status);
    return error.delayMs === undefined ? answer : { ...answer, delayMs: error.delayMs };
  }
  const answer =
    protocol === 'query'
      ? queryError({
          code: error.code,
          message: error.message,
          status: error.status,
          type: error.type,
          service,
        })
      : jsonError(error.code, error.message, error.status);
  return error.delayMs === undefined ? answer : { ...answer, delayMs: error.delayMs };
}
