import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { evaluateAccounts } from '../../../cli/src/commands/evaluate/evaluate.js';
import { rootAccessOperatorPolicy } from '../../../definition/root-access.js';
import {
  type AwsEndpoint,
  accountOfAccessKey,
  BASE_ACCESS_KEY_ID,
  queryError,
  stall,
  startAwsEndpoint,
  type WorldOptions,
  withEnv,
} from '../../../tools/aws-endpoint/index.js';
import { switchableWorld } from '../../support/switchable-world.js';
import { type CliRun, run } from '../capture-io.js';

/**
 * `evaluate --assume-root` with the real SDK clients against the local
 * endpoint: root sessions opened from the management account, the root
 * user's keys read from IAM's key list, no member role and no report.
 */
const MANAGEMENT = '111111111111';
const ACTIVE = '222222222222';
const INACTIVE = '333333333333';
const DENIED = '444444444444';
const SUSPENDED = '555555555555';
const CLEAN = '666666666666';

const organization = (
  partition = 'aws',
  rootAccess: WorldOptions['rootAccess'] = {},
): WorldOptions => ({
  callerAccountId: MANAGEMENT,
  callerArn: `arn:${partition}:iam::${MANAGEMENT}:user/security-admin`,
  rootAccess: { features: ['RootCredentialsManagement', 'RootSessions'], ...rootAccess },
  accounts: [
    { id: MANAGEMENT, name: 'management' },
    {
      id: ACTIVE,
      name: 'payments',
      rootKeys: {
        key1: {
          active: true,
          lastRotated: '2019-03-02T10:15:00Z',
          lastUsedDate: '2026-11-20T08:00:00Z',
          lastUsedService: 'ec2',
          lastUsedRegion: 'eu-west-1',
        },
      },
    },
    { id: INACTIVE, name: 'legacy', rootKeys: { key2: { active: false } } },
    { id: DENIED, name: 'locked', assumeRootDenied: true },
    { id: SUSPENDED, name: 'closed', status: 'SUSPENDED' },
    { id: CLEAN, name: 'clean' },
  ],
});

const world = switchableWorld(organization());
let endpoint: AwsEndpoint;

beforeAll(async () => {
  endpoint = await startAwsEndpoint({ world: world.answerer });
});
afterAll(() => endpoint.close());
beforeEach(() => {
  world.use(organization());
  endpoint.reset();
});

function evaluate(...argv: string[]): Promise<CliRun> {
  return withEnv(endpoint.env(), () => run(['evaluate', ...argv]));
}

const rowsOf = (result: CliRun) => JSON.parse(result.stdout) as Array<Record<string, unknown>>;
const callsOf = (action: string) => endpoint.calls.filter((call) => call.action === action);

