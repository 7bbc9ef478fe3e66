import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AwsEndpoint, startAwsEndpoint } from '../../../tools/aws-endpoint/index.js';
import { switchableWorld } from '../../support/switchable-world.js';

/**
 * `remediate --apply` on a real pseudo-terminal (util-linux `script`), the
 * tool in a child process as a user runs it, the answer typed on the
 * terminal's input.
 */
const MAIN = fileURLToPath(new URL('../../../cli/src/main.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
const ACCOUNT = '333333333333';
const KEY = 'AKIA333333333333RTK1';

const world = switchableWorld();
const organization = () =>
  world.use({
    callerAccountId: '111111111111',
    callerArn: 'arn:aws:iam::111111111111:role/security-admin',
    rootAccess: { features: ['RootCredentialsManagement'] },
    accounts: [
      { id: '111111111111' },
      {
        id: ACCOUNT,
        name: 'legacy',
        rootKeys: { key1: { active: true, lastUsedDate: '2026-01-01T09:00:00Z' } },
      },
      // A second account, so the progress bar runs while planning.
      { id: '444444444444', name: 'clean' },
    ],
  });
let endpoint: AwsEndpoint;
let dir: string;

beforeAll(async () => {
  endpoint = await startAwsEndpoint({ world: world.answerer });
  dir = mkdtempSync(join(tmpdir(), 'remediate-pty-'));
});
afterAll(async () => {
  await endpoint.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  organization();
  endpoint.reset();
});

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * Runs `remediate … --apply` under `script` (a pseudo-terminal for stdin,
 * stdout and stderr, unless `redirect` sends stderr elsewhere), typing
 * `typed` once the question is on the terminal.
 */
function onTerminal(
  typed: string,
  log: string,
  redirect = '',
): Promise<{ code: number; screen: string }> {
  const command = [
    TSX,
    MAIN,
    'remediate',
    '--accounts',
    `${ACCOUNT},444444444444`,
    '--apply',
    '--audit-log',
    log,
    '--output',
    'json',
  ]
    .map(quote)
    .join(' ');
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: '/nonexistent',
    TERM: 'dumb',
    ...endpoint.env(),
  };
  return new Promise((resolve) => {
    const child = execFile(
      'script',
      ['-qefc', `${command}${redirect}`, '/dev/null'],
      { env, timeout: 60_000 },
      (error, stdout) => {
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, screen: stdout });
      },
    );
    let sent = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      if (!sent && chunk.toString('utf8').includes('[yes/no]')) {
        sent = true;
        child.stdin?.write(typed);
      }
    });
    child.on('exit', () => child.stdin?.end());
  });
}

const deletes = () => endpoint.calls.filter((call) => call.action === 'DeleteAccessKey');

describe('remediate --apply on a pseudo-terminal', () => {
  it('shows the plan’s key ids before the question; answering n deletes nothing', async () => {
    const log = join(dir, 'no.jsonl');
    const { code, screen } = await onTerminal('n\r', log);

    const question = screen.indexOf(
      'Delete this root access key in 1 account? This cannot be undone. [yes/no]',
    );
    expect(question).toBeGreaterThan(0);
    expect(screen.indexOf(KEY)).toBeGreaterThan(-1);
    expect(screen.indexOf(KEY)).toBeLessThan(question);
    expect(screen.slice(0, question)).toContain('2026-01-01T09:00:00Z (s3, us-east-1)');
    expect(screen.slice(0, question)).toContain('Remediating accounts [');
    // The progress bar was taken down: nothing redraws over the question while it waits.
    const waiting = screen.slice(question, screen.indexOf('n\r', question));
    expect(waiting).toBe(
      'Delete this root access key in 1 account? This cannot be undone. [yes/no] ',
    );
    expect(code).toBe(1);
    expect(deletes()).toHaveLength(0);
    const consent = readFileSync(log, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line))
      .find((line) => line.event === 'consent');
    expect(consent).toMatchObject({ how: 'interactive', answer: 'n', outcome: 'declined' });
  });

  it('answering y deletes the planned key', async () => {
    const { code } = await onTerminal('y\r', join(dir, 'yes.jsonl'));

    expect(code).toBe(0);
    expect(deletes().map((call) => call.params.AccessKeyId)).toEqual([KEY]);
  });

  it('with stderr redirected to a file (2>err.txt) refuses, before any AWS call', async () => {
    const err = join(dir, 'err.txt');
    const { code } = await onTerminal('y\r', join(dir, 'redirected.jsonl'), ` 2>${quote(err)}`);

    expect(code).toBe(2);
    expect(readFileSync(err, 'utf8')).toContain(
      'error: remediate --apply asks before deleting, and nobody can be asked here (stderr is not a terminal)',
    );
    expect(endpoint.calls).toHaveLength(0);
  });
});
