/**
 * The simulated organizations of the docs' examples (see docs-examples.ts):
 * a small one with one account of each case for the text examples, a larger
 * one for the screenshot.
 */
import {
  type AggregateEvaluation,
  createWorld,
  generateOrganization,
  type SimAccount,
  type SimulatedWorld,
} from '../../tools/aws-endpoint/index.js';

/** The aggregator of both organizations. */
export const AGGREGATOR = 'root-access-key-rule-organization';
/** Their Region. */
export const REGION = 'eu-west-1';
/** Centralized root access as the examples show it: root credentials management on. */
const ROOT_ACCESS = { features: ['RootCredentialsManagement'] } as const;
const RECORDED = new Date('2026-11-28T06:00:12Z');
/** The clock of both worlds (the `Date` header of their answers): results of 06:00 are current. */
const NOW = new Date('2026-11-28T12:00:00Z');
/** The rule of the organization conformance pack, as Config names it in every member account. */
const PACK_RULE = 'root-access-key-rule-conformance-pack-7hd2kq9ze';
/** The pack's rule in the caller's account, as `DescribeConfigRules` lists it: its period sets the maximum age. */
const CALLER_RULES = [
  {
    name: PACK_RULE,
    maximumExecutionFrequency: 'TwentyFour_Hours',
    createdBy: 'config-conforms.amazonaws.com',
  },
];
const CLEAN = 'No root access key exists (IAM account summary: AccountAccessKeysPresent is 0).';
const ACTIVE =
  'Root user has 1 access key: key 1 active, last used 2026-11-20 (s3, us-east-1), rotated 2019-03-02. Delete it.';
const INACTIVE =
  'Root user has 1 access key: key 2 inactive, never used, rotated 2019-03-02. Delete it.';
const ACTIVE_KEY = { key1: { active: true, lastUsedDate: '2026-11-20T08:00:00+00:00' } } as const;
const RECORDER_MISSING = {
  status: 'CREATE_FAILED',
  errorCode: 'NoAvailableConfigurationRecorder',
  errorMessage: 'Config recorder is not available in the member account.',
} as const;

function result(
  accountId: string,
  complianceType: AggregateEvaluation['complianceType'],
  annotation: string,
  ruleName: string,
  minutes = 0,
  region = REGION,
): AggregateEvaluation {
  const resultRecordedTime = new Date(RECORDED.getTime() + minutes * 60_000);
  return { accountId, region, ruleName, complianceType, annotation, resultRecordedTime };
}

/**
 * The organization of the text examples: eight accounts, one of each case,
 * among them a result recorded 8 days ago (the rule has failed there since:
 * STALE) and a member's own rule where the pack failed (IGNORED).
 */
