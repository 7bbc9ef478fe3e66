import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type AwsEndpoint,
  accountOfAccessKey,
  BASE_ACCESS_KEY_ID,
  createWorld,
  generateAccounts,
  type SimAccount,
  startAwsEndpoint,
  withEnv,
} from '../../../tools/aws-endpoint/index.js';
import { type CliRun, run } from '../capture-io.js';

/**
 * `evaluate` with the real SDK clients against the local endpoint's simulated
 * organization: 1 management account under the root and 45 members in
 * Workloads, Workloads/Prod (39 accounts: 3 pages of ListAccountsForParent,
 * page 1 empty with a NextToken) and Sandbox; ListAccounts, used when the
 * tree cannot be walked, has 4 pages (page 1 empty).
 */
const MANAGEMENT = '111111111111';
const ROLE = 'RootKeyAudit';
const ACTIVE_KEY = '200000000001';
const INACTIVE_KEY = '200000000002';
const NO_CREDENTIALS = '200000000003';
const DENIED = '200000000004';
const SUSPENDED = '200000000005';
const CLEAN = '200000000006';

const WORKLOADS = 'ou-exmp-workload';
const PROD = 'ou-exmp-prod0001';
const SANDBOX = 'ou-exmp-sandbox1';
const members: SimAccount[] = [
  {
    id: ACTIVE_KEY,
    name: 'active-key',
    rootKeys: { key1: { active: true, lastUsedDate: '2026-11-20T08:00:00+00:00' } },
    parentId: WORKLOADS,
  },
  {
    id: INACTIVE_KEY,
    name: 'inactive-key',
    rootKeys: { key2: { active: false } },
    parentId: WORKLOADS,
  },
  { id: DENIED, name: 'denied', assumeRoleDenied: true, parentId: WORKLOADS },
  { id: NO_CREDENTIALS, name: 'no-root-credentials', passwordPresent: false, parentId: SANDBOX },
  { id: SUSPENDED, name: 'suspended', status: 'SUSPENDED', parentId: SANDBOX },
  { id: CLEAN, name: 'clean', parentId: SANDBOX },
  ...generateAccounts({ count: 39, firstAccountId: 300_000_000_000, activeKeyEvery: 0 }).map(
    (account) => ({ ...account, parentId: PROD }),
  ),
];
const world = createWorld({
  callerAccountId: MANAGEMENT,
  roleName: ROLE,
  accounts: [{ id: MANAGEMENT, name: 'management' }, ...members],
  organization: {
    units: [
      { id: WORKLOADS, name: 'Workloads' },
      { id: PROD, name: 'Prod', parentId: WORKLOADS },
      { id: SANDBOX, name: 'Sandbox' },
    ],
  },
  emptyPages: { ListAccounts: [1], ListAccountsForParent: [1] },
});
let endpoint: AwsEndpoint;

beforeAll(async () => {
  endpoint = await startAwsEndpoint({ world });
});
afterAll(() => endpoint.close());
beforeEach(() => endpoint.reset());

function evaluate(...argv: string[]): Promise<CliRun> {
  return withEnv(endpoint.env(), () => run(['evaluate', ...argv]));
}

function json(result: CliRun): Array<Record<string, unknown>> {
  return JSON.parse(result.stdout) as Array<Record<string, unknown>>;
}

const actions = () => endpoint.calls.map((call) => `${call.service}:${call.action}`);

