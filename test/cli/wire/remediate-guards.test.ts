import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type AwsEndpoint,
  iamResponses,
  type RecordedCall,
  startAwsEndpoint,
  type WorldOptions,
  withEnv,
} from '../../../tools/aws-endpoint/index.js';
import { switchableWorld } from '../../support/switchable-world.js';
import { type CliRun, run } from '../capture-io.js';

/**
 * The guards of `remediate --apply` on the wire: the idle guard by AWS's
 * clock and full timestamps, the second look before each deletion, plan
 * files, accounts left out.
 */
const MANAGEMENT = '111111111111';
const A = '222222222222';
const B = '333333333333';
const NOW = new Date('2026-12-01T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const ARN = `arn:aws:iam::${MANAGEMENT}:role/security-admin`;

const organization = (accounts: WorldOptions['accounts'], callerArn = ARN): WorldOptions => ({
  callerAccountId: MANAGEMENT,
  callerArn,
  rootAccess: { features: ['RootCredentialsManagement'] },
  accounts: [{ id: MANAGEMENT, name: 'management' }, ...(accounts ?? [])],
});

const oldKeys = organization([
  { id: A, name: 'a', rootKeys: { key1: { active: true, lastUsedDate: ago(200 * DAY) } } },
  { id: B, name: 'b', rootKeys: { key1: { active: true, lastUsedDate: ago(100 * DAY) } } },
]);

const world = switchableWorld(oldKeys);
let endpoint: AwsEndpoint;
let dir: string;

beforeAll(async () => {
  endpoint = await startAwsEndpoint({ world: world.answerer });
});
afterAll(() => endpoint.close());
beforeEach(() => {
  world.use(oldKeys);
  endpoint.reset();
  dir = mkdtempSync(join(tmpdir(), 'remediate-guards-'));
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

let logs = 0;
const logPath = () => join(dir, `audit-${logs}.jsonl`);
const planPath = () => join(dir, 'plan.json');

function remediate(...argv: string[]): Promise<CliRun> {
  logs++;
  return withEnv(endpoint.env(), () =>
    run(['remediate', ...argv, '--audit-log', logPath(), '--output', 'json']),
  );
}
const apply = (...argv: string[]) => remediate(...argv, '--apply', '--yes');
const rowsOf = (result: CliRun) => JSON.parse(result.stdout) as Array<Record<string, unknown>>;
const calls = (action: string) => endpoint.calls.filter((call) => call.action === action);
const deleted = () => calls('DeleteAccessKey').map((call) => call.params.AccessKeyId);
const logLines = () =>
  readFileSync(logPath(), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const worldAnswer = (call: RecordedCall) =>
  world.current.answer(call) ?? iamResponses.noSuchEntity('unanswered');

describe('the idle guard, by full timestamps and AWS’s clock', () => {
  it('keeps a key idle 29 days 23 hours with --min-idle-days 30', async () => {
    world.use(
      organization([
        { id: A, rootKeys: { key1: { active: true, lastUsedDate: ago(30 * DAY - HOUR) } } },
      ]),
    );
    const result = await apply('--accounts', A, '--min-idle-days', '30');

    expect(result.code).toBe(1);
    expect(rowsOf(result)[0]).toMatchObject({
      action: 'SKIPPED',
      lastUsedAt: '2026-11-01T13:00:00.000Z',
      reason: expect.stringMatching(/idle 29 days 23 hours: within --min-idle-days 30/),
    });
    expect(deleted()).toEqual([]);
  });

  it('deletes a key idle 30 days and 1 hour', async () => {
    world.use(
      organization([
        { id: A, rootKeys: { key1: { active: true, lastUsedDate: ago(30 * DAY + HOUR) } } },
      ]),
    );
    const result = await apply('--accounts', A, '--min-idle-days', '30');

    expect(rowsOf(result)[0]?.action).toBe('DELETED');
  });

  it('keeps a key created minutes ago and never used', async () => {
    world.use(
      organization([{ id: A, rootKeys: { key1: { active: true, lastRotated: ago(5 * 60_000) } } }]),
    );
    const result = await apply('--accounts', A);

    expect(rowsOf(result)[0]).toMatchObject({
      action: 'SKIPPED',
      reason: expect.stringMatching(
        /^never used, created 2026-12-01T11:55:00Z, idle 5 minutes: within --min-idle-days 30/,
      ),
    });
    expect(deleted()).toEqual([]);
  });

  it('with the local clock 40 days ahead of AWS’s: --apply refuses before any delete session, and a dry run still keeps a key used the day before', async () => {
    endpoint.setClockOffset(-40 * DAY);
    world.use(
      organization([{ id: A, rootKeys: { key1: { active: true, lastUsedDate: ago(41 * DAY) } } }]),
    );

    const refused = await apply('--accounts', A);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /error: The local clock is 40 days ahead of AWS's .*--apply refuses beyond 5 minutes/,
    );
    expect(calls('AssumeRoot')).toHaveLength(0);
    expect(deleted()).toEqual([]);
    expect(logLines().map((line) => line.event)).toEqual(['run-started', 'run-refused']);

    const dryRun = await remediate('--accounts', A);
    expect(rowsOf(dryRun)[0]).toMatchObject({
      action: 'SKIPPED',
      reason: expect.stringMatching(/idle 1 day: within --min-idle-days 30/),
    });
  });
});

describe('the second look right before each deletion', () => {
  it('keeps a key used between the plan and its deletion (KEPT), and deletes the others', async () => {
    endpoint.script('iam', 'GetAccessKeyLastUsed', worldAnswer, worldAnswer, (call) =>
      String(call.params.AccessKeyId).includes(A)
        ? iamResponses.getAccessKeyLastUsed({
            lastUsedDate: new Date('2026-12-01T12:00:30Z'),
            serviceName: 'ec2',
            region: 'eu-west-1',
          })
        : worldAnswer(call),
    );
    const result = await apply('--accounts', `${A},${B}`, '--concurrency', '1');

    expect(result.code).toBe(1);
    expect(rowsOf(result).map((row) => [row.accountId, row.action])).toEqual([
      [A, 'KEPT'],
      [B, 'DELETED'],
    ]);
    expect(rowsOf(result)[0]?.reason).toBe(
      'used since the plan at 2026-12-01T12:00:00Z: last used 2026-12-01T12:00:30Z (ec2, eu-west-1), idle 0 minutes; kept',
    );
    expect(deleted()).toEqual([`AKIA${B}RTK1`]);
    expect(
      logLines().find((line) => line.event === 'rechecked' && line.account === A),
    ).toMatchObject({
      outcome: 'keep',
      lastUsedAt: '2026-12-01T12:00:30.000Z',
    });
  });

  it('keeps a key whose status changed since the plan', async () => {
    endpoint.script('iam', 'ListAccessKeys', worldAnswer, () =>
      iamResponses.listAccessKeys([
        {
          accessKeyId: `AKIA${A}RTK1`,
          status: 'Inactive',
          createDate: new Date('2019-03-02T10:15:00Z'),
        },
      ]),
    );
    const result = await apply('--accounts', A);

    expect(rowsOf(result)[0]).toMatchObject({
      action: 'KEPT',
      keyStatus: 'Inactive',
      reason: expect.stringContaining(
        'no longer matches the plan made at 2026-12-01T12:00:00Z (status Inactive, planned Active)',
      ),
    });
    expect(deleted()).toEqual([]);
  });

  it('goes on when a planned key is already gone, saying so', async () => {
    // Planning lists A then B; then A's second look finds nothing.
    endpoint.script('iam', 'ListAccessKeys', worldAnswer, worldAnswer, () =>
      iamResponses.listAccessKeys([]),
    );
    const result = await apply('--accounts', `${A},${B}`, '--concurrency', '1');

    expect(rowsOf(result).map((row) => row.action)).toEqual(['GONE', 'DELETED']);
    expect(rowsOf(result)[0]?.reason).toMatch(/^already gone when its deletion came/);
    expect(result.code).toBe(0);
  });
});

describe('plan files: plan, review, apply exactly that plan', () => {
  it('writes the plan of a dry run, never over an existing file', async () => {
    const result = await remediate('--accounts', `${A},${B}`, '--plan-file', planPath());

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`plan: ${planPath()}`);
    const plan = JSON.parse(readFileSync(planPath(), 'utf8'));
    expect(plan).toMatchObject({
      format: 'root-access-key-rule/remediation-plan/v1',
      createdAt: NOW.toISOString(),
      caller: { arn: ARN, accountId: MANAGEMENT },
      organizationId: 'o-exampleorg1',
      options: { minIdleDays: 30, organization: false, accounts: [A, B] },
    });
    expect(plan.accounts[0]).toMatchObject({
      accountId: A,
      keys: [
        {
          accessKeyId: `AKIA${A}RTK1`,
          status: 'Active',
          lastUsedAt: ago(200 * DAY),
          lastUsedService: 's3',
          action: 'delete',
        },
      ],
    });

    const again = await remediate('--accounts', A, '--plan-file', planPath());
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      `The plan file ${planPath()} exists already; it is never overwritten`,
    );
    expect(endpoint.calls.filter((call) => call.time >= 0)).toBeDefined();
  });

  it('applies only the keys of the plan: a key that appeared since is left, and said so', async () => {
    await remediate('--accounts', A, '--plan-file', planPath());
    world.use(
      organization([
        {
          id: A,
          rootKeys: {
            key1: { active: true, lastUsedDate: ago(200 * DAY) },
            key2: { active: true, lastUsedDate: ago(300 * DAY) },
          },
        },
        { id: B, rootKeys: { key1: { active: true, lastUsedDate: ago(100 * DAY) } } },
      ]),
    );
    endpoint.reset();
    const result = await apply('--plan-file', planPath());

    expect(deleted()).toEqual([`AKIA${A}RTK1`]);
    expect(rowsOf(result).map((row) => [row.accessKeyId, row.action])).toEqual([
      [`AKIA${A}RTK1`, 'DELETED'],
      [`AKIA${A}RTK2`, 'SKIPPED'],
    ]);
    expect(calls('AssumeRoot').map((call) => call.params.TargetPrincipal)).not.toContain(B);
    expect(result.code).toBe(1);
  });

  it.each([
    [
      'older than --max-plan-age (default 1h)',
      [],
      'was made at 2026-12-01T12:00:00.000Z, 1 hour 1 minute ago',
    ],
    ['older than --max-plan-age 30m', ['--max-plan-age', '30m'], '--max-plan-age is 30 minutes'],
  ])('refuses a plan %s, deleting nothing', async (_, extra, message) => {
    await remediate('--accounts', A, '--plan-file', planPath());
    vi.setSystemTime(new Date(NOW.getTime() + HOUR + 60_000));
    endpoint.reset();
    const result = await apply('--plan-file', planPath(), ...extra);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(calls('AssumeRoot')).toHaveLength(0);
  });

  it('accepts an older plan within a longer --max-plan-age', async () => {
    await remediate('--accounts', A, '--plan-file', planPath());
    vi.setSystemTime(new Date(NOW.getTime() + 3 * HOUR));
    const result = await apply('--plan-file', planPath(), '--max-plan-age', '2d');

    expect(rowsOf(result)[0]?.action).toBe('DELETED');
  });

  it('refuses a plan made by another caller', async () => {
    await remediate('--accounts', A, '--plan-file', planPath());
    world.use({ ...oldKeys, callerArn: `arn:aws:iam::${MANAGEMENT}:role/someone-else` });
    const result = await apply('--plan-file', planPath());

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `was made by ${ARN}, not by the caller arn:aws:iam::${MANAGEMENT}:role/someone-else`,
    );
    expect(deleted()).toEqual([]);
  });

  it('refuses a plan of another organization', async () => {
    await remediate('--accounts', A, '--plan-file', planPath());
    world.use({ ...oldKeys, organization: { id: 'o-otherorg22' } });
    const result = await apply('--plan-file', planPath());

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is for organization o-exampleorg1, not o-otherorg22');
    expect(deleted()).toEqual([]);
  });

  it('refuses --accounts with --apply --plan-file, and a duration it cannot read', async () => {
    const both = await remediate('--apply', '--yes', '--plan-file', planPath(), '--accounts', A);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("applies the plan's accounts");
    const badAge = await remediate(
      '--apply',
      '--yes',
      '--plan-file',
      planPath(),
      '--max-plan-age',
      '1 week',
    );
    expect(badAge.code).toBe(2);
    expect(badAge.stderr).toContain('Allowed: a positive whole number and a unit');
    expect(endpoint.calls).toHaveLength(0);
    expect(existsSync(planPath())).toBe(false);
  });
});

