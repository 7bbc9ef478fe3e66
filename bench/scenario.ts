import {
  createWorld,
  deployedRuleName,
  generateAccounts,
  generateAggregateEvaluations,
  generatedAccountId,
  generateOrganization,
  placeAccounts,
  type SimPackAccountStatus,
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
 * The organization `evaluate` reads: `accountCount` accounts (every tenth
 * with an active root key) reachable through {@link BENCH.roleName}.
 */
export function cliWorld(accountCount: number): SimulatedWorld {
  return createWorld({
    callerAccountId: BENCH.centralAccount,
    roleName: BENCH.roleName,
    accounts: generateAccounts({ count: accountCount, activeKeyEvery: 10 }),
  });
}

/**
 * What each account of {@link reportWorld} is, by its index: in every 1,000,
 * one the pack failed in (no result), one excluded from the pack, one
 * suspended; the rest evaluated (every tenth NON_COMPLIANT).
 */
export function reportAccountKind(
  index: number,
): 'failed' | 'excluded' | 'suspended' | 'evaluated' {
  const slot = index % 1000;
  return slot === 250
    ? 'failed'
    : slot === 750
      ? 'excluded'
      : slot === 500
        ? 'suspended'
        : 'evaluated';
}

/**
 * The organization `report` reads: `accountCount` accounts in 12 OUs two
 * levels deep, the aggregator holding the rule's results (and two other
 * rules') for the evaluated ones, and the organization conformance pack's
 * status in every account it was deployed to (see {@link reportAccountKind}).
 */
export function reportWorld(accountCount: number): SimulatedWorld {
  const { organization, leafUnits } = generateOrganization();
  const accounts = placeAccounts(generateAccounts({ count: accountCount }), leafUnits).map(
    (account, index) =>
      reportAccountKind(index) === 'suspended'
        ? { ...account, status: 'SUSPENDED' as const }
        : account,
  );
  const evaluated = (accountId: string) =>
    reportAccountKind(Number(accountId) - Number(generatedAccountId(0))) === 'evaluated';
  const statuses: SimPackAccountStatus[] = accounts
    .filter((_, index) => ['evaluated', 'failed'].includes(reportAccountKind(index)))
    .map((account) =>
      evaluated(account.id)
        ? { accountId: account.id, status: 'CREATE_SUCCESSFUL' }
        : {
            accountId: account.id,
            status: 'CREATE_FAILED',
            errorCode: 'NoAvailableConfigurationRecorder',
            errorMessage: 'Config recorder is not available in the member account.',
          },
    );
  return createWorld({
    // Results of 06:00 judged at noon: current, as in a healthy organization.
    now: new Date('2026-11-28T12:00:00Z'),
    callerAccountId: BENCH.centralAccount,
    organization,
    accounts,
    aggregators: [
      {
        name: BENCH.aggregatorName,
        // Every result from the organization conformance pack's rule, as the pack deploys it.
        evaluations: generateAggregateEvaluations({ accountCount, nonCompliantEvery: 10 })
          .filter((evaluation) => evaluated(evaluation.accountId))
          .map((evaluation) =>
            evaluation.ruleName.includes('root-access-key-rule')
              ? { ...evaluation, ruleName: deployedRuleName(1) }
              : evaluation,
          ),
      },
    ],
    conformancePacks: [
      {
        name: 'root-access-key-rule',
        excludedAccounts: accounts
          .filter((_, index) => reportAccountKind(index) === 'excluded')
          .map((a) => a.id),
        statuses,
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
