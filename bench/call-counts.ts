import {
  type AwsEndpoint,
  accountOfAccessKey,
  type RecordedCall,
} from '../tools/aws-endpoint/index.js';
import type { CommandChild } from '../tools/child-process/parent.js';
import { BENCH, scheduledEvent } from './scenario.js';
import { round } from './stats.js';

/** Names of the paths whose calls are counted, as results.json shows them. */
export const PATHS = {
  compliantFirst: 'compliant (first invocation)',
  compliant: 'compliant',
  reportGenerated: 'non-compliant, report generated first',
  currentReport: 'non-compliant, current report',
  crossAccountFirst: 'cross-account compliant, first for the account',
  crossAccountWarm: 'cross-account compliant, warm (credentials cached)',
  crossAccountNonCompliant: 'cross-account non-compliant, first for the account',
} as const;

/** The AWS calls one invocation of the bundled handler made, as the endpoint recorded them. */
export interface PathCalls {
  readonly path: string;
  readonly compliance: string;
  /** Number of calls. */
  readonly total: number;
  /** Each call as `service:Action@account`, in order (`account`: whose credentials signed it). */
  readonly calls: readonly string[];
  /** Duration of the invocation, in ms (no modelled latency). */
  readonly ms: number;
}

/** A handler host and the endpoint it talks to. */
export interface HostedHandler {
  readonly endpoint: AwsEndpoint;
  readonly host: CommandChild;
}

/** Invokes the handler once with `event` and returns the calls the endpoint recorded. */
export async function recordPath(
  target: HostedHandler,
  path: string,
  event: Record<string, unknown>,
): Promise<PathCalls> {
  const from = target.endpoint.calls.length;
  const run = await target.host.request<{ ms: number; compliance: string }>('invoke', { event });
  const calls = target.endpoint.calls.slice(from).map(describeCall);
  return { path, compliance: run.compliance, total: calls.length, calls, ms: round(run.ms, 2) };
}

function describeCall(call: RecordedCall): string {
  const account = accountOfAccessKey(call.accessKeyId) ?? 'caller';
  return `${call.service}:${call.action}@${account}`;
}

/**
 * Counts the calls of every path, each from a fresh handler where it says
 * "first": own account compliant; non-compliant with the report generated
 * first, then with a current report; cross-account (first and warm
 * invocation for an account, and non-compliant).
 *
 * `own` must be a fresh host over `organizationWorld()`; `keyed` a fresh host
 * over `keyedAccountWorld()`.
 */
export async function countCallsPerPath(
  own: HostedHandler,
  keyed: HostedHandler,
): Promise<PathCalls[]> {
  const { centralAccount, cleanMember, keyedMember, keyedOwnAccount, roleName } = BENCH;
  return [
    await recordPath(own, PATHS.compliantFirst, scheduledEvent(centralAccount)),
    await recordPath(own, PATHS.compliant, scheduledEvent(centralAccount)),
    await recordPath(keyed, PATHS.reportGenerated, scheduledEvent(keyedOwnAccount)),
    await recordPath(keyed, PATHS.currentReport, scheduledEvent(keyedOwnAccount)),
    await recordPath(own, PATHS.crossAccountFirst, scheduledEvent(cleanMember, roleName)),
    await recordPath(own, PATHS.crossAccountWarm, scheduledEvent(cleanMember, roleName)),
    await recordPath(own, PATHS.crossAccountNonCompliant, scheduledEvent(keyedMember, roleName)),
  ];
}