describe('every account accounted for', () => {
  it('names a PENDING_CLOSURE account holding a key as left out, in the rows, the CSV and the log; exit 1', async () => {
    world.use(
      organization([
        { id: A, rootKeys: {} },
        { id: B, name: 'closing', status: 'PENDING_CLOSURE', rootKeys: { key1: { active: true } } },
      ]),
    );
    const result = await apply('--organization');

    expect(result.code).toBe(1);
    expect(rowsOf(result).map((row) => [row.accountId, row.action])).toEqual([
      [MANAGEMENT, 'NO_KEYS'],
      [A, 'NO_KEYS'],
      [B, 'LEFT_OUT'],
    ]);
    expect(rowsOf(result)[2]?.reason).toContain('PENDING_CLOSURE, not ACTIVE');
    expect(logLines().find((line) => line.event === 'left-out')).toMatchObject({
      account: B,
      reason: 'PENDING_CLOSURE, not ACTIVE',
    });
    logs++;
    const csv = await withEnv(endpoint.env(), () =>
      run(['remediate', '--organization', '--audit-log', logPath(), '--output', 'csv']),
    );
    expect(csv.stdout).toMatch(new RegExp(`^${B},closing,.*,LEFT_OUT,`, 'm'));
    expect(csv.stdout.split('\n')[0]).toContain('rootCredentialsManagement,rootSessions');
  });

  it('says what happened, keys and accounts counted apart, and nothing untrue', async () => {
    world.use(organization([{ id: A }]));
    logs++;
    const table = await withEnv(endpoint.env(), () =>
      run([
        'remediate',
        '--organization',
        '--apply',
        '--yes',
        '--audit-log',
        logPath(),
        '--output',
        'table',
      ]),
    );
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines.slice(-4)).toEqual([
      '2 accounts: 2 NO_KEYS',
      'No root access key listed.',
      'Applied: nothing was deleted.',
      'Centralized root access in o-exampleorg1: RootCredentialsManagement enabled, RootSessions not enabled',
    ]);
    logs++;
    const dry = await withEnv(endpoint.env(), () =>
      run(['remediate', '--organization', '--audit-log', logPath(), '--output', 'table']),
    );
    expect(dry.stdout).toContain('Dry run: nothing was changed; no key would be deleted.');
    expect(dry.stdout).not.toContain('--apply to delete');
  });
});

