import type { ConfigServiceClient } from '@aws-sdk/client-config-service';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { ComplianceType } from '../../definition/config.js';
import { assumeRole, CredentialsCache } from './aws/assume-role.js';
import type { BackoffOptions, Sleep } from './aws/backoff.js';
import {
  type Credentials,
  createConfigClient,
  createIamClient,
  createStsClient,
} from './aws/clients.js';
import { isTestMode, putEvaluations } from './config/put-evaluations.js';
import { executionRoleArn } from './core/arn.js';
import { decide } from './core/decide.js';
import { InvalidEventError } from './core/errors.js';
import { type ParsedEvent, parseConfigRuleEvent } from './core/event.js';
import { type AccountEvaluation, evaluateAccount } from './evaluate-account.js';
import { logger } from './logger.js';

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

/** Options of {@link createHandler}, for tests and embedding. */
export interface HandlerOptions {
  /** Time kept free for `PutEvaluations` after report polling. @default 5000 ms */
  readonly safetyMarginMs?: number;
  /** Backoff of report polling and resends. @default see fetchCredentialReport */
  readonly backoff?: BackoffOptions;
  /** @default real timers */
  readonly sleep?: Sleep;
}

interface AccountClients {
  readonly iam: IAMClient;
  readonly config: ConfigServiceClient;
}

const SESSION_NAME = 'root-access-key-rule';

/**
 * Builds a rule handler. Clients and assumed credentials live as long as the
 * handler, so warm invocations reuse them; they are created on first use.
 */
export function createHandler(options: HandlerOptions = {}) {
  const credentialsCache = new CredentialsCache();
  const clientsByRole = new Map<string, AccountClients>();
  let ownClients: AccountClients | undefined;
  let sts: Awaited<ReturnType<typeof createStsClient>> | undefined;
  // The same backoff paces report polling and PutEvaluations resends.
  const pacing = {
    ...(options.backoff === undefined ? {} : { backoff: options.backoff }),
    ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
  };

  const clientsFor = async (event: ParsedEvent): Promise<AccountClients> => {
    const roleName = event.parameters.executionRoleName;
    if (roleName === undefined) {
      ownClients ??= makeClients();
      return ownClients;
    }
    if (event.partition === undefined) {
      throw new InvalidEventError(
        'The event has neither configRuleArn nor executionRoleArn; cross-account mode (ExecutionRoleName) needs one to know the partition of the role to assume',
      );
    }
    const roleArn = executionRoleArn(event.partition, event.accountId, roleName);
    const existing = clientsByRole.get(roleArn);
    if (existing !== undefined) return existing;
    sts ??= await createStsClient();
    const stsClient = sts;
    const credentials: Credentials = async () =>
      credentialsCache.get(roleArn, () => assumeRole(stsClient, roleArn, SESSION_NAME));
    const clients = makeClients(credentials);
    clientsByRole.set(roleArn, clients);
    return clients;
  };

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
      if (parsed.unknownParameterNames.length > 0) {
        logger.warn('Ignoring unknown rule parameters', { names: parsed.unknownParameterNames });
      }
      const clients = await clientsFor(parsed);
      const evaluation = parsed.eventLeftScope
        ? undefined
        : await evaluateAccount({
            iam: clients.iam,
            parameters: parsed.parameters,
            deadline: () => context.getRemainingTimeInMillis() - (options.safetyMarginMs ?? 5000),
            ...pacing,
          });
      const decision = evaluation?.decision ?? decide({ eventLeftScope: true }, parsed.parameters);
      const putStarted = performance.now();
      await putEvaluations(
        clients.config,
        [{ accountId: parsed.accountId, ...decision, orderingTimestamp: parsed.orderingTimestamp }],
        parsed.resultToken,
        pacing,
      );
      const result: HandlerResult = {
        accountId: parsed.accountId,
        compliance: decision.compliance,
        annotation: decision.annotation,
        testMode: isTestMode(parsed.resultToken),
      };
      logEvaluation(parsed, result, evaluation, decision.row, started, putStarted);
      return result;
    } catch (error) {
      logger.error('Evaluation failed; no result was reported', {
        accountId: accountIdOf(event),
        error: error as Error,
      });
      throw error;
    }
  };
}

function makeClients(credentials?: Credentials): AccountClients {
  const options = credentials === undefined ? {} : { credentials };
  return { iam: createIamClient(options), config: createConfigClient(options) };
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
    reportUsed: evaluation?.report?.kind === 'available',
    ...(evaluation?.report?.kind === 'unavailable'
      ? { reportUnavailable: evaluation.report.reason }
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

/** The Lambda entry point. */
export const handler = createHandler();