export function smallWorld(): SimulatedWorld {
  const pack = PACK_RULE;
  const accounts: SimAccount[] = [
    { id: '111111111111', name: 'management' },
    { id: '222222222222', name: 'production', parentId: 'ou-exmp-prod0001', rootKeys: ACTIVE_KEY },
    {
      id: '333333333333',
      name: 'sandbox',
      parentId: 'ou-exmp-sandbox1',
      rootKeys: { key2: { active: false } },
    },
    { id: '444444444444', name: 'security', parentId: 'ou-exmp-security', passwordPresent: false },
    { id: '555555555555', name: 'legacy', parentId: 'ou-exmp-sandbox1', assumeRoleDenied: true },
    {
      id: '666666666666',
      name: 'closed-project',
      parentId: 'ou-exmp-sandbox1',
      status: 'SUSPENDED',
    },
    { id: '777777777777', name: 'lab', parentId: 'ou-exmp-sandbox1' },
    { id: '888888888888', name: 'data-prod', parentId: 'ou-exmp-prod0001', rootKeys: ACTIVE_KEY },
  ];
  return createWorld({
    now: NOW,
    configRules: CALLER_RULES,
    roleName: 'RootKeyAudit',
    rootAccess: ROOT_ACCESS,
    organization: {
      units: [
        { id: 'ou-exmp-workload', name: 'Workloads' },
        { id: 'ou-exmp-prod0001', name: 'Prod', parentId: 'ou-exmp-workload' },
        { id: 'ou-exmp-sandbox1', name: 'Sandbox' },
        { id: 'ou-exmp-security', name: 'Security' },
      ],
    },
    accounts,
    aggregators: [
      {
        name: AGGREGATOR,
        evaluations: [
          result('111111111111', 'COMPLIANT', CLEAN, pack),
          result('222222222222', 'NON_COMPLIANT', ACTIVE, pack, 1),
          result('333333333333', 'NON_COMPLIANT', INACTIVE, pack, 2),
          result(
            '444444444444',
            'NOT_APPLICABLE',
            'The root user has no access keys and no password.',
            pack,
            3,
          ),
          result('555555555555', 'COMPLIANT', CLEAN, pack, -8 * 24 * 60),
          result('888888888888', 'COMPLIANT', CLEAN, 'root-access-key-rule', 5, 'us-east-1'),
          result('111111111111', 'NON_COMPLIANT', 'No password policy.', 'iam-password-policy'),
        ],
      },
    ],
    conformancePacks: [
      {
        name: 'root-access-key-rule',
        excludedAccounts: ['777777777777'],
        statuses: [
          ...['111111111111', '222222222222', '333333333333', '444444444444', '555555555555'].map(
            (accountId) => ({ accountId, status: 'CREATE_SUCCESSFUL' as const }),
          ),
          { accountId: '888888888888', ...RECORDER_MISSING },
        ],
      },
    ],
  });
}

/** The organization of the screenshot: 12 OUs of four accounts each, and the same cases. */
export function largeWorld(): SimulatedWorld {
  const { organization, leafUnits } = generateOrganization();
  const names = new Map(organization.units?.map((unit) => [unit.id, unit.name]));
  const accounts: SimAccount[] = [{ id: '111111111111', name: 'management' }];
  const evaluations: AggregateEvaluation[] = [
    result('111111111111', 'COMPLIANT', CLEAN, PACK_RULE),
  ];
  const statuses: { accountId: string; status: 'CREATE_SUCCESSFUL' | 'CREATE_IN_PROGRESS' }[] = [
    { accountId: '111111111111', status: 'CREATE_SUCCESSFUL' },
  ];
  const failed: string[] = [];
  leafUnits.forEach((unit, u) => {
    for (let n = 0; n < 4; n++) {
      const index = u * 4 + n;
      const id = String(210_000_000_000 + index);
      const branch = names.get(unit.parentId ?? '') ?? 'unit';
      const name = `${branch}-${unit.name}-${n + 1}`.toLowerCase();
      const keyed = index % 9 === 4;
      accounts.push({
        id,
        name,
        parentId: unit.id,
        ...(index === 30 && { status: 'SUSPENDED' as const }),
      });
      if (index === 30) continue;
      if (index === 17) {
        failed.push(id);
        continue;
      }
      if (index === 41) continue;
      statuses.push({
        accountId: id,
        status: index === 23 ? 'CREATE_IN_PROGRESS' : 'CREATE_SUCCESSFUL',
      });
      if (index === 23) continue;
      const rule = PACK_RULE;
      // One account whose rule has failed for days: its last result is STALE.
      const minutes = index === 11 ? -5 * 24 * 60 : index;
      evaluations.push(
        index % 13 === 7
          ? result(
              id,
              'NOT_APPLICABLE',
              'The root user has no access keys and no password.',
              rule,
              minutes,
            )
          : result(
              id,
              keyed ? 'NON_COMPLIANT' : 'COMPLIANT',
              keyed ? ACTIVE : CLEAN,
              rule,
              minutes,
            ),
      );
    }
  });
  return createWorld({
    now: NOW,
    configRules: CALLER_RULES,
    rootAccess: ROOT_ACCESS,
    organization,
    accounts,
    aggregators: [{ name: AGGREGATOR, evaluations }],
    conformancePacks: [
      {
        name: 'root-access-key-rule',
        excludedAccounts: [String(210_000_000_041)],
        statuses: [...statuses, ...failed.map((accountId) => ({ accountId, ...RECORDER_MISSING }))],
      },
    ],
  });
}
