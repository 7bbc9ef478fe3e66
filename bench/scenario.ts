import {
  createWorld,
  generateAccounts,
  generateAggregateEvaluations,
  type SimulatedWorld,
} from '../tools/aws-endpoint/index.js';

/** Accounts and names of the simulated organization the bench runs against. */
export const BENCH = {
  /** The account that owns the rule (own-account mode) or the central function. */
  centralAccount: '111111111111',
  /** A member account without root keys. */
  cleanMember: '222222222222',
  /** A member account with an active root key. */
  keyedMember: '333333333333',
  /** An account evaluated in own-account mode that has an active root key. */
  keyedOwnAccount: '444444444444',
  /** The role the central function assumes in member accounts. */
  roleName: 'RootAccessKeyRuleExecution',
  aggregatorName: 'organization-aggregator',
  region: 'us-east-1',
} as const;

const ACTIVE_KEY = { key1: { active: true, lastUsedDate: '2026-11-20T08:00:00+00:00' } } as const;

/**
 * The central account (clean) with a clean and a keyed member reachable
 * through {@link BENCH.roleName}: own-account and cross-account paths.
 */
export function organizationWorld(): SimulatedWorld {
  return createWorld({
    callerAccountId: BENCH.centralAccount,
    roleName: BENCH.roleName,
    accounts: [{ id: BENCH.cleanMember }, { id: BENCH.keyedMember, rootKeys: ACTIVE_KEY }],
  });
}

/**
 * An own account with an active root key and, until the first invocation
 * generates it, no credential report (one poll sees it in progress).
 */
export function keyedAccountWorld(): SimulatedWorld {
  return createWorld({
    callerAccountId: BENCH.keyedOwnAccount,
    accounts: [
      { id: BENCH.keyedOwnAccount, rootKeys: ACTIVE_KEY, credentialReport: { exists: false } },
    ],
  });
}

/**
 * The organization the command-line tool reads: `accountCount` accounts
 * (every tenth with an active root key) reachable through
 * {@link BENCH.roleName}, and an aggregator holding the rule's results (and
 * two other rules') for `aggregatorAccounts` accounts.
 */
export function cliWorld(accountCount: number, aggregatorAccounts: number): SimulatedWorld {
  return createWorld({
    callerAccountId: BENCH.centralAccount,
    roleName: BENCH.roleName,
    accounts: generateAccounts({ count: accountCount, activeKeyEvery: 10 }),
    aggregators: [
      {
        name: BENCH.aggregatorName,
        evaluations: generateAggregateEvaluations({
          accountCount: aggregatorAccounts,
          nonCompliantEvery: 10,
        }),
      },
    ],
  });
}

/** A periodic Config rule event for `accountId`, cross-account when `roleName` is given. */
export function scheduledEvent(accountId: string, roleName?: string): Record<string, unknown> {
  const ruleAccount = roleName === undefined ? accountId : BENCH.centralAccount;
  return {
    configRuleId: 'config-rule-bench01',
    version: '1.0',
    configRuleName: 'root-access-key-rule',
    configRuleArn: `arn:aws:config:${BENCH.region}:${ruleAccount}:config-rule/config-rule-bench01`,
    invokingEvent: JSON.stringify({
      awsAccountId: accountId,
      notificationCreationTime: '2026-11-28T06:00:00.000Z',
      messageType: 'ScheduledNotification',
      recordVersion: '1.0',
    }),
    resultToken: 'bench-result-token',
    eventLeftScope: false,
    ruleParameters: JSON.stringify(roleName === undefined ? {} : { ExecutionRoleName: roleName }),
    executionRoleArn: `arn:aws:iam::${accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
    accountId,
  };
}
