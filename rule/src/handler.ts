import { type AccountClients, AccountClientsPool } from '../../aws/account-clients.js';
import type { BackoffOptions, Sleep } from '../../aws/backoff.js';
import { AcceptedTriggers, type ComplianceType } from '../../definition/config.js';
import { definedFields } from '../../definition/objects.js';
import { isTestMode, putEvaluations } from './config/put-evaluations.js';
import { executionRoleArn } from './core/arn.js';
import { decide } from './core/decide.js';
import { InvalidEventError } from './core/errors.js';
import { type ParsedEvent, parseConfigRuleEvent } from './core/event.js';
import { type AccountEvaluation, evaluateAccount } from './evaluate-account.js';
import {
  assertAcceptedTrigger,
  HANDLER_MAX_IDLE_ROLES,
  type HandlerOptions,
  type InvocationDeadlines,
  invocationDeadlines,
  optionsFromEnvironment,
} from './handler-options.js';
import { logger } from './logger.js';
import { recordMetrics } from './metrics-recorder.js';
import { type FindingImportOutcome, reportFinding } from './security-hub-finding.js';

export type { HandlerOptions } from './handler-options.js';

/** The part of the Lambda context the rule uses. */
export interface LambdaContextLike {
  getRemainingTimeInMillis(): number;
  /** Put on every log line as `function_request_id`, as Powertools does. */
  readonly awsRequestId?: string;
}

/** What the handler returns (Config ignores it; tests and logs use it). */
export interface HandlerResult {
  readonly accountId: string;
  readonly compliance: ComplianceType;
  readonly annotation: string;
  readonly testMode: boolean;
}

const SESSION_NAME = 'root-access-key-rule';

/**
 * Builds a rule handler. Clients and assumed credentials live as long as the
 * handler, so warm invocations reuse them; they are created on first use.
 * Every AWS call and wait is bounded by the invocation's time left.
 */
export function createHandler(options: HandlerOptions = {}) {
  const clients = new AccountClientsPool({
    sessionName: SESSION_NAME,
    maxIdleRoles: options.maxIdleRoles ?? HANDLER_MAX_IDLE_ROLES,
  });
  const accepted = options.acceptedTriggers ?? AcceptedTriggers.All;
  // The same backoff paces report polling and PutEvaluations resends.
  const pacing = definedFields({ backoff: options.backoff, sleep: options.sleep });

  return async function handler(
    event: unknown,
    context: LambdaContextLike,
  ): Promise<HandlerResult> {
    const started = performance.now();
    // Temporary keys outlive the invocation in a warm function: reset them each time.
    logger.resetKeys();
    if (context.awsRequestId !== undefined) {
      logger.appendKeys({ function_request_id: context.awsRequestId });
    }
    try {
      const parsed = parseConfigRuleEvent(event);
      assertAcceptedTrigger(parsed, accepted);
      if (parsed.unknownParameterNames.length > 0) {
        logger.warn('Ignoring unknown rule parameters', { names: parsed.unknownParameterNames });
      }
      const deadlines = invocationDeadlines(() => context.getRemainingTimeInMillis(), options);
      const result = await clients.use(
        roleArnOf(parsed),
        (accountClients) =>
          evaluateAndReport({ event: parsed, deadlines, started }, accountClients, pacing, options),
        { deadline: deadlines.call },
      );
      await recordMetrics({ compliance: result.compliance });
      return result;
    } catch (error) {
      logger.error('Evaluation failed; no result was reported', {
        accountId: accountIdOf(event),
        error: error as Error,
      });
      await recordMetrics({ error });
      throw error;
    }
  };
}

/** One invocation being served. */
interface Invocation {
  readonly event: ParsedEvent;
  /** Time left for each call, and for report polling. */
  readonly deadlines: InvocationDeadlines;
  /** `performance.now()` when the invocation began. */
  readonly started: number;
}