describe('a run stopped by its signal (the overall deadline)', () => {
  it('starts no new deletion, lets the one in flight finish and log, writes the closing line, and says what was not done', async () => {
    const { remediateAccounts } = await import('../../../cli/src/index.js');
    const controller = new AbortController();
    endpoint.setDefault('iam', 'DeleteAccessKey', (call) => {
      controller.abort(new Error('--timeout 5m ran out'));
      endpoint.setDefault('iam', 'DeleteAccessKey', undefined);
      return worldAnswer(call);
    });
    logs++;
    const result = await withEnv(endpoint.env(), () =>
      remediateAccounts({
        accounts: [A, B],
        apply: true,
        yes: true,
        concurrency: 1,
        auditLogPath: logPath(),
        signal: controller.signal,
      }),
    );

    expect(deleted()).toEqual([`AKIA${A}RTK1`]);
    expect(result.rows.map((row) => [row.accountId, row.action, row.reason])).toEqual([
      [A, 'DELETED', "deleted; the root user's keys, listed again, no longer show it"],
      [
        B,
        'FAILED',
        'not deleted: the run was stopped (--timeout 5m ran out); no further deletion was started',
      ],
    ]);
    const events = logLines().map((line) => line.event);
    expect(events.filter((event) => event === 'delete')).toHaveLength(1);
    expect(events.at(-1)).toBe('run-finished');
  });

  it('stopped before it starts: opens no session, and the log records why', async () => {
    const { remediateAccounts } = await import('../../../cli/src/index.js');
    logs++;
    const run = withEnv(endpoint.env(), () =>
      remediateAccounts({
        accounts: [A, B],
        auditLogPath: logPath(),
        signal: AbortSignal.abort(new Error('deadline')),
      }),
    );

    await expect(run).rejects.toThrow(/Time ran out before .*: deadline/);
    expect(calls('AssumeRoot')).toHaveLength(0);
    const last = logLines().at(-1);
    expect(last).toMatchObject({ event: 'run-failed', outcome: 'failed' });
    expect(last?.reason).toMatch(/deadline/);
  });
});

