import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../cli/src/main.js';
import {
  type AwsEndpoint,
  accountOfAccessKey,
  BASE_ACCESS_KEY_ID,
  iamResponses,
  queryError,
  type RecordedCall,
  startAwsEndpoint,
  type WorldOptions,
  withEnv,
} from '../../../tools/aws-endpoint/index.js';
import { switchableWorld } from '../../support/switchable-world.js';
import { type CliRun, captureIo, run } from '../capture-io.js';

/**
 * `remediate` end to end: the real SDK clients against the local endpoint,
 * which holds each root session to its task policy and keeps deletions.
 */
const MANAGEMENT = '111111111111';
const TWO_KEYS = '222222222222';
const OLD_KEY = '333333333333';
const CLEAN = '444444444444';
const LOCKED = '555555555555';
const NOW = new Date('2026-12-01T12:00:00Z');
const AUDIT = 'IAMAuditRootUserCredentials';
const DELETE = 'IAMDeleteRootUserCredentials';

const organization = (overrides: Partial<WorldOptions> = {}): WorldOptions => ({
  callerAccountId: MANAGEMENT,
  callerArn: `arn:aws:iam::${MANAGEMENT}:role/security-admin`,
  rootAccess: { features: ['RootCredentialsManagement', 'RootSessions'] },
  accounts: [
    { id: MANAGEMENT, name: 'management' },
    {
      id: TWO_KEYS,
      name: 'payments',
      rootKeys: {
        key1: { active: true, lastUsedDate: '2026-11-28T09:00:00Z', lastUsedService: 'ec2' },
        key2: { active: false },
      },
    },
    {
      id: OLD_KEY,
      name: 'legacy',
      rootKeys: { key1: { active: true, lastUsedDate: '2026-05-01T09:00:00Z' } },
    },
    { id: CLEAN, name: 'clean' },
    { id: LOCKED, name: 'locked', assumeRootDenied: true },
    { id: '666666666666', name: 'closed', status: 'SUSPENDED' },
  ],
  ...overrides,
});

const world = switchableWorld(organization());
let endpoint: AwsEndpoint;
let dir: string;