describe('evaluate --assume-root against the local endpoint', () => {
  it('reads every member through a root session with the audit task policy, and the caller account as itself', async () => {
    const result = await evaluate('--organization', '--assume-root', '--output', 'json');
    const byId = new Map(rowsOf(result).map((row) => [row.accountId, row]));

    expect(result.code).toBe(2);
    expect([...byId.keys()]).toEqual([MANAGEMENT, ACTIVE, INACTIVE, DENIED, CLEAN]);
    expect(byId.get(ACTIVE)).toEqual({
      accountId: ACTIVE,
      accountName: 'payments',
      organizationalUnit: 'Root',
      compliance: 'NON_COMPLIANT',
      annotation:
        'Root user has 1 access key: key AKIA222222222222RTK1 active, last used 2026-11-20 (ec2, eu-west-1), created 2019-03-02. Delete it.',
      accessKeysPresent: 1,
      keySource: 'access-key-list',
      keys: [
        {
          accessKeyId: 'AKIA222222222222RTK1',
          status: 'Active',
          created: '2019-03-02',
          lastUsedDate: '2026-11-20',
          lastUsedService: 'ec2',
          lastUsedRegion: 'eu-west-1',
        },
      ],
      rootCredentialsManagement: true,
      rootSessions: true,
    });
    expect(byId.get(INACTIVE)).toMatchObject({ compliance: 'NON_COMPLIANT' });
    expect(byId.get(CLEAN)).toMatchObject({ compliance: 'COMPLIANT', accessKeysPresent: 0 });
    expect(byId.get(DENIED)).toMatchObject({
      compliance: 'ERROR',
      error: expect.stringMatching(
        /^sts:AssumeRoot into account 444444444444 with task policy IAMAuditRootUserCredentials was denied \(AccessDenied: .*\); the caller needs sts:AssumeRoot on arn:aws:iam::444444444444:root allowed for arn:aws:iam::aws:policy\/root-task\/IAMAuditRootUserCredentials/,
      ),
    });

    const assumed = callsOf('AssumeRoot');
    expect(assumed.map((call) => call.params.TargetPrincipal).sort()).toEqual(
      [ACTIVE, INACTIVE, DENIED, CLEAN].sort(),
    );
    for (const call of assumed) {
      expect(call.params).toMatchObject({
        'TaskPolicyArn.arn': 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials',
        DurationSeconds: '900',
      });
      expect(call.accessKeyId).toBe(BASE_ACCESS_KEY_ID);
    }
    expect(callsOf('AssumeRole')).toHaveLength(0);
    const memberIam = endpoint.calls.filter(
      (call) => call.service === 'iam' && call.accessKeyId !== BASE_ACCESS_KEY_ID,
    );
    expect(new Set(memberIam.map((call) => call.action))).toEqual(
      new Set(['GetAccountSummary', 'ListAccessKeys', 'GetAccessKeyLastUsed']),
    );
    const signer = memberIam.find(
      (call) => call.action === 'ListAccessKeys' && accountOfAccessKey(call.accessKeyId) === ACTIVE,
    );
    expect(signer?.sessionToken).toMatch(/^root-session-token-for-ASIA222222222222/);
    expect(memberIam.every((call) => call.params.UserName === undefined)).toBe(true);
  });

  it('decides IgnoreInactiveKeys from the key list itself: exact, no report', async () => {
    const result = await evaluate(
      '--accounts',
      `${INACTIVE},${ACTIVE}`,
      '--assume-root',
      '--ignore-inactive-keys',
      '--output',
      'json',
    );

    expect(result.code).toBe(1);
    expect(rowsOf(result).map((row) => [row.accountId, row.compliance])).toEqual([
      [INACTIVE, 'COMPLIANT'],
      [ACTIVE, 'NON_COMPLIANT'],
    ]);
    expect(rowsOf(result)[0]?.annotation).toBe(
      'Root user has only inactive access keys (key AKIA333333333333RTK2 inactive, never used, created 2019-03-02); compliant as IgnoreInactiveKeys is true, but CIS asks to delete them.',
    );
    expect(callsOf('GetCredentialReport')).toHaveLength(0);
    expect(callsOf('GenerateCredentialReport')).toHaveLength(0);
  });

  it('refuses before the first account when RootCredentialsManagement is not enabled', async () => {
    world.use(organization('aws', { features: [] }));
    const result = await evaluate('--organization', '--assume-root');

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'error: Root sessions cannot be opened: RootCredentialsManagement is not enabled in organization o-exampleorg1; enable it in the IAM console (Root access management) or with aws iam enable-organizations-root-credentials-management',
    );
    expect(callsOf('AssumeRoot')).toHaveLength(0);
    expect(callsOf('GetAccountSummary')).toHaveLength(0);
  });

  it('refuses, saying how to fix it, when the caller is neither the management account nor the delegated administrator', async () => {
    world.use(organization('aws', { callerRole: 'member' }));
    const result = await evaluate('--accounts', ACTIVE, '--assume-root');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "centralized root access could not be read (the caller's account is neither the management account nor the IAM delegated administrator; run from the management account, or register a delegated administrator with aws organizations register-delegated-administrator --service-principal iam.amazonaws.com --account-id <account>)",
    );
    expect(callsOf('AssumeRoot')).toHaveLength(0);
  });

  it.each([
    ['aws-us-gov', 'us-gov-west-1'],
    ['aws-cn', 'cn-north-1'],
  ])('uses the task policy of the caller’s partition, %s', async (partition, region) => {
    world.use(organization(partition));
    const result = await withEnv(endpoint.env(region), () =>
      run(['evaluate', '--accounts', ACTIVE, '--assume-root', '--output', 'json']),
    );

    expect(result.code).toBe(1);
    expect(callsOf('AssumeRoot')[0]?.params['TaskPolicyArn.arn']).toBe(
      `arn:${partition}:iam::aws:policy/root-task/IAMAuditRootUserCredentials`,
    );
    expect(callsOf('AssumeRoot')[0]?.region).toBe(region);
  });

  it('rides out throttled AssumeRoot calls with the SDK’s retries', async () => {
    endpoint.script(
      'sts',
      'AssumeRoot',
      queryError({ service: 'sts', code: 'Throttling', status: 400, message: 'Rate exceeded' }),
      queryError({ service: 'sts', code: 'Throttling', status: 400, message: 'Rate exceeded' }),
    );
    const result = await evaluate('--accounts', ACTIVE, '--assume-root', '--output', 'json');

    expect(result.code).toBe(1);
    expect(callsOf('AssumeRoot')).toHaveLength(3);
    expect(endpoint.unusedScripts()).toEqual([]);
  });

  it('refuses the global STS endpoint, which AWS refuses for AssumeRoot', async () => {
    const result = await evaluate('--accounts', ACTIVE, '--assume-root', '--region', 'aws-global');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('sts:AssumeRoot needs a Regional STS endpoint');
    expect(callsOf('AssumeRoot')).toHaveLength(0);
  });

  it.each([
    ['sts', 'AssumeRoot'],
    ['iam', 'ListAccessKeys'],
  ] as const)(
    'says which call ran out of the account deadline when %s:%s stalls (AssumeRoot: an error row; the key list: the verdict without details)',
    async (service, action) => {
      endpoint.script(service, action, stall());
      const started = Date.now();
      const result = await withEnv(endpoint.env(), () =>
        evaluateAccounts({ accounts: [ACTIVE], assumeRoot: true, reportTimeoutMs: 1_000 }),
      );

      expect(Date.now() - started).toBeLessThan(5_000);
      const [row] = result.rows;
      if (service === 'sts') {
        expect(row).toMatchObject({
          accountId: ACTIVE,
          compliance: 'ERROR',
          error: expect.stringMatching(/^Time ran out during sts:AssumeRoot/),
        });
      } else {
        // The verdict comes from the account summary; the stalled listing only costs the details.
        expect(row).toMatchObject({ accountId: ACTIVE, compliance: 'NON_COMPLIANT' });
        expect(row?.annotation).toContain('Time ran out during iam:ListAccessKeys');
        expect(row?.keys).toBeUndefined();
      }
    },
  );

  it('lists each key with its id, status, last use and creation in the HTML page', async () => {
    const result = await evaluate(
      '--accounts',
      `${ACTIVE},${CLEAN}`,
      '--assume-root',
      '--output',
      'html',
    );

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '<li>key AKIA222222222222RTK1 active, last used 2026-11-20 (ec2, eu-west-1), created 2019-03-02</li>',
    );
    expect(result.stdout.match(/<ul class="keys"/g)).toHaveLength(1);
  });

  it("runs with the operator policy's required statements alone: no OUs, the organization id said unknown", async () => {
    const optional = rootAccessOperatorPolicy('aws').Statement.find(
      (statement) => statement.Sid === 'NamesOusAndEvidence',
    )?.Action as string[];
    const base = organization();
    world.use({
      ...base,
      accounts: (base.accounts ?? []).map((account) =>
        account.id === MANAGEMENT ? { ...account, deniedActions: optional } : account,
      ),
    });

    const result = await evaluate('--organization', '--assume-root', '--output', 'table');

    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(
      /^Organization: unknown \(organizations:DescribeOrganization was denied/m,
    );
    expect(result.stdout).toMatch(new RegExp(`^${ACTIVE}\\s+payments\\s+NON_COMPLIANT`, 'm'));
    expect(result.stdout).toMatch(new RegExp(`^${CLEAN}\\s+clean\\s+COMPLIANT`, 'm'));
    expect(result.stdout).not.toMatch(/\bOU\b/);
    const organizationsCalls = endpoint.calls
      .filter((call) => call.service === 'organizations')
      .map((call) => `organizations:${call.action}`);
    expect(organizationsCalls).toContain('organizations:ListAccounts');
  });
});
