import type { FindingSubject } from '../../../definition/findings/index.js';

/** Finding subjects covering each kind of row: failed, passed, not applicable, without a result. */
const base = {
  accountId: '111111111111',
  partition: 'aws',
  region: 'eu-west-1',
  ruleName: 'root-access-key-rule',
  observedAt: '2026-12-06T10:00:00.000Z',
  productVersion: '0.1.0',
} as const;

export const nonCompliant: FindingSubject = {
  ...base,
  accountName: 'Payments',
  organizationId: 'o-a1b2c3d4e5',
  organizationalUnit: 'Root/Workloads/Prod',
  result: 'NON_COMPLIANT',
  annotation:
    'Root user has 2 access keys: key 1 active, last used 2026-11-20 (s3, us-east-1), rotated 2019-03-02; key 2 inactive, never used. Delete them.',
  accessKeysPresent: 2,
  keySource: 'credential-report',
  keys: [
    {
      slot: 1,
      active: true,
      created: '2019-03-02',
      lastUsedDate: '2026-11-20',
      lastUsedService: 's3',
      lastUsedRegion: 'us-east-1',
    },
    { slot: 2, active: false },
  ],
};

export const compliant: FindingSubject = {
  ...base,
  result: 'COMPLIANT',
  annotation: 'No root access key exists.',
  accessKeysPresent: 0,
};

export const notApplicable: FindingSubject = {
  ...base,
  accountId: '222222222222',
  result: 'NOT_APPLICABLE',
  annotation: 'The root user has no access keys and no password.',
  accessKeysPresent: 0,
};

export const listedKey: FindingSubject = {
  ...base,
  partition: 'aws-us-gov',
  region: 'us-gov-west-1',
  result: 'NON_COMPLIANT',
  annotation: 'Root user has 1 access key: key AKIAIOSFODNN7EXAMPLE active, never used. Delete it.',
  accessKeysPresent: 1,
  keySource: 'access-key-list',
  keys: [{ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', active: true, created: '2026-01-05' }],
};

/** Rows without a current result, each with its reason. */
export const withoutResult: readonly FindingSubject[] = [
  'ERROR',
  'NO_RESULT',
  'EXCLUDED',
  'INSUFFICIENT_DATA',
  'STALE',
  'CONFLICT',
].map((result, index) => ({
  ...base,
  accountId: `33333333333${index}`,
  result,
  reason: `reason for ${result}: AccessDenied on iam:GetAccountSummary`,
}));

export const allSubjects: readonly FindingSubject[] = [
  nonCompliant,
  compliant,
  notApplicable,
  listedKey,
  ...withoutResult,
];