describe('evaluate against the local endpoint', () => {
  it("evaluates the caller's own account with one IAM call for the verdict, never sending evaluations", async () => {
    const result = await evaluate('--output', 'json');

    expect(result.code).toBe(0);
    expect(json(result)).toEqual([
      {
        accountId: MANAGEMENT,
        accountName: 'management',
        organizationalUnit: 'Root',
        compliance: 'COMPLIANT',
        annotation:
          'No root access key exists (IAM account summary: AccountAccessKeysPresent is 0).',
        accessKeysPresent: 0,
        rootCredentialsManagement: false,
        rootSessions: false,
      },
    ]);
    // Its name and OU from DescribeAccount and ListParents; the evidence from
    // DescribeOrganization and ListOrganizationsFeatures.
    expect(actions().sort()).toEqual([
      'iam:GetAccountSummary',
      'iam:ListOrganizationsFeatures',
      'organizations:DescribeAccount',
      'organizations:DescribeOrganization',
      'organizations:ListParents',
      'sts:GetCallerIdentity',
    ]);
    expect(endpoint.calls.every((call) => call.accessKeyId === BASE_ACCESS_KEY_ID)).toBe(true);
    expect(result.stderr).toBe('');
  });

  it('evaluates every ACTIVE account of the organization across pages, with an error row for the denied one', async () => {
    const result = await evaluate('--organization', '--role-name', ROLE, '--output', 'json');
    const rows = json(result);
    const byId = new Map(rows.map((row) => [row.accountId, row]));

    expect(result.code).toBe(2);
    expect(rows).toHaveLength(45);
    expect(byId.has(SUSPENDED)).toBe(false);
    expect(rows.map((row) => row.accountId).slice(0, 3)).toEqual([
      MANAGEMENT,
      ACTIVE_KEY,
      INACTIVE_KEY,
    ]);
    expect(byId.get(ACTIVE_KEY)).toMatchObject({
      accountName: 'active-key',
      compliance: 'NON_COMPLIANT',
      accessKeysPresent: 1,
      annotation: expect.stringContaining('key 1 active, last used 2026-11-20 (s3, us-east-1)'),
    });
    expect(byId.get(INACTIVE_KEY)).toMatchObject({ compliance: 'NON_COMPLIANT' });
    expect(byId.get(NO_CREDENTIALS)).toMatchObject({ compliance: 'COMPLIANT' });
    expect(byId.get(DENIED)).toEqual({
      accountId: DENIED,
      accountName: 'denied',
      organizationalUnit: 'Root/Workloads',
      compliance: 'ERROR',
      rootCredentialsManagement: false,
      rootSessions: false,
      error: expect.stringMatching(
        /^sts:AssumeRole on arn:aws:iam::200000000004:role\/RootKeyAudit was denied \(AccessDenied: .*\); the role must exist and trust the caller \(arn:aws:iam::111111111111:user\/auditor\), and the caller needs sts:AssumeRole on it$/,
      ),
    });
    expect(rows.filter((row) => row.error !== undefined)).toHaveLength(1);
    expect(byId.get(ACTIVE_KEY)?.organizationalUnit).toBe('Root/Workloads');
    expect(byId.get(CLEAN)?.organizationalUnit).toBe('Root/Sandbox');
    expect(rows.filter((row) => row.organizationalUnit === 'Root/Workloads/Prod')).toHaveLength(39);
    const count = (action: string) => actions().filter((called) => called === action).length;
    expect(count('organizations:ListRoots')).toBe(1);
    expect(count('organizations:ListOrganizationalUnitsForParent')).toBe(4);
    // Root, Workloads and Sandbox in one page each; Prod's 39 in 3 (one empty).
    expect(count('organizations:ListAccountsForParent')).toBe(6);
    expect(count('organizations:ListAccounts')).toBe(0);
    expect(actions()).not.toContain('config:PutEvaluations');
    expect(result.stderr).toBe(`note: 1 left out (not ACTIVE): ${SUSPENDED} SUSPENDED\n`);
  });

  it('lists the accounts with ListAccounts, every page, when the tree cannot be walked', async () => {
    endpoint.script('organizations', 'ListRoots', {
      kind: 'error',
      status: 400,
      code: 'AccessDeniedException',
      message: 'You don\u2019t have permissions to access this resource.',
      type: 'Sender',
    });

    const result = await evaluate('--organization', '--role-name', ROLE, '--output', 'json');
    const rows = json(result);

    expect(result.code).toBe(2);
    expect(rows).toHaveLength(45);
    expect(rows.filter((row) => row.organizationalUnit !== undefined)).toEqual([]);
    expect(rows.find((row) => row.accountId === ACTIVE_KEY)).toMatchObject({
      accountName: 'active-key',
      compliance: 'NON_COMPLIANT',
    });
    expect(actions().filter((action) => action === 'organizations:ListAccounts')).toHaveLength(4);
  });

  it('names the accounts given with --accounts, and their OUs, without walking the tree', async () => {
    const result = await evaluate(
      '--accounts',
      `${ACTIVE_KEY},${generateAccounts({ count: 1, firstAccountId: 300_000_000_000 })[0]?.id}`,
      '--role-name',
      ROLE,
      '--output',
      'json',
    );

    expect(json(result).map((row) => [row.accountName, row.organizationalUnit])).toEqual([
      ['active-key', 'Root/Workloads'],
      ['workload-00000', 'Root/Workloads/Prod'],
    ]);
    expect(actions()).not.toContain('organizations:ListRoots');
    // Workloads is described once, though both accounts sit under it.
    const described = endpoint.calls.filter((call) => call.action === 'DescribeOrganizationalUnit');
    expect(described.map((call) => call.params.OrganizationalUnitId).sort()).toEqual([
      PROD,
      WORKLOADS,
    ]);
    expect(result.stderr).toBe('');
  });

  it('says nothing of Organizations when the accounts cannot be named', async () => {
    endpoint.setDefault('organizations', 'DescribeAccount', () => ({
      kind: 'error',
      status: 400,
      code: 'AccessDeniedException',
      message: 'You don\u2019t have permissions to access this resource.',
      type: 'Sender',
    }));

    const result = await evaluate('--accounts', CLEAN, '--role-name', ROLE, '--output', 'json');

    expect(result.code).toBe(0);
    expect(json(result)).toEqual([expect.not.objectContaining({ accountName: expect.anything() })]);
    expect(result.stderr).toBe('');
  });

  it("signs each account's IAM calls with the role assumed in that account", async () => {
    await evaluate('--organization', '--role-name', ROLE, '--concurrency', '7');
    const iamCalls = endpoint.calls.filter((call) => call.service === 'iam');

    expect(iamCalls.length).toBeGreaterThan(40);
    const signers = new Set(
      iamCalls.map((call) =>
        call.accessKeyId === BASE_ACCESS_KEY_ID ? MANAGEMENT : accountOfAccessKey(call.accessKeyId),
      ),
    );
    expect(signers.has(DENIED)).toBe(false);
    expect(signers.has(SUSPENDED)).toBe(false);
    expect(signers.size).toBe(44);
    const assumed = endpoint.calls.filter((call) => call.action === 'AssumeRole');
    expect(assumed.map((call) => call.params.RoleArn)).not.toContain(
      `arn:aws:iam::${MANAGEMENT}:role/${ROLE}`,
    );
    expect(assumed).toHaveLength(44);
  });

  it('exits 1 when an evaluated account is NON_COMPLIANT and all were evaluated', async () => {
    const result = await evaluate(
      '--accounts',
      `${CLEAN},${ACTIVE_KEY}`,
      '--role-name',
      ROLE,
      '--output',
      'json',
    );

    expect(result.code).toBe(1);
    expect(json(result).map((row) => [row.accountId, row.compliance])).toEqual([
      [CLEAN, 'COMPLIANT'],
      [ACTIVE_KEY, 'NON_COMPLIANT'],
    ]);
  });

  it('exits 0 when every account is compliant', async () => {
    const result = await evaluate(
      '--accounts',
      `${CLEAN},${NO_CREDENTIALS}`,
      '--role-name',
      ROLE,
      '--output',
      'json',
    );

    expect(result.code).toBe(0);
    expect(json(result).map((row) => row.compliance)).toEqual(['COMPLIANT', 'COMPLIANT']);
  });

  it('applies --ignore-inactive-keys and --root-without-credentials, reading the report only where keys exist', async () => {
    const result = await evaluate(
      '--accounts',
      `${INACTIVE_KEY},${NO_CREDENTIALS}`,
      '--role-name',
      ROLE,
      '--ignore-inactive-keys',
      '--root-without-credentials',
      'NOT_APPLICABLE',
      '--output',
      'json',
    );

    expect(result.code).toBe(0);
    expect(json(result)).toEqual([
      expect.objectContaining({
        accountId: INACTIVE_KEY,
        compliance: 'COMPLIANT',
        annotation: expect.stringContaining('inactive'),
      }),
      expect.objectContaining({ accountId: NO_CREDENTIALS, compliance: 'NOT_APPLICABLE' }),
    ]);
    const reportReaders = endpoint.calls
      .filter((call) => call.action === 'GetCredentialReport')
      .map((call) => accountOfAccessKey(call.accessKeyId));
    expect(new Set(reportReaders)).toEqual(new Set([INACTIVE_KEY]));
  });

  it('assumes the role name given: another name is denied in every account', async () => {
    const result = await evaluate(
      '--accounts',
      CLEAN,
      '--role-name',
      'SomeOtherRole',
      '--output',
      'json',
    );

    expect(result.code).toBe(2);
    expect(json(result)[0]).toMatchObject({
      compliance: 'ERROR',
      error: expect.stringContaining('role/SomeOtherRole'),
    });
  });

  it('prints a table with a summary line on a terminal by default', async () => {
    const result = await withEnv(endpoint.env(), () =>
      run(['evaluate', '--accounts', `${CLEAN},${ACTIVE_KEY},${DENIED}`, '--role-name', ROLE], {
        stdout: true,
        stderr: false,
      }),
    );
    const lines = result.stdout.trimEnd().split('\n');
    const table = lines.indexOf('') + 1;

    expect(result.code).toBe(2);
    expect(lines.slice(0, table)).toEqual([
      expect.stringMatching(
        /^Generated \d{4}-\d\d-\d\dT[\d:.]+Z by arn:aws:iam::111111111111:user\/auditor with root-access-key-rule \d+\.\d+\.\d+/,
      ),
      'Organization: o-exampleorg1',
      'Centralized root access: RootCredentialsManagement not enabled, RootSessions not enabled',
      '',
    ]);
    expect(lines[table]).toMatch(/^ACCOUNT\s+NAME\s+OU\s+COMPLIANCE\s+DETAIL$/);
    // Non-compliant accounts first, then those that could not be evaluated, compliant ones last.
    expect(lines[table + 1]).toMatch(
      new RegExp(
        `^${ACTIVE_KEY}\\s+active-key\\s+Root/Workloads\\s+NON_COMPLIANT\\s+Root user has 1 access key`,
      ),
    );
    expect(lines[table + 2]).toMatch(
      new RegExp(`^${DENIED}\\s+denied\\s+Root/Workloads\\s+ERROR\\s+see \\[1\\]$`),
    );
    expect(lines[table + 3]).toMatch(
      new RegExp(`^${CLEAN}\\s+clean\\s+Root/Sandbox\\s+COMPLIANT\\s+No root access key exists`),
    );
    expect(lines[table + 5]).toMatch(
      new RegExp(`^\\[1\\] sts:AssumeRole on arn:aws:iam::${DENIED}:role/RootKeyAudit was denied`),
    );
    expect(lines.at(-1)).toBe('3 accounts: 1 COMPLIANT, 1 NON_COMPLIANT, 1 ERROR');
    expect(result.stderr).toBe('');
  });

  it('prints JSON when stdout is not a terminal and no --output is given', async () => {
    const result = await evaluate('--accounts', CLEAN, '--role-name', ROLE);

    expect(json(result)).toEqual([
      expect.objectContaining({ accountId: CLEAN, compliance: 'COMPLIANT' }),
    ]);
  });

  it('prints CSV with a header and quoted annotations', async () => {
    const result = await evaluate('--organization', '--role-name', ROLE, '--output', 'csv');
    const records = parse(result.stdout, { columns: true }) as Array<Record<string, string>>;

    expect(result.stdout.split('\r\n')[0]).toBe(
      [
        'accountId,accountName,compliance,accessKeysPresent,annotation,error,organizationalUnit,keySource',
        ...[1, 2].map((n) =>
          [
            'AccessKeyId',
            'Slot',
            'Status',
            'Created',
            'LastUsedDate',
            'LastUsedService',
            'LastUsedRegion',
          ]
            .map((field) => `key${n}${field}`)
            .join(','),
        ),
        'rootCredentialsManagement,rootSessions',
      ].join(','),
    );
    expect(records).toHaveLength(45);
    expect(records.find((record) => record.accountId === ACTIVE_KEY)).toMatchObject({
      accountName: 'active-key',
      compliance: 'NON_COMPLIANT',
      accessKeysPresent: '1',
      annotation: expect.stringContaining('key 1 active, last used 2026-11-20 (s3, us-east-1)'),
      error: '',
      keySource: 'credential-report',
      key1Slot: '1',
      key1Status: 'Active',
      key1LastUsedDate: '2026-11-20',
      key1LastUsedService: 's3',
      key1LastUsedRegion: 'us-east-1',
      key2Status: '',
      rootCredentialsManagement: 'false',
    });
    expect(records.find((record) => record.accountId === DENIED)).toMatchObject({
      compliance: 'ERROR',
      annotation: '',
    });
  });

  it('fails with exit 2 and a message when the caller has no valid credentials', async () => {
    const result = await withEnv({ ...endpoint.env(), AWS_ACCESS_KEY_ID: 'AKIDUNKNOWN' }, () =>
      run(['evaluate', '--output', 'json']),
    );

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /error: sts:GetCallerIdentity was refused because of the credentials, not a permission \(InvalidClientTokenId: .*\): the access key id is not known to AWS .*; refresh the credentials/,
    );
    expect(result.stderr).not.toContain('needs sts:GetCallerIdentity');
  });

  it('fails with exit 2 when the organization cannot be listed', async () => {
    const notInUse = {
      kind: 'error',
      status: 400,
      code: 'AWSOrganizationsNotInUseException',
      message: 'Your account is not a member of an organization.',
      type: 'Sender',
    } as const;
    endpoint.script('organizations', 'ListRoots', notInUse);
    endpoint.script('organizations', 'ListAccounts', notInUse);

    const result = await evaluate('--organization', '--role-name', ROLE);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'organizations:ListAccounts failed: AWSOrganizationsNotInUseException',
    );
  });
});