beforeAll(async () => {
  endpoint = await startAwsEndpoint({ world: world.answerer });
});
afterAll(() => endpoint.close());
beforeEach(() => {
  world.use(organization());
  endpoint.reset();
  dir = mkdtempSync(join(tmpdir(), 'remediate-'));
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

const logPath = () => join(dir, 'audit.jsonl');

function remediate(...argv: string[]): Promise<CliRun> {
  return withEnv(endpoint.env(), () =>
    run(['remediate', ...argv, '--audit-log', logPath(), '--output', 'json']),
  );
}

/** `remediate --apply --yes`: no terminal here, so consent is `--yes`. */
const apply = (...argv: string[]) => remediate(...argv, '--apply', '--yes');

const rowsOf = (result: CliRun) => JSON.parse(result.stdout) as Array<Record<string, unknown>>;
const calls = (action: string) => endpoint.calls.filter((call) => call.action === action);
const logLines = () =>
  readFileSync(logPath(), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** The task policy of the root session that signed `call` (undefined for other signers). */
function taskPolicyOf(call: RecordedCall): string | undefined {
  return world.current.identityOf(call.accessKeyId)?.rootTask;
}

const keysLeft = async (account: string) =>
  (
    rowsOf(
      await withEnv(endpoint.env(), () =>
        run(['evaluate', '--accounts', account, '--assume-root', '--output', 'json']),
      ),
    )[0]?.keys as unknown[] | undefined
  )?.length ?? 0;

describe('remediate against the local endpoint', () => {
  it('plans a dry run by default with audit sessions only, changing nothing', async () => {
    const result = await remediate('--organization');

    expect(result.code).toBe(2);
    expect(rowsOf(result).map((row) => [row.accountId, row.accessKeyId, row.action])).toEqual([
      [MANAGEMENT, undefined, 'NO_KEYS'],
      [TWO_KEYS, 'AKIA222222222222RTK1', 'SKIPPED'],
      [TWO_KEYS, 'AKIA222222222222RTK2', 'WOULD_DELETE'],
      [OLD_KEY, 'AKIA333333333333RTK1', 'WOULD_DELETE'],
      [CLEAN, undefined, 'NO_KEYS'],
      [LOCKED, undefined, 'FAILED'],
      ['666666666666', undefined, 'LEFT_OUT'],
    ]);
    expect(rowsOf(result)[1]).toMatchObject({
      accountName: 'payments',
      keyStatus: 'Active',
      lastUsedDate: '2026-11-28',
      reason:
        'last used 2026-11-28T09:00:00Z (ec2, us-east-1), idle 3 days 3 hours: within --min-idle-days 30, so something may still use it; lower --min-idle-days to delete it',
      lastUsedAt: '2026-11-28T09:00:00.000Z',
      rootCredentialsManagement: true,
      rootSessions: true,
    });
    expect(rowsOf(result)[3]?.reason).toBe(
      'last used 2026-05-01T09:00:00Z (s3, us-east-1), idle 214 days 3 hours; --apply deletes it',
    );
    expect(calls('DeleteAccessKey')).toHaveLength(0);
    expect(
      new Set(calls('AssumeRoot').map((call) => String(call.params['TaskPolicyArn.arn']))),
    ).toEqual(new Set([`arn:aws:iam::aws:policy/root-task/${AUDIT}`]));
    expect(await keysLeft(TWO_KEYS)).toBe(2);
    expect(result.stderr).toBe(`audit log: ${logPath()}\n`);
  });

  it('deletes with --apply only the planned keys, each signed by a delete session of its own account, and verifies them gone', async () => {
    const result = await apply('--accounts', `${TWO_KEYS},${OLD_KEY}`);

    expect(result.code).toBe(1);
    expect(rowsOf(result).map((row) => [row.accessKeyId, row.action])).toEqual([
      ['AKIA222222222222RTK1', 'SKIPPED'],
      ['AKIA222222222222RTK2', 'DELETED'],
      ['AKIA333333333333RTK1', 'DELETED'],
    ]);
    const deletes = calls('DeleteAccessKey');
    expect(deletes.map((call) => call.params.AccessKeyId).sort()).toEqual([
      'AKIA222222222222RTK2',
      'AKIA333333333333RTK1',
    ]);
    for (const call of deletes) {
      expect(call.params.UserName).toBeUndefined();
      expect(String(call.params.AccessKeyId)).toContain(
        accountOfAccessKey(call.accessKeyId) ?? 'none',
      );
      expect(taskPolicyOf(call)).toBe(DELETE);
    }
    const lists = calls('ListAccessKeys').filter(
      (call) => accountOfAccessKey(call.accessKeyId) === OLD_KEY,
    );
    // The plan and the verification in audit sessions; the second look in the delete session.
    expect(lists.map(taskPolicyOf)).toEqual([AUDIT, DELETE, AUDIT]);
    expect(calls('UpdateAccessKey')).toHaveLength(0);
    expect(calls('DeleteLoginProfile')).toHaveLength(0);
    expect(await keysLeft(TWO_KEYS)).toBe(1);
    expect(await keysLeft(OLD_KEY)).toBe(0);
  });

  it('deletes keys in use too when the user lowers the guard, then finds nothing left', async () => {
    const first = await apply('--accounts', TWO_KEYS, '--min-idle-days', '0');
    expect(first.code).toBe(0);
    expect(rowsOf(first).map((row) => row.action)).toEqual(['DELETED', 'DELETED']);

    rmSync(logPath());
    const again = await apply('--accounts', TWO_KEYS, '--min-idle-days', '0');
    expect(again.code).toBe(0);
    expect(rowsOf(again)).toEqual([
      {
        accountId: TWO_KEYS,
        accountName: 'payments',
        action: 'NO_KEYS',
        reason: 'the root user has no access key',
        rootCredentialsManagement: true,
        rootSessions: true,
      },
    ]);
  });

  it('counts a key that vanished between the second look and the delete (NoSuchEntity) as GONE once verified gone', async () => {
    endpoint.script('iam', 'DeleteAccessKey', (call) => {
      const account = world.current.account(OLD_KEY);
      if (account !== undefined)
        world.current.deleteRootKey(account, String(call.params.AccessKeyId));
      return iamResponses.noSuchEntity(
        `The Access Key with id ${String(call.params.AccessKeyId)} cannot be found.`,
      );
    });
    const result = await apply('--accounts', OLD_KEY);

    expect(result.code).toBe(0);
    expect(rowsOf(result)[0]).toMatchObject({
      action: 'GONE',
      reason:
        "was already gone (NoSuchEntity); the root user's keys, listed again, no longer show it",
    });
  });

  it('rides out throttled deletions with the SDK’s retries', async () => {
    const throttled = queryError({ code: 'Throttling', status: 400, message: 'Rate exceeded' });
    endpoint.script('iam', 'DeleteAccessKey', throttled, throttled);
    const result = await apply('--accounts', OLD_KEY);

    expect(result.code).toBe(0);
    expect(calls('DeleteAccessKey')).toHaveLength(3);
  });

  it('fails a key whose deletion is denied, and goes on with the other accounts', async () => {
    world.use(
      organization({
        accounts: [
          { id: MANAGEMENT },
          {
            id: OLD_KEY,
            rootKeys: { key1: { active: true } },
            deniedActions: ['iam:DeleteAccessKey'],
          },
          { id: TWO_KEYS, rootKeys: { key2: { active: false } } },
        ],
      }),
    );
    const result = await apply('--accounts', `${OLD_KEY},${TWO_KEYS}`);

    expect(result.code).toBe(2);
    expect(rowsOf(result).map((row) => [row.accountId, row.action])).toEqual([
      [OLD_KEY, 'FAILED'],
      [TWO_KEYS, 'DELETED'],
    ]);
    expect(rowsOf(result)[0]?.reason).toMatch(
      /^iam:DeleteAccessKey failed: iam:DeleteAccessKey on root access key AKIA333333333333RTK1 was denied/,
    );
  });

  it('refuses before any account when centralized root access is not enabled, and logs why', async () => {
    world.use(organization({ rootAccess: { features: [] } }));
    const result = await apply('--organization');

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('RootCredentialsManagement is not enabled');
    expect(calls('AssumeRoot')).toHaveLength(0);
    expect(logLines().map((line) => line.event)).toEqual(['run-started', 'run-refused']);
  });

  it('writes an audit log that ties every key and action to the root session that did it', async () => {
    await apply('--accounts', OLD_KEY);
    const lines = logLines();
    const runId = lines[0]?.runId;

    expect(
      lines.every(
        (line) =>
          line.runId === runId &&
          line.callerArn === `arn:aws:iam::${MANAGEMENT}:role/security-admin`,
      ),
    ).toBe(true);
    expect(lines.every((line) => line.mode === 'apply' && typeof line.time === 'string')).toBe(
      true,
    );
    expect(lines.map((line) => line.event)).toEqual([
      'run-started',
      'session-opened',
      'keys-listed',
      'planned',
      'plan',
      'consent',
      'session-opened',
      'rechecked',
      'intent',
      'delete',
      'session-opened',
      'verified',
      'run-finished',
    ]);
    const deletion = lines.find((line) => line.event === 'delete');
    const deleteSession = calls('DeleteAccessKey')[0]?.accessKeyId;
    expect(deletion).toMatchObject({
      account: OLD_KEY,
      taskPolicy: `arn:aws:iam::aws:policy/root-task/${DELETE}`,
      sessionAccessKeyId: deleteSession,
      accessKeyId: 'AKIA333333333333RTK1',
      action: 'DeleteAccessKey',
      outcome: 'deleted',
    });
    expect(lines.at(-1)).toMatchObject({ outcome: 'applied', counts: { DELETED: 1 }, exitCode: 0 });
    const text = readFileSync(logPath(), 'utf8');
    expect(text).not.toMatch(/secret|session-token/i);
  });

  it('never overwrites an audit log', async () => {
    writeFileSync(logPath(), 'kept\n');
    const result = await apply('--accounts', OLD_KEY);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `The audit log ${logPath()} exists already; it is never overwritten`,
    );
    expect(readFileSync(logPath(), 'utf8')).toBe('kept\n');
    expect(calls('AssumeRoot')).toHaveLength(0);
  });

  it.each([
    ['n', 1, 0, 'declined', 'Cancelled: nothing was deleted.'],
    ['no', 1, 0, 'declined', 'Cancelled: nothing was deleted.'],
    ['y', 0, 1, 'given', 'Applied: 1 key was deleted and verified gone.'],
    ['yes', 0, 1, 'given', 'Applied: 1 key was deleted and verified gone.'],
  ])(
    'on a terminal shows the whole plan, then asks; answering %s',
    async (answer, code, deletes, outcome, closing) => {
      const io = {
        ...captureIo({ stdout: true, stderr: true }),
        stdin: Object.assign(Readable.from([`${answer}\n`]), { isTTY: true }),
      };
      const exit = await withEnv(endpoint.env(), () =>
        runCli(['remediate', '--accounts', OLD_KEY, '--apply', '--audit-log', logPath()], io),
      );

      expect(exit).toBe(code);
      const stderr = io.stderr.text();
      const question = stderr.indexOf(
        'Delete this root access key in 1 account? This cannot be undone. [yes/no] ',
      );
      expect(question).toBeGreaterThan(0);
      const plan = stderr.slice(0, question);
      expect(plan).toMatch(
        /333333333333 {2}legacy {2}AKIA333333333333RTK1 {2}Active {2}2019-03-02T10:15:00Z {2}2026-05-01T09:00:00Z \(s3, us-east-1\) {2}214 days 3 hours {2}last used more than 30 days ago/,
      );
      expect(calls('DeleteAccessKey')).toHaveLength(deletes);
      expect(io.stdout.text()).toContain(closing);
      expect(logLines().find((line) => line.event === 'consent')).toMatchObject({
        how: 'interactive',
        answer,
        outcome,
        accessKeyIds: ['AKIA333333333333RTK1'],
      });
    },
  );

  it.each([
    ['stdin is not a terminal (echo no | …)', false, true],
    ['stderr is not a terminal (--apply 2>err.txt)', true, false],
    ['neither is a terminal', false, false],
  ])(
    'refuses --apply without --yes when %s: exit 2, no root session, nothing deleted',
    async (_, stdinTty, stderrTty) => {
      const io = {
        ...captureIo({ stdout: true, stderr: stderrTty }),
        stdin: Object.assign(Readable.from(['yes\n']), { isTTY: stdinTty }),
      };
      const exit = await withEnv(endpoint.env(), () =>
        runCli(['remediate', '--accounts', OLD_KEY, '--apply', '--audit-log', logPath()], io),
      );

      expect(exit).toBe(2);
      expect(io.stderr.text()).toMatch(
        /^error: remediate --apply asks before deleting, and nobody can be asked here \((stdin|stderr) is not a terminal\): nothing was done/,
      );
      expect(endpoint.calls).toHaveLength(0);
      expect(await keysLeft(OLD_KEY)).toBe(1);
    },
  );

  it('with --yes deletes without asking, and the log says consent came from --yes', async () => {
    const io = {
      ...captureIo({ stdout: true, stderr: true }),
      stdin: Object.assign(Readable.from([]), { isTTY: true }),
    };
    const exit = await withEnv(endpoint.env(), () =>
      runCli(
        ['remediate', '--accounts', OLD_KEY, '--apply', '--yes', '--audit-log', logPath()],
        io,
      ),
    );

    expect(exit).toBe(0);
    expect(io.stderr.text()).not.toContain('[yes/no]');
    expect(calls('DeleteAccessKey')).toHaveLength(1);
    const consent = logLines().filter((line) => line.event === 'consent');
    expect(consent).toEqual([
      expect.objectContaining({ how: '--yes', outcome: 'given', keys: 1, accounts: 1 }),
    ]);
    expect(readFileSync(logPath(), 'utf8')).not.toContain('confirmed');
  });

  it("leaves the caller's own account to its root user, saying so", async () => {
    world.use(
      organization({
        accounts: [{ id: MANAGEMENT, rootKeys: { key1: { active: true } } }, { id: CLEAN }],
      }),
    );
    const result = await apply('--organization');

    expect(result.code).toBe(1);
    expect(rowsOf(result)[0]).toMatchObject({
      accountId: MANAGEMENT,
      action: 'SKIPPED',
      reason: expect.stringContaining('AssumeRoot cannot target the management account'),
    });
    expect(calls('AssumeRoot').map((call) => call.params.TargetPrincipal)).not.toContain(
      MANAGEMENT,
    );
  });

  it.each([
    ['aws-us-gov', 'us-gov-west-1'],
    ['aws-cn', 'cn-north-1'],
  ])('opens both kinds of root session with the task policies of %s', async (partition, region) => {
    world.use(organization({ callerArn: `arn:${partition}:iam::${MANAGEMENT}:role/admin` }));
    const result = await withEnv(endpoint.env(region), () =>
      run([
        'remediate',
        '--accounts',
        OLD_KEY,
        '--apply',
        '--yes',
        '--audit-log',
        logPath(),
        '--output',
        'json',
      ]),
    );

    expect(result.code).toBe(0);
    expect(new Set(calls('AssumeRoot').map((call) => call.params['TaskPolicyArn.arn']))).toEqual(
      new Set([
        `arn:${partition}:iam::aws:policy/root-task/${AUDIT}`,
        `arn:${partition}:iam::aws:policy/root-task/${DELETE}`,
      ]),
    );
  });

  it('prints a table with what happened and what it means', async () => {
    const result = await withEnv(endpoint.env(), () =>
      run(['remediate', '--accounts', `${TWO_KEYS},${CLEAN}`, '--audit-log', logPath()], {
        stdout: true,
        stderr: false,
      }),
    );
    const lines = result.stdout.trimEnd().split('\n');

    expect(result.code).toBe(1);
    expect(lines[0]).toMatch(/^ACCOUNT\s+NAME\s+ACCESS KEY\s+STATUS\s+ACTION\s+REASON$/);
    expect(lines.slice(-4, -2)).toEqual([
      '2 accounts: 1 with keys, 1 NO_KEYS',
      '2 root access keys: 1 WOULD_DELETE, 1 SKIPPED',
    ]);
    expect(lines.at(-2)).toBe(
      'Dry run: nothing was changed. Run again with --apply to delete the WOULD_DELETE keys (or write the plan with --plan-file FILE, review it, then --apply --plan-file FILE).',
    );
    expect(lines.at(-1)).toBe(
      'Centralized root access in o-exampleorg1: RootCredentialsManagement enabled, RootSessions enabled',
    );
  });

  it('signs nothing with the caller’s keys in member accounts', async () => {
    await apply('--accounts', OLD_KEY);
    const memberCalls = endpoint.calls.filter(
      (call) => call.service === 'iam' && call.action !== 'ListOrganizationsFeatures',
    );
    expect(memberCalls.every((call) => call.accessKeyId !== BASE_ACCESS_KEY_ID)).toBe(true);
  });
});
