import { vi } from 'vitest';
import { createHandler, type HandlerResult } from '../../../rule/src/handler.js';
import {
  type AwsEndpoint,
  createWorld,
  type RecordedCall,
  type SimAccount,
  startAwsEndpoint,
  type WorldOptions,
  withEnv,
} from '../../../tools/aws-endpoint/index.js';
import { eventFixture } from '../../support/fixtures.js';

/** The result token of wire-test events: distinctive, so logs can be searched for it. */
export const RESULT_TOKEN = 'wire-result-token-3e9d1c7b5a20f4e68d';

/** Options of {@link invoke}. */
export interface InvokeOptions {
  /** `AWS_REGION` of the function. @default us-east-1 */
  readonly region?: string;
  /** What the Lambda context says is left. @default 60 s */
  readonly remainingMs?: number;
  /**
   * A time budget that runs down as each invocation runs, as a real Lambda
   * context's does; it replaces `remainingMs`. @default none
   */
  readonly budgetMs?: number;
}

/** An event fixture from test/fixtures/events. */
export const fixture = eventFixture;

/** The account of AWS's example periodic event. */
export const EVENT_ACCOUNT = '012345678912';

/** AWS's example periodic event, with the rule's own parameters and {@link RESULT_TOKEN}. */
export function scheduledEvent(
  parameters: Record<string, string> = {},
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    ...fixture('scheduled-notification'),
    ruleParameters: JSON.stringify(parameters),
    resultToken: RESULT_TOKEN,
    ...overrides,
  };
}

const running: AwsEndpoint[] = [];

/**
 * Starts a local endpoint answering from a simulated world (plus any scripts
 * a test adds); {@link closeEndpoints} stops it.
 */
export async function startEndpoint(world: WorldOptions = {}): Promise<AwsEndpoint> {
  const endpoint = await startAwsEndpoint({ world: createWorld(world) });
  running.push(endpoint);
  return endpoint;
}

/** Stops every endpoint {@link startEndpoint} started; for afterEach. */
export async function closeEndpoints(): Promise<void> {
  await Promise.all(running.splice(0).map((endpoint) => endpoint.close()));
}

/** A world whose caller is the event's account, with that account's root facts. */
export function ownAccount(account: Omit<SimAccount, 'id'> = {}): WorldOptions {
  return { callerAccountId: EVENT_ACCOUNT, accounts: [{ id: EVENT_ACCOUNT, ...account }] };
}

/** What one or more invocations did. */
export interface WireRun {
  /** Handler results, one per invocation that succeeded. */
  readonly results: HandlerResult[];
  /** The error of the invocation that failed, if one did. */
  readonly error?: Error;
  /** The calls the endpoint received, in order. */
  readonly calls: RecordedCall[];
  /** Everything the logger printed. */
  readonly logs: string;
  /** Milliseconds each invocation took, the failed one included. */
  readonly durationsMs: number[];
}

/**
 * Runs events through one handler with its real SDK clients, in an
 * environment that points them at the endpoint; the handler is created
 * after the environment is set. Stops at the first failing invocation.
 */
export async function invoke(
  endpoint: AwsEndpoint,
  events: readonly unknown[],
  options: InvokeOptions = {},
): Promise<WireRun> {
  const remainingMs = options.remainingMs ?? 60_000;
  const contextFor = (started: number) => ({
    getRemainingTimeInMillis: () =>
      options.budgetMs === undefined
        ? remainingMs
        : Math.round(options.budgetMs - (performance.now() - started)),
  });
  const durationsMs: number[] = [];
  const chunks: string[] = [];
  const capture = ((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  const results: HandlerResult[] = [];
  let error: Error | undefined;
  try {
    await withEnv(endpoint.env(options.region), async () => {
      const handler = createHandler({ backoff: { baseMs: 1, capMs: 5 } });
      for (const event of events) {
        const started = performance.now();
        try {
          results.push(await handler(event, contextFor(started)));
        } finally {
          durationsMs.push(performance.now() - started);
        }
      }
    });
  } catch (caught) {
    error = caught as Error;
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  return {
    results,
    ...(error === undefined ? {} : { error }),
    calls: [...endpoint.calls],
    logs: chunks.join(''),
    durationsMs,
  };
}

/**
 * Starts an endpoint on `world` (see {@link startEndpoint}) and runs `events`
 * through the handler against it (see {@link invoke}).
 */
export async function invokeIn(
  world: WorldOptions,
  events: readonly unknown[],
  options: InvokeOptions = {},
): Promise<WireRun> {
  return invoke(await startEndpoint(world), events, options);
}

/** `service:Action` of each call, in order. */
export function actions(calls: readonly RecordedCall[]): string[] {
  return calls.map((call) => `${call.service}:${call.action}`);
}

/** The evaluations of the PutEvaluations calls, as they went over the wire. */
export function putEvaluationsParams(calls: readonly RecordedCall[]): Record<string, unknown>[] {
  return calls
    .filter((call) => call.action === 'PutEvaluations')
    .map((call) => call.params as Record<string, unknown>);
}

/** The single evaluation sent, as it went over the wire. */
export function sentEvaluation(calls: readonly RecordedCall[]): Record<string, unknown> {
  const sent = putEvaluationsParams(calls);
  if (sent.length !== 1) {
    throw new Error(`expected one PutEvaluations call, got ${sent.length}`);
  }
  const evaluations = sent[0]?.Evaluations as Record<string, unknown>[];
  if (evaluations.length !== 1) {
    throw new Error(`expected one evaluation, got ${evaluations.length}`);
  }
  return evaluations[0] as Record<string, unknown>;
}
