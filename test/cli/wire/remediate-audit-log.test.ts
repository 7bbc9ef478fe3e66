import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type AwsEndpoint,
  type RecordedCall,
  startAwsEndpoint,
  type WorldOptions,
  withEnv,
} from '../../../tools/aws-endpoint/index.js';
import { switchableWorld } from '../../support/switchable-world.js';
import { type CliRun, run } from '../capture-io.js';

/**
 * A record that cannot be lost: the audit log on a real file system that
 * fills up (a 16 KiB tmpfs mounted for this file; the tests run as root),
 * and on a writer that fails at a chosen line.
 */
const failIntent = vi.hoisted(() => ({ at: 0, seen: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((fd: number, buffer: Uint8Array, ...rest: unknown[]) => {
    if (failIntent.at > 0 && Buffer.from(buffer).includes('"event":"intent"')) {
      failIntent.seen++;
      if (failIntent.seen >= failIntent.at) {
        throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
      }
    }
    return (fs.writeSync as (...args: unknown[]) => number)(fd, buffer, ...rest);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const MANAGEMENT = '111111111111';
const NOW = new Date('2026-12-01T12:00:00Z');
const MEMBERS = [
  '200000000001',
  '200000000002',
  '200000000003',
  '200000000004',
  '200000000005',
  '200000000006',
];
const organization: WorldOptions = {
  callerAccountId: MANAGEMENT,
  callerArn: `arn:aws:iam::${MANAGEMENT}:role/security-admin`,
  rootAccess: { features: ['RootCredentialsManagement'] },
  accounts: [
    { id: MANAGEMENT },
    ...MEMBERS.map((id) => ({
      id,
      rootKeys: { key1: { active: true, lastUsedDate: '2026-01-01T00:00:00Z' } },
    })),
  ],
};

const world = switchableWorld(organization);
let endpoint: AwsEndpoint;
let mount: string;
let dir: string;

beforeAll(async () => {
  endpoint = await startAwsEndpoint({ world: world.answerer });
  mount = mkdtempSync(join(tmpdir(), 'full-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', mount]);
});
afterAll(async () => {
  execFileSync('umount', [mount]);
  rmSync(mount, { recursive: true, force: true });
  await endpoint.close();
});
beforeEach(() => {
  world.use(organization);
  endpoint.reset();
  failIntent.at = 0;
  failIntent.seen = 0;
  dir = mkdtempSync(join(tmpdir(), 'remediate-log-'));
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
  for (const name of ['audit.jsonl', 'filler']) rmSync(join(mount, name), { force: true });
});

/** Fills the file system: a file as large as it takes, until ENOSPC. */
function fillDisk(): void {
  try {
    writeFileSync(join(mount, 'filler'), Buffer.alloc(64 * 1024, 1));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  }
}

function apply(log: string, ...argv: string[]): Promise<CliRun> {
  return withEnv(endpoint.env(), () =>
    run([
      'remediate',
      '--organization',
      '--apply',
      '--yes',
      '--audit-log',
      log,
      '--output',
      'json',
      ...argv,
    ]),
  );
}

const rowsOf = (result: CliRun) => JSON.parse(result.stdout) as Array<Record<string, unknown>>;
const lines = (log: string) =>
  readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
const deletes = () =>
  endpoint.calls
    .filter((call: RecordedCall) => call.action === 'DeleteAccessKey')
    .map((call) => String(call.params.AccessKeyId));

describe('the audit log on a file system that fills up', () => {
  it('starts no deletion once the log breaks, prints every row, names each deletion missing from the log, exits 2', async () => {
    const log = join(mount, 'audit.jsonl');
    endpoint.setDefault('iam', 'DeleteAccessKey', (call) => {
      fillDisk();
      endpoint.setDefault('iam', 'DeleteAccessKey', undefined);
      return world.current.answer(call) ?? { kind: 'reset' };
    });
    const result = await apply(log, '--concurrency', '2');

    expect(result.code).toBe(2);
    const rows = rowsOf(result);
    expect(rows.filter((row) => row.accessKeyId !== undefined).map((row) => row.accountId)).toEqual(
      MEMBERS,
    );
    const notDeleted = rows.filter((row) => row.action === 'FAILED');
    expect(notDeleted.length).toBeGreaterThan(0);
    for (const row of notDeleted) {
      expect(row.reason).toMatch(
        /^not deleted: the audit log .* could not be written \(.*ENOSPC.*\); no further deletion was started$/,
      );
    }
    expect(deletes().length).toBeLessThan(MEMBERS.length);

    // Whole lines only; every deletion sent has its intent on disk; each whose outcome is not there is named.
    const written = lines(log).map((line) => JSON.parse(line) as Record<string, unknown>);
    const intents = new Set(
      written.filter((line) => line.event === 'intent').map((line) => line.accessKeyId),
    );
    const outcomes = new Set(
      written.filter((line) => line.event === 'delete').map((line) => line.accessKeyId),
    );
    for (const key of deletes()) {
      expect(intents.has(key)).toBe(true);
      const account = key.slice(4, 16);
      if (!outcomes.has(key)) expect(result.stderr).toContain(`${account}/${key}`);
    }
    expect(result.stderr).toMatch(
      /^error: the audit log .*audit\.jsonl could not be written \(.*ENOSPC.*\); no further deletion was started\./m,
    );
  });

  it('sends no deletion whose intent is not on disk, when the disk fills before the first second look', async () => {
    const log = join(mount, 'audit.jsonl');
    let lists = 0;
    endpoint.setDefault('iam', 'ListAccessKeys', (call) => {
      lists++;
      // The plan lists every member; the next listing is the first second look.
      if (lists === MEMBERS.length + 1) fillDisk();
      return world.current.answer(call) ?? { kind: 'reset' };
    });
    const result = await apply(log, '--concurrency', '1', '--min-idle-days', '30');

    expect(result.code).toBe(2);
    expect(rowsOf(result).filter((row) => row.accessKeyId !== undefined)).toHaveLength(
      MEMBERS.length,
    );
    const written = lines(log).map((line) => JSON.parse(line) as Record<string, unknown>);
    const intents = written
      .filter((line) => line.event === 'intent')
      .map((line) => line.accessKeyId);
    expect(deletes()).toEqual(intents);
    expect(deletes().length).toBeLessThan(MEMBERS.length);
    expect(readFileSync(log, 'utf8').endsWith('\n')).toBe(true);
  });
});

describe('the audit log on a writer that fails at a chosen line', () => {
  it('fails at the second intent: the first key is deleted and logged, no other deletion starts', async () => {
    mkdirSync(dir, { recursive: true });
    const log = join(dir, 'audit.jsonl');
    failIntent.at = 2;
    const result = await apply(log, '--concurrency', '1');

    expect(result.code).toBe(2);
    expect(deletes()).toEqual([`AKIA${MEMBERS[0]}RTK1`]);
    expect(rowsOf(result).map((row) => [row.accountId, row.action])).toEqual([
      [MANAGEMENT, 'NO_KEYS'],
      [MEMBERS[0], 'DELETED'],
      ...MEMBERS.slice(1).map((id) => [id, 'FAILED']),
    ]);
    expect(result.stderr).toContain(
      'could not be written (Error: EIO: i/o error, write); no further deletion was started. Every deletion that was sent is in the log.',
    );
    const events = lines(log).map((line) => JSON.parse(line).event);
    expect(events.filter((event) => event === 'delete')).toHaveLength(1);
    expect(events).not.toContain('run-finished');
  });
});
