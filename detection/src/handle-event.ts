import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { AccountClientsPool } from '../../aws/account-clients.js';
import type { Deadline } from '../../aws/backoff.js';
import { errorMessage } from '../../aws/errors.js';
import { executionRoleArn } from '../../rule/src/core/index.js';
import { describeAccountName } from './aws/account-name.js';
import { publishAlert } from './aws/publish-alert.js';
import { deployedRuleNames, startRulesEvaluation } from './aws/re-evaluate.js';
import {
  type AlertContext,
  type AlertMessage,
  nonCompliantAlert,
  type ReEvaluation,
  rootKeyAlert,
} from './core/alert.js';
import { type Classification, classify } from './core/classify.js';

/** The settings of the alert function, from its environment. */
export interface AlertSettings {
  /** The alerts topic. */
  readonly topicArn: string;
  /** The rule's name, as its deployment named it. */
  readonly ruleName: string;
  /** The member role to assume in the event's account; absent: the own account only. */
  readonly memberRoleName?: string;
  /** Read account names from AWS Organizations. */
  readonly readAccountNames: boolean;
}

/** The clients the alert function calls through. */
export interface AlertClients {
  readonly sns: () => SNSClient;
  readonly organizations: () => Promise<OrganizationsClient>;
  /** Config clients of the function's own account or of a member role. */
  readonly accounts: AccountClientsPool;
}

/** The time limits of one invocation. */
export interface AlertDeadlines {
  /** For the optional calls (account name, re-evaluation): leaves time to publish. */
  readonly optional: Deadline;
  /** For publishing the alert. */
  readonly publish: Deadline;
}

/** What the alert function did with one event. */
export interface AlertOutcome {
  readonly kind: Classification['kind'];
  /** Why nothing was done, for an ignored event. */
  readonly reason?: string;
  /** The alert published. */
  readonly alert?: AlertMessage;
  readonly messageId?: string;
  /** Optional facts that could not be had (the alert went out without them). */
  readonly problems: readonly string[];
}

/**
 * Handles one event: classifies it; for a root key event, reads the
 * account's name and asks AWS Config to evaluate the rule again in the
 * account (both optional: a failure is named in the alert), then publishes
 * the alert, which must succeed.
 *
 * @throws RuleError when the alert cannot be published
 */
export async function handleEvent(
  event: unknown,
  settings: AlertSettings,
  clients: AlertClients,
  deadlines: AlertDeadlines,
): Promise<AlertOutcome> {
  const classification = classify(event, settings.ruleName);
  if (classification.kind === 'ignored') {
    return { kind: 'ignored', reason: classification.reason, problems: [] };
  }
  const accountId =
    classification.kind === 'non-compliant'
      ? classification.change.accountId
      : classification.event.accountId;
  const problems: string[] = [];
  const [accountName, reEvaluation] = await Promise.all([
    accountNameOf(accountId, settings, clients, deadlines.optional, problems),
    classification.kind === 'root-key'
      ? reEvaluate(accountId, settings, clients, deadlines.optional)
      : undefined,
  ]);
  if (reEvaluation?.status === 'failed') problems.push(reEvaluation.reason);
  const context: AlertContext = {
    ...(accountName === undefined ? {} : { accountName }),
    ...(reEvaluation === undefined ? {} : { reEvaluation }),
  };
  const alert =
    classification.kind === 'non-compliant'
      ? nonCompliantAlert(classification.change, context)
      : rootKeyAlert(classification.event, context);
  const messageId = await publishAlert(clients.sns(), settings.topicArn, alert, deadlines.publish);
  return { kind: classification.kind, alert, messageId, problems };
}

async function accountNameOf(
  accountId: string,
  settings: AlertSettings,
  clients: AlertClients,
  deadline: Deadline,
  problems: string[],
): Promise<string | undefined> {
  if (!settings.readAccountNames) return undefined;
  try {
    return await describeAccountName(await clients.organizations(), accountId, deadline);
  } catch (error) {
    problems.push(`account name: ${errorMessage(error)}`);
    return undefined;
  }
}

/**
 * Asks Config to evaluate the rule again in the account, through the member
 * role there (organization) or in the function's own account.
 */
async function reEvaluate(
  accountId: string,
  settings: AlertSettings,
  clients: AlertClients,
  deadline: Deadline,
): Promise<ReEvaluation> {
  // The topic is the deployment's, in the function's own account and partition.
  const [, partition = 'aws', , , ownAccountId] = settings.topicArn.split(':');
  if (settings.memberRoleName === undefined && accountId !== ownAccountId) {
    return {
      status: 'failed',
      reason: `account ${accountId} is not the function's own (${ownAccountId}) and no member role is set`,
    };
  }
  const roleArn =
    settings.memberRoleName === undefined
      ? undefined
      : executionRoleArn(partition, accountId, settings.memberRoleName);
  try {
    return await clients.accounts.use(
      roleArn,
      async ({ config }) => {
        const names = await deployedRuleNames(config, settings.ruleName, deadline);
        if (names.length === 0) {
          return {
            status: 'failed',
            reason: `no rule named ${settings.ruleName} (or a copy of it) in account ${accountId}`,
          } as const;
        }
        await startRulesEvaluation(config, names, deadline);
        return { status: 'requested', configRuleName: names.join(', ') } as const;
      },
      { deadline },
    );
  } catch (error) {
    return { status: 'failed', reason: `re-evaluation: ${errorMessage(error)}` };
  }
}
