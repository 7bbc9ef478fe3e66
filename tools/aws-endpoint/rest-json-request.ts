import { awsError, type ServiceErrorAnswer } from './responses.js';
import { restAction } from './rest-json.js';

/** The request line of an HTTP request: REST-JSON routes by it. */
export interface RequestLine {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
}

/** A REST-JSON request's action and parameters. */
export interface RestJsonCall {
  readonly action: string;
  readonly params: Record<string, unknown>;
}

/**
 * Decodes a REST-JSON request: the route names the action, the JSON body
 * gives the parameters; or the error that refuses it.
 */
export function decodeRestJson(
  service: string,
  line: RequestLine,
  body: string,
): RestJsonCall | ServiceErrorAnswer {
  const action = restAction(service, line.method, line.url);
  if (action === undefined) {
    return awsError(
      'UnknownOperationException',
      `No ${service} operation at ${line.method ?? '?'} ${line.url ?? '?'}`,
      404,
    );
  }
  try {
    return { action, params: body === '' ? {} : (JSON.parse(body) as Record<string, unknown>) };
  } catch {
    return awsError('SerializationException', `Body is not JSON: ${body.slice(0, 200)}`);
  }
}