/** Decides for the event's account and reports the verdict to Config. */
async function evaluateAndReport(
  { event, deadlines, started }: Invocation,
  clients: AccountClients,
  pacing: { readonly backoff?: BackoffOptions; readonly sleep?: Sleep },
  options: HandlerOptions,
): Promise<HandlerResult> {
  const { iam, config } = clients;
  const evaluation = event.eventLeftScope
    ? undefined
    : await evaluateAccount({
        iam,
        parameters: event.parameters,
        deadline: deadlines.polling,
        summaryDeadline: deadlines.call,
        ...pacing,
      });
  const decision = evaluation?.decision ?? decide({ eventLeftScope: true }, event.parameters);
  const putStarted = performance.now();
  const verdict = {
    accountId: event.accountId,
    ...decision,
    orderingTimestamp: event.orderingTimestamp,
  };
  await putEvaluations(config, [verdict], event.resultToken, {
    ...pacing,
    deadline: deadlines.call,
  });
  const result: HandlerResult = {
    accountId: event.accountId,
    compliance: decision.compliance,
    annotation: decision.annotation,
    testMode: isTestMode(event.resultToken),
  };
  if (options.securityHubFindings === true && !result.testMode) {
    const outcome = await reportFinding({
      event,
      decision,
      evaluation,
      clients,
      deadline: securityHubDeadline(deadlines, options.securityHubTimeoutMs),
      productVersion: PRODUCT_VERSION,
    });
    options.onFindingImport?.(outcome);
  }
  logEvaluation(event, result, evaluation, decision.row, started, putStarted);
  return result;
}

/** The tool's version, set in the bundle at build time. */
const PRODUCT_VERSION = process.env.ROOT_ACCESS_KEY_RULE_VERSION ?? 'development';

/** The Security Hub import's time: its own budget, within the invocation's. */
function securityHubDeadline(deadlines: InvocationDeadlines, budgetMs = 10_000) {
  const until = performance.now() + budgetMs;
  return () => Math.min(deadlines.call(), until - performance.now());
}

export type { FindingImportOutcome };

/**
 * The role to assume for an event (cross-account mode), or undefined for the
 * function's own account.
 *
 * @throws InvalidEventError when the event says no partition to build the ARN in
 */
function roleArnOf(event: ParsedEvent): string | undefined {
  const roleName = event.parameters.executionRoleName;
  if (roleName === undefined) return undefined;
  if (event.partition === undefined) {
    throw new InvalidEventError(
      'The event has neither configRuleArn nor executionRoleArn; cross-account mode (ExecutionRoleName) needs one to know the partition of the role to assume',
    );
  }
  return executionRoleArn(event.partition, event.accountId, roleName);
}

function logEvaluation(
  event: ParsedEvent,
  result: HandlerResult,
  evaluation: AccountEvaluation | undefined,
  row: number,
  started: number,
  putStarted: number,
): void {
  const now = performance.now();
  logger.info('Evaluation reported', {
    accountId: result.accountId,
    compliance: result.compliance,
    decisionRow: row,
    keyCount: evaluation?.summary.accessKeysPresent,
    reportUsed: evaluation?.keys?.kind === 'available',
    ...(evaluation?.keys?.kind === 'unavailable'
      ? { reportUnavailable: evaluation.keys.reason }
      : {}),
    crossAccount: event.parameters.executionRoleName !== undefined,
    messageType: event.messageType,
    testMode: result.testMode,
    timingsMs: {
      ...evaluation?.timings,
      putEvaluationsMs: Math.round(now - putStarted),
      totalMs: Math.round(now - started),
    },
  });
}

function accountIdOf(event: unknown): unknown {
  return typeof event === 'object' && event !== null
    ? (event as { accountId?: unknown }).accountId
    : undefined;
}

/** The Lambda entry point, with the options its environment sets. */
export const handler = createHandler(optionsFromEnvironment(process.env));
