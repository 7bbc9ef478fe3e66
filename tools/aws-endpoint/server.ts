import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { endpointEnv } from './env.js';
import { Framing, type GarbageAnswer } from './faults.js';
import { JSON_CONTENT_TYPE, protocolOf, type ServiceName, type WireProtocol } from './protocol.js';
import { renderError } from './render.js';
import { isCall, parseRequest, type RecordedCall } from './request.js';
import {
  awsError,
  type EndpointResponse,
  type HttpAnswer,
  type QueryService,
  type ServiceErrorAnswer,
} from './responses.js';
import { REST_JSON_CONTENT_TYPE } from './rest-json.js';

/** Computes an answer from the call it answers. */
export type CallHandler = (call: RecordedCall) => EndpointResponse | Promise<EndpointResponse>;

/** A scripted one-shot answer: fixed, or computed from the call. */
export type Responder = EndpointResponse | CallHandler;

/** A model that answers calls nobody scripted (see `createWorld`). */
export interface CallAnswerer {
  /** The answer, or undefined when the model does not know the action. */
  answer(call: RecordedCall): EndpointResponse | undefined;
  /** Forgets state gathered from earlier calls. */
  reset(): void;
  /**
   * The simulated clock, sent in the `Date` header of every successful
   * answer as AWS does (error answers then carry none: the SDK would take a
   * far-off Date on an error for clock skew and retry the call).
   * @default the machine's clock (Node's own `Date` header)
   */
  now?(): Date | undefined;
}

/** Options of {@link startAwsEndpoint}. */
export interface AwsEndpointOptions {
  /** Answers calls that no script or default handler answers. @default none */
  readonly world?: CallAnswerer;
  /**
   * Simulated network latency: every answer without its own `delayMs` waits
   * this long (timers only, so concurrent calls overlap). @default 0
   */
  readonly latencyMs?: number;
  /**
   * How far AWS's clock is from the local one: every answer's `Date` header
   * (as AWS sends on every answer) reads the local time plus this. @default 0
   */
  readonly clockOffsetMs?: number;
}

