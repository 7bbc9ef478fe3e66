import type { IncomingHttpHeaders } from 'node:http';
import {
  isServiceName,
  JSON_CONTENT_TYPE,
  JSON_TARGET_PREFIX,
  protocolOf,
  type ServiceName,
  type WireProtocol,
} from './protocol.js';
import { awsError, type ServiceErrorAnswer } from './responses.js';

/** One call received by the endpoint, as recorded in `calls`. */
export interface RecordedCall {
  readonly service: ServiceName;
  readonly action: string;
  /** Decoded form fields (awsQuery, without Action and Version) or the JSON body. */
  readonly params: Readonly<Record<string, unknown>>;
  /** The access key id that signed the call (from the SigV4 credential scope). */
  readonly accessKeyId: string;
  /** `X-Amz-Security-Token`, sent with temporary credentials. */
  readonly sessionToken: string | undefined;
  /** The signing region (from the SigV4 credential scope). */
  readonly region: string;
  /** When the call arrived, in epoch milliseconds. */
  readonly time: number;
  /** The HTTP status answered; absent while pending or when the connection was reset. */
  status?: number;
}

/** A request the endpoint cannot route, and the error to answer it with. */
export interface RejectedRequest {
  readonly protocol: WireProtocol;
  readonly error: ServiceErrorAnswer;
}

const SCOPE = /Credential=([^/\s,]+)\/\d{8}\/([^/\s,]+)\/([^/\s,]+)\/aws4_request/;

/** Decodes a signed AWS request into a call, or says why it cannot be routed. */
export function parseRequest(
  headers: IncomingHttpHeaders,
  body: string,
  time: number,
): RecordedCall | RejectedRequest {
  const scope = SCOPE.exec(headers.authorization ?? '');
  const guessed: WireProtocol = headers['x-amz-target'] ? 'json' : 'query';
  if (!scope) {
    return reject(
      guessed,
      'MissingAuthenticationToken',
      'Request is missing a SigV4 Authorization header',
      403,
    );
  }
  const [, accessKeyId = '', region = '', service = ''] = scope;
  if (!isServiceName(service)) {
    return reject(
      guessed,
      'UnknownService',
      `No service "${service}" at this endpoint (iam, sts, config, organizations, sns)`,
    );
  }
  const sessionToken = header(headers, 'x-amz-security-token');
  const base = { service, accessKeyId, sessionToken, region, time };
  return protocolOf(service) === 'query'
    ? parseQuery(base, body)
    : parseJson(base, service as keyof typeof JSON_TARGET_PREFIX, headers, body);
}

/** Whether parsing gave a call rather than a rejection. */
export function isCall(parsed: RecordedCall | RejectedRequest): parsed is RecordedCall {
  return 'action' in parsed;
}

type CallBase = Omit<RecordedCall, 'action' | 'params'>;

function parseQuery(base: CallBase, body: string): RecordedCall | RejectedRequest {
  const form = new URLSearchParams(body);
  const action = form.get('Action');
  if (!action) {
    return reject('query', 'MissingAction', `Form body has no Action field: ${body.slice(0, 200)}`);
  }
  const params: Record<string, string> = {};
  for (const [name, value] of form) {
    if (name !== 'Action' && name !== 'Version') {
      params[name] = value;
    }
  }
  return { ...base, action, params };
}

function parseJson(
  base: CallBase,
  service: keyof typeof JSON_TARGET_PREFIX,
  headers: IncomingHttpHeaders,
  body: string,
): RecordedCall | RejectedRequest {
  const target = header(headers, 'x-amz-target') ?? '';
  const prefix = `${JSON_TARGET_PREFIX[service]}.`;
  if (!target.startsWith(prefix)) {
    return reject(
      'json',
      'UnknownOperationException',
      `X-Amz-Target "${target}" does not start with ${prefix}`,
    );
  }
  if (headers['content-type'] !== JSON_CONTENT_TYPE) {
    return reject(
      'json',
      'SerializationException',
      `Content-Type ${headers['content-type']} is not ${JSON_CONTENT_TYPE}`,
    );
  }
  try {
    const params = body === '' ? {} : (JSON.parse(body) as Record<string, unknown>);
    return { ...base, action: target.slice(prefix.length), params };
  } catch {
    return reject('json', 'SerializationException', `Body is not JSON: ${body.slice(0, 200)}`);
  }
}

function reject(
  protocol: WireProtocol,
  code: string,
  message: string,
  status = 400,
): RejectedRequest {
  return { protocol, error: awsError(code, message, status) };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
