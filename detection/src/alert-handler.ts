import { Logger } from '@aws-lambda-powertools/logger';
import { AccountClientsPool } from '../../aws/account-clients.js';
import { DetectionVariable } from '../../definition/detection.js';
import { InvalidSettingError } from '../../definition/errors.js';
import { createOrganizationsClient, createSnsClient } from './aws/clients.js';
import { type AlertOutcome, type AlertSettings, handleEvent } from './handle-event.js';

/** The part of the Lambda context the alert function uses. */
export interface LambdaContextLike {
  getRemainingTimeInMillis(): number;
  readonly awsRequestId?: string;
}

/** Time kept to publish the alert after the optional calls. */
export const PUBLISH_RESERVE_MS = 5000;

/** Time kept before the end of the invocation, so it fails with a message, not a timeout. */
const EXIT_MARGIN_MS = 500;

const SESSION_NAME = 'root-access-key-alerts';

/** The alert function's structured JSON logger (Powertools). */
export const logger = new Logger({ serviceName: 'root-access-key-alerts' });

/**
 * The alert function's settings from its environment.
 *
 * @throws InvalidSettingError when a required variable is missing
 */
export function settingsFromEnvironment(env: NodeJS.ProcessEnv): AlertSettings {
  const required = (name: string): string => {
    const value = env[name];
    if (value === undefined || value === '') {
      throw new InvalidSettingError(
        `Missing environment variable ${name}: the alert function's construct sets it`,
      );
    }
    return value;
  };
  const memberRoleName = env[DetectionVariable.MemberRoleName];
  return {
    topicArn: required(DetectionVariable.TopicArn),
    ruleName: required(DetectionVariable.RuleName),
    ...(memberRoleName === undefined || memberRoleName === '' ? {} : { memberRoleName }),
    readAccountNames: env[DetectionVariable.AccountNames] === 'true',
  };
}

/**
 * Builds the alert handler. Clients live as long as the handler, so warm
 * invocations reuse them. A failure to publish fails the invocation, so that
 * Lambda retries it and then keeps the event in the on-failure destination.
 */
export function createHandler(settings: AlertSettings) {
  let sns: ReturnType<typeof createSnsClient> | undefined;
  let organizations: ReturnType<typeof createOrganizationsClient> | undefined;
  const clients = {
    sns: () => {
      sns ??= createSnsClient();
      return sns;
    },
    organizations: () => {
      organizations ??= createOrganizationsClient();
      return organizations;
    },
    accounts: new AccountClientsPool({ sessionName: SESSION_NAME, maxIdleRoles: 4 }),
  };
  return async function handler(event: unknown, context: LambdaContextLike): Promise<AlertOutcome> {
    logger.resetKeys();
    if (context.awsRequestId !== undefined) {
      logger.appendKeys({ function_request_id: context.awsRequestId });
    }
    const left = () => context.getRemainingTimeInMillis();
    try {
      const outcome = await handleEvent(event, settings, clients, {
        optional: () => left() - PUBLISH_RESERVE_MS,
        publish: () => left() - EXIT_MARGIN_MS,
      });
      if (outcome.kind === 'ignored') {
        logger.info('Event ignored', { reason: outcome.reason });
      } else {
        logger.info('Alert published', {
          alert: outcome.alert?.kind,
          subject: outcome.alert?.subject,
          messageId: outcome.messageId,
          problems: outcome.problems,
        });
      }
      return outcome;
    } catch (error) {
      logger.error('Alert not published; the invocation fails so that Lambda retries it', {
        error: error as Error,
      });
      throw error;
    }
  };
}
