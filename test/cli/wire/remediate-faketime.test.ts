import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AwsEndpoint,
  createWorld,
  startAwsEndpoint,
} from '../../../tools/aws-endpoint/index.js';

/**
 * The tool on a machine whose clock is 40 days fast: libfaketime
 * (`apt-get install faketime`) moves the child process's clock, the local
 * endpoint keeps the true time, as AWS would. Where faketime is not
 * installed, a preload moves the child's `Date` instead (test/support/fast-clock.mjs):
 * the same clock for everything the tool reads, so the tests run everywhere.
 */
const MAIN = fileURLToPath(new URL('../../../cli/src/main.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
const FAST_CLOCK = fileURLToPath(new URL('../../support/fast-clock.mjs', import.meta.url));
const DAY = 86_400_000;
let faketime = true;
const ACCOUNT = '333333333333';

let endpoint: AwsEndpoint;
let dir: string;

beforeAll(async () => {
  try {
    execFileSync('faketime', ['-f', '+0d', 'true']);
  } catch {
    faketime = false;
  }
  const world = createWorld({
    callerAccountId: '111111111111',
    callerArn: 'arn:aws:iam::111111111111:role/security-admin',
    rootAccess: { features: ['RootCredentialsManagement'] },
    accounts: [
      { id: '111111111111' },
      {
        id: ACCOUNT,
        rootKeys: {
          key1: { active: true, lastUsedDate: new Date(Date.now() - DAY).toISOString() },
        },
      },
    ],
  });
  endpoint = await startAwsEndpoint({ world });
  dir = mkdtempSync(join(tmpdir(), 'remediate-faketime-'));
});
afterAll(async () => {
  await endpoint?.close();
  rmSync(dir, { recursive: true, force: true });
});

function fastClock(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: '/nonexistent',
    ...endpoint.env(),
    FAST_CLOCK_OFFSET_MS: String(40 * DAY),
  };
  const [command, args] = faketime
    ? ['faketime', ['-f', '+40d', TSX, MAIN, 'remediate', ...argv]]
    : [TSX, ['--import', FAST_CLOCK, MAIN, 'remediate', ...argv]];
  return new Promise((resolve) => {
    execFile(command, args, { env }, (error, stdout, stderr) =>
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr }),
    );
  });
}

describe('remediate with the local clock 40 days ahead', () => {
  it('--apply --yes refuses, naming the difference, and opens no root session', async () => {
    const result = await fastClock(
      '--accounts',
      ACCOUNT,
      '--apply',
      '--yes',
      '--audit-log',
      join(dir, 'apply.jsonl'),
    );

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error: The local clock is 40 days ahead of AWS's/);
    expect(endpoint.calls.filter((call) => call.action === 'AssumeRoot')).toHaveLength(0);
    expect(endpoint.calls.filter((call) => call.action === 'DeleteAccessKey')).toHaveLength(0);
  });

  it('a dry run counts idle time by AWS’s clock: the key used yesterday is kept', async () => {
    const log = join(dir, 'dry.jsonl');
    const result = await fastClock('--accounts', ACCOUNT, '--audit-log', log, '--output', 'json');

    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)[0]).toMatchObject({
      action: 'SKIPPED',
      reason: expect.stringMatching(/idle 1 day: within --min-idle-days 30/),
    });
    // The log's own times are the local clock's, 40 days ahead: the plan's are AWS's.
    const lines = readFileSync(log, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const plan = lines.find((line) => line.event === 'plan');
    expect(Math.abs(Date.parse(plan.createdAt) - Date.now())).toBeLessThan(60_000);
  });
});
