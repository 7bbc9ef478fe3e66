import {
  type AggregateEvaluation,
  createWorld,
  queryResult,
  type SimulatedWorld,
} from '../../tools/aws-endpoint/index.js';

/** Accounts of {@link coverageWorld}, by what they show. */
export const ACCOUNTS = {
  management: '111111111111',
  keyed: '200000000001',
  clean: '200000000002',
  excluded: '200000000003',
  packFailed: '200000000004',
  suspended: '200000000005',
  hostile: '200000000006',
  neverEvaluated: '200000000007',
  notApplicable: '200000000008',
  deploying: '200000000009',
  outside: '300000000000',
} as const;

/** A name and an annotation that try to run code in an HTML page and in a spreadsheet. */
export const HOSTILE_NAME =
  '=HYPERLINK("https://evil.example","x")<script>window.__pwned=1</script>';
export const HOSTILE_ANNOTATION =
  '<img src=x onerror="window.__pwned=2"><script>window.__pwned=3</script> Root user has 1 access key.';

const TWO_KEYS = {
  key1: { active: true, lastUsedDate: '2026-11-20T08:00:00+00:00' },
  key2: { active: false },
} as const;

const UNITS = {
  workloads: 'ou-exmp-workload',
  prod: 'ou-exmp-prod0001',
  payments: 'ou-exmp-payments',
  sandbox: 'ou-exmp-sandbox1',
  security: 'ou-exmp-security',
} as const;

const RECORDED = new Date('2026-11-28T06:00:00Z');
/** The rule's name in each member account of the organization conformance pack. */
export const PACK_RULE = 'root-access-key-rule-conformance-pack-abc123de';
/** The world's clock: results recorded 6 hours before it are current. */
export const NOW = new Date('2026-11-28T12:00:00Z');

function result(
  accountId: string,
  complianceType: AggregateEvaluation['complianceType'],
  annotation: string,
  ruleName = PACK_RULE,
): AggregateEvaluation {
  return {
    accountId,
    region: 'eu-west-1',
    ruleName,
    complianceType,
    annotation,
    resultRecordedTime: RECORDED,
  };
}

/**
 * An organization where the aggregator does not cover every account: nested
 * OUs (Root/Workloads/Prod/Payments), an account excluded from the pack, one
 * where the pack failed (with two root keys the aggregator never saw), one
 * still deploying, one deployed but never evaluated, one NOT_APPLICABLE, a
 * suspended one, one outside the organization, and hostile text from a
 * member account. The caller is the management account, where
 * centralized root access has RootCredentialsManagement on.
 */
export function coverageWorld(): SimulatedWorld {
  const a = ACCOUNTS;
  return createWorld({
    now: NOW,
    callerAccountId: a.management,
    roleName: 'RootKeyAudit',
    organization: {
      units: [
        { id: UNITS.workloads, name: 'Workloads' },
        { id: UNITS.prod, name: 'Prod', parentId: UNITS.workloads },
        { id: UNITS.payments, name: 'Payments', parentId: UNITS.prod },
        { id: UNITS.sandbox, name: 'Sandbox' },
        { id: UNITS.security, name: 'Security' },
      ],
    },
    accounts: [
      { id: a.management, name: 'management' },
      {
        id: a.keyed,
        name: 'payments-prod',
        parentId: UNITS.payments,
        rootKeys: { key1: TWO_KEYS.key1 },
      },
      { id: a.clean, name: 'web-prod', parentId: UNITS.prod },
      { id: a.excluded, name: 'lab', parentId: UNITS.sandbox },
      { id: a.packFailed, name: 'legacy-sandbox', parentId: UNITS.sandbox, rootKeys: TWO_KEYS },
      { id: a.suspended, name: 'closed-project', parentId: UNITS.sandbox, status: 'SUSPENDED' },
      {
        id: a.hostile,
        name: HOSTILE_NAME,
        parentId: UNITS.security,
        rootKeys: { key1: TWO_KEYS.key1 },
      },
      { id: a.neverEvaluated, name: 'log-archive', parentId: UNITS.security },
      { id: a.notApplicable, name: 'audit', parentId: UNITS.security, passwordPresent: false },
      { id: a.deploying, name: 'api-prod', parentId: UNITS.prod },
    ],
    aggregators: [
      {
        name: 'org',
        evaluations: [
          result(a.management, 'COMPLIANT', 'No root access key exists.'),
          result(
            a.keyed,
            'NON_COMPLIANT',
            'Root user has 1 access key: key 1 active, last used 2026-11-20 (s3, us-east-1). Delete it.',
          ),
          result(a.clean, 'COMPLIANT', 'No root access key exists.'),
          result(a.hostile, 'NON_COMPLIANT', HOSTILE_ANNOTATION),
          result(
            a.notApplicable,
            'NOT_APPLICABLE',
            'The root user has no access keys and no password.',
          ),
          result(a.outside, 'COMPLIANT', 'No root access key exists.'),
        ],
      },
    ],
    conformancePacks: [
      {
        name: 'root-access-key-rule',
        excludedAccounts: [a.excluded],
        statuses: [
          ...[a.management, a.keyed, a.clean, a.hostile, a.neverEvaluated, a.notApplicable].map(
            (accountId) => ({ accountId, status: 'CREATE_SUCCESSFUL' as const }),
          ),
          {
            accountId: a.packFailed,
            status: 'CREATE_FAILED',
            errorCode: 'NoAvailableConfigurationRecorder',
            errorMessage: 'Config recorder is not available in the member account.',
          },
          { accountId: a.deploying, status: 'CREATE_IN_PROGRESS' },
        ],
      },
    ],
  });
}

/** `iam:ListOrganizationsFeatures` answering RootCredentialsManagement on (issue 10 may simulate it). */
export function rootCredentialsManagementOn() {
  return queryResult('iam', 'ListOrganizationsFeatures', {
    OrganizationId: 'o-exampleorg1',
    EnabledFeatures: ['RootCredentialsManagement'],
  });
}