/** A running local AWS endpoint. */
export interface AwsEndpoint {
  /** `http://127.0.0.1:<port>`: the one URL of all four services. */
  readonly url: string;
  /** Every call received, in arrival order (cleared by `reset`). */
  readonly calls: readonly RecordedCall[];
  /** Queues one-shot answers for an action, used before its default handler. */
  script(service: ServiceName, action: string, ...responses: Responder[]): void;
  /** Sets (or, with undefined, removes) the answer used once an action's queue is empty. */
  setDefault(service: ServiceName, action: string, handler: CallHandler | undefined): void;
  /**
   * From now on (until `reset`), every call to `service` is read and never
   * answered: the connection stays open and silent until the client gives up
   * or the endpoint closes, as a service that accepts connections and hangs.
   * Calls are still recorded.
   */
  stallService(service: ServiceName): void;
  /** Scripted answers not consumed yet, as `service:Action` (one entry per answer). */
  unusedScripts(): string[];
  /** Environment pointing the SDK's default resolution here (see `endpointEnv`). */
  env(region?: string): Record<string, string>;
  /** Sets how far the `Date` header of every answer is from the local clock (ms; negative: behind). */
  setClockOffset(ms: number): void;
  /** Clears calls, scripts, default handlers, stalled services, the clock offset and the world's call-driven state. */
  reset(): void;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1 (free port) answering IAM, STS, Config
 * and Organizations in their real wire formats. An action is answered by the
 * first of: its queue of scripted answers, its default handler, the world;
 * otherwise by a 400 `UnscriptedOperation` error that names it.
 */
export async function startAwsEndpoint(options: AwsEndpointOptions = {}): Promise<AwsEndpoint> {
  const calls: RecordedCall[] = [];
  const queues = new Map<string, Responder[]>();
  const defaults = new Map<string, CallHandler>();
  const world = options.world;
  let clockOffsetMs = options.clockOffsetMs ?? 0;
  const dated = (answer: HttpAnswer): HttpAnswer => ({
    ...answer,
    headers: { date: new Date(Date.now() + clockOffsetMs).toUTCString(), ...answer.headers },
  });
  const stalledServices = new Set<ServiceName>();

  async function decide(call: RecordedCall): Promise<EndpointResponse> {
    const key = `${call.service}:${call.action}`;
    const scripted = queues.get(key)?.shift();
    if (scripted !== undefined) {
      return typeof scripted === 'function' ? scripted(call) : scripted;
    }
    const fallback = defaults.get(key);
    if (fallback) {
      return fallback(call);
    }
    return (
      world?.answer(call) ??
      awsError('UnscriptedOperation', `The local endpoint has no answer for ${key}`)
    );
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const parsed = parseRequest(req.headers, body, Date.now(), {
      method: req.method,
      url: req.url,
    });
    if (!isCall(parsed)) {
      send(res, dated(renderError(parsed.error, parsed.protocol)));
      return;
    }
    calls.push(parsed);
    // Nothing is sent: the client's timeout, or close(), ends the connection.
    if (stalledServices.has(parsed.service)) return;
    const response = await decide(parsed).catch((error: unknown) =>
      awsError('EndpointHandlerError', `Scripted handler threw: ${String(error)}`),
    );
    const delayMs = response.delayMs ?? options.latencyMs ?? 0;
    if (delayMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    switch (response.kind) {
      case 'reset':
        req.socket.destroy();
        return;
      case 'stall':
        // Nothing is sent: the client's timeout, or close(), ends the connection.
        return;
      case 'truncated': {
        const answer = dated(render(response.answer, parsed));
        parsed.status = answer.status;
        sendTruncated(res, answer, response.bytes, response.framing);
        return;
      }
      default: {
        const answer = dated(render(response, parsed));
        parsed.status = answer.status;
        send(res, worldDated(res, answer, world?.now?.()));
      }
    }
  }

  const server = createServer({ keepAliveTimeout: 120_000 }, (req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    calls,
    script(service, action, ...responses) {
      const key = `${service}:${action}`;
      queues.set(key, [...(queues.get(key) ?? []), ...responses]);
    },
    setDefault(service, action, handler) {
      const key = `${service}:${action}`;
      if (handler) {
        defaults.set(key, handler);
      } else {
        defaults.delete(key);
      }
    },
    stallService(service) {
      stalledServices.add(service);
    },
    unusedScripts: () => [...queues].flatMap(([key, queue]) => queue.map(() => key)),
    env: (region) => endpointEnv(url, region),
    setClockOffset(ms) {
      clockOffsetMs = ms;
    },
    reset() {
      clockOffsetMs = options.clockOffsetMs ?? 0;
      calls.length = 0;
      queues.clear();
      defaults.clear();
      stalledServices.clear();
      world?.reset();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The HTTP answer of a response in the protocol of the call it answers. */
function render(
  response: HttpAnswer | ServiceErrorAnswer | GarbageAnswer,
  call: RecordedCall,
): HttpAnswer {
  const protocol = protocolOf(call.service);
  switch (response.kind) {
    case 'error':
      return renderError(response, protocol, queryServiceOf(call.service));
    case 'garbage':
      return {
        kind: 'http',
        status: response.status,
        headers: { 'content-type': garbageContentType(protocol) },
        body: response.body,
      };
    default:
      return response;
  }
}

/** The namespace of a service's awsQuery errors (IAM's for the JSON services, unused there). */
function queryServiceOf(service: ServiceName): QueryService {
  return service === 'sts' || service === 'sns' ? service : 'iam';
}

/** Sends the first `bytes` bytes of the body, framed as `framing` says. */
function sendTruncated(
  res: ServerResponse,
  answer: HttpAnswer,
  bytes: number,
  framing: Framing,
): void {
  const body = Buffer.from(answer.body, 'utf8');
  const cut = body.subarray(0, Math.min(bytes, body.length));
  const length = framing === Framing.ShortBody ? cut.length : body.length;
  res.writeHead(answer.status, { ...answer.headers, 'content-length': length });
  if (framing === Framing.ShortBody) {
    res.end(cut);
    return;
  }
  res.write(cut, () => res.socket?.destroy());
}

/** The answer with its `Date` header (RFC 7231 IMF-fixdate, as AWS sends it) from the world's clock. */
/**
 * The answer dated by the world's own clock, when it has one: a successful
 * answer says the world's time; an error answer carries no `Date` (the SDK
 * reads a far-off Date on an error as clock skew and retries the call).
 */
function worldDated(res: ServerResponse, answer: HttpAnswer, now: Date | undefined): HttpAnswer {
  if (now === undefined) return answer;
  const { date: _date, ...headers } = answer.headers;
  if (answer.status >= 400) {
    res.sendDate = false;
    return { ...answer, headers };
  }
  return { ...answer, headers: { ...headers, date: now.toUTCString() } };
}

function send(res: ServerResponse, answer: HttpAnswer): void {
  res.writeHead(answer.status, {
    ...answer.headers,
    'content-length': Buffer.byteLength(answer.body),
  });
  res.end(answer.body);
}

function garbageContentType(protocol: WireProtocol): string {
  if (protocol === 'query') return 'text/xml';
  return protocol === 'rest-json' ? REST_JSON_CONTENT_TYPE : JSON_CONTENT_TYPE;
}