describe('applying a plan made with another bound', () => {
  it('applies the plan’s --min-idle-days, not the command line’s', async () => {
    world.use(
      organization([{ id: A, rootKeys: { key1: { active: true, lastUsedDate: ago(3 * DAY) } } }]),
    );
    await remediate('--accounts', A, '--min-idle-days', '0', '--plan-file', planPath());
    const result = await apply('--plan-file', planPath());

    expect(rowsOf(result)[0]?.action).toBe('DELETED');
  });
});

describe('applying a plan of the whole organization', () => {
  it('still accounts for every account of the plan: those without keys to delete keep their planned rows', async () => {
    world.use(
      organization([
        { id: A, rootKeys: { key1: { active: true, lastUsedDate: ago(200 * DAY) } } },
        { id: B, status: 'PENDING_CLOSURE', rootKeys: { key1: { active: true } } },
      ]),
    );
    await remediate('--organization', '--plan-file', planPath());
    const result = await apply('--plan-file', planPath());

    expect(rowsOf(result).map((row) => [row.accountId, row.action])).toEqual([
      [MANAGEMENT, 'NO_KEYS'],
      [A, 'DELETED'],
      [B, 'LEFT_OUT'],
    ]);
    expect(rowsOf(result)[2]?.reason).toMatch(
      /^when planned \(2026-12-01T12:00:00\.000Z\): the account is PENDING_CLOSURE/,
    );
    expect(result.code).toBe(1);
  });
});
