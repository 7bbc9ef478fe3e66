import type { BackoffOptions, Deadline, Sleep } from '../../aws/backoff.js';
import {
  ACCEPTED_TRIGGERS_VARIABLE,
  AcceptedTriggers,
  MessageType,
  SECURITY_HUB_FINDINGS_VARIABLE,
} from '../../definition/config.js';
import { InvalidSettingError } from '../../definition/errors.js';
import { InvalidEventError } from './core/errors.js';
import type { ParsedEvent } from './core/event.js';
import type { FindingImportOutcome } from './security-hub-finding.js';

/** Options of `createHandler`, for tests and embedding. */
export interface HandlerOptions {
  /** Time kept free for `PutEvaluations` after report polling. @default 5000 ms */
  readonly safetyMarginMs?: number;
  /**
   * Time kept before the end of the invocation: every AWS call and wait stops
   * this long before the Lambda's time is up, so the invocation fails with a
   * `DeadlineExceededError` naming what ran out instead of being ended by
   * Lambda. @default 500 ms
   */
  readonly exitMarginMs?: number;
  /** Backoff of report polling and resends. @default see fetchCredentialReport */
  readonly backoff?: BackoffOptions;
  /** @default real timers */
  readonly sleep?: Sleep;
  /** Which triggers are evaluated. @default AcceptedTriggers.All */
  readonly acceptedTriggers?: AcceptedTriggers;
  /**
   * Client sets of assumed roles kept once idle (see `AccountClientsPool`).
   * @default HANDLER_MAX_IDLE_ROLES
   */
  readonly maxIdleRoles?: number;
  /**
   * After each reported evaluation, import one ASFF finding into Security Hub
   * in the evaluated account and the rule's Region. @default false
   */
  readonly securityHubFindings?: boolean;
  /** Longest time the Security Hub import may take, retries included. @default 10000 ms */
  readonly securityHubTimeoutMs?: number;
  /** Told of each Security Hub import's outcome (for metrics). @default none */
  readonly onFindingImport?: (outcome: FindingImportOutcome) => void;
}

/**
 * Idle role client sets a warm instance keeps. An instance serves one
 * invocation at a time, so at most one set is in use; the idle ones only save
 * an `sts:AssumeRole` when an account comes back to the same instance within
 * its credentials' hour (a Lambda retry, a re-evaluation). With the central
 * function's reserved concurrency (`maxConcurrency`, 10 by default), up to 160
 * accounts find their credentials ready, for at most about 16 × 50 KB of heap
 * per instance (measured by the soak: docs/reliability.md).
 */
export const HANDLER_MAX_IDLE_ROLES = 16;

/**
 * The handler options the environment sets: {@link ACCEPTED_TRIGGERS_VARIABLE}
 * (unset means {@link AcceptedTriggers.All}) and
 * {@link SECURITY_HUB_FINDINGS_VARIABLE} (`true` or `false`; unset means false).
 *
 * @throws InvalidSettingError when a variable holds another value, so a
 *   mistyped setting fails every invocation instead of widening what is accepted
 */
export function optionsFromEnvironment(env: NodeJS.ProcessEnv): HandlerOptions {
  const findings = securityHubFindingsFrom(env[SECURITY_HUB_FINDINGS_VARIABLE]);
  return { ...acceptedTriggersFrom(env[ACCEPTED_TRIGGERS_VARIABLE]), ...findings };
}

function securityHubFindingsFrom(value: string | undefined): HandlerOptions {
  if (value === undefined || value === '' || value === 'false') return {};
  if (value === 'true') return { securityHubFindings: true };
  throw new InvalidSettingError(
    `Invalid environment variable ${SECURITY_HUB_FINDINGS_VARIABLE}: received ${JSON.stringify(value)}; allowed: true, false`,
  );
}

function acceptedTriggersFrom(value: string | undefined): HandlerOptions {
  if (value === undefined || value === '') return {};
  const allowed: readonly string[] = Object.values(AcceptedTriggers);
  if (!allowed.includes(value)) {
    throw new InvalidSettingError(
      `Invalid environment variable ${ACCEPTED_TRIGGERS_VARIABLE}: received ${JSON.stringify(value)}; allowed: ${allowed.join(', ')}`,
    );
  }
  return { acceptedTriggers: value as AcceptedTriggers };
}

/**
 * Refuses an event whose trigger the function does not evaluate.
 *
 * @throws InvalidEventError when only periodic triggers are accepted and the
 *   event is a change notification
 */
export function assertAcceptedTrigger(event: ParsedEvent, accepted: AcceptedTriggers): void {
  if (accepted === AcceptedTriggers.All) return;
  if (event.messageType === MessageType.ScheduledNotification) return;
  throw new InvalidEventError(
    `This function evaluates periodic triggers only (${ACCEPTED_TRIGGERS_VARIABLE}=${accepted}): received messageType ${event.messageType}; expected ${MessageType.ScheduledNotification}`,
  );
}

/** The time limits of one invocation. */
export interface InvocationDeadlines {
  /** For each AWS call and wait: the Lambda's time left less the exit margin. */
  readonly call: Deadline;
  /** For credential-report polling: the time left less the PutEvaluations margin. */
  readonly polling: Deadline;
}

/** The deadlines of an invocation whose context says how much time is left. */
export function invocationDeadlines(
  remainingMs: () => number,
  options: HandlerOptions,
): InvocationDeadlines {
  const exitMargin = options.exitMarginMs ?? 500;
  const safetyMargin = options.safetyMarginMs ?? 5000;
  return {
    call: () => remainingMs() - exitMargin,
    polling: () => remainingMs() - safetyMargin,
  };
}
