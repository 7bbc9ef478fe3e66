import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AwsEndpoint,
  createWorld,
  deployedRuleName,
  generateAggregateEvaluations,
  startAwsEndpoint,
} from '../../../tools/aws-endpoint/index.js';

/** The launcher as package.json's `bin` names it, spawned as a user runs it. */
const BIN = fileURLToPath(new URL('../../../bin/root-access-key-rule.mjs', import.meta.url));

const world = createWorld({
  accounts: [
    { id: '111111111111', name: 'management' },
    { id: '200000000001', name: 'keys', rootKeys: { key1: { active: true } } },
    { id: '200000000002', name: 'denied', assumeRoleDenied: true },
  ],
  now: new Date('2026-11-28T12:00:00Z'),
  aggregators: [
    {
      name: 'org',
      // Every result from the organization conformance pack's rule, the only one that counts.
      evaluations: generateAggregateEvaluations({
        accountCount: 2,
        firstAccountId: 200_000_000_001,
      }).map((evaluation) =>
        evaluation.ruleName === deployedRuleName(0) || evaluation.ruleName === deployedRuleName(2)
          ? { ...evaluation, ruleName: deployedRuleName(1) }
          : evaluation,
      ),
    },
  ],
  conformancePacks: [
    {
      name: 'root-access-key-rule',
      excludedAccounts: ['111111111111'],
      statuses: ['200000000001', '200000000002'].map((accountId) => ({
        accountId,
        status: 'CREATE_SUCCESSFUL' as const,
      })),
    },
  ],
});
let endpoint: AwsEndpoint;

beforeAll(async () => {
  endpoint = await startAwsEndpoint({ world });
});
afterAll(() => endpoint.close());

interface Spawned {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the bin in a child process with only the endpoint's AWS environment (and `extraEnv`). */
function spawnBin(
  args: readonly string[],
  extraEnv: Record<string, string | undefined> = {},
  nodeArgs: readonly string[] = [],
): Promise<Spawned> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: '/nonexistent',
    ...endpoint.env(),
    ...extraEnv,
  };
  return new Promise((resolve) => {
    execFile(process.execPath, [...nodeArgs, BIN, ...args], { env }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
    });
  });
}

const RECORDER = fileURLToPath(new URL('../../support/record-module-loads.mjs', import.meta.url));

/** Markers of each heavy dependency in the bundled chunks (class names kept by the bundler). */
const MARKERS = {
  sdk: /\bIAMClient\b|\bSTSClient\b/,
  yaml: /YAMLParseError/,
  progress: /SingleBar/,
};

/** Which heavy dependencies a run of the bin loaded. */
async function dependenciesLoaded(args: readonly string[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'loads-'));
  try {
    const file = join(dir, 'loads.txt');
    const result = await spawnBin(args, { RECORD_MODULE_LOADS: file }, ['--import', RECORDER]);
    expect(result.stderr).not.toMatch(/Error/);
    const sources = readFileSync(file, 'utf8')
      .split('\n')
      .filter((url) => url.startsWith('file:'))
      .map((url) => readFileSync(fileURLToPath(url), 'utf8'));
    return Object.entries(MARKERS)
      .filter(([, marker]) => sources.some((source) => marker.test(source)))
      .map(([name]) => name);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('bin/root-access-key-rule.mjs', () => {
  it('is an executable node script, named by package.json', () => {
    const packageJson = JSON.parse(
      readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
    );

    expect(packageJson.bin['root-access-key-rule']).toBe('bin/root-access-key-rule.mjs');
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(() => accessSync(BIN, constants.X_OK)).not.toThrow();
  });

  it('loads neither the AWS SDK, yaml nor the progress bar for --help', async () => {
    expect(await dependenciesLoaded(['--help'])).toEqual([]);
    expect(await dependenciesLoaded(['evaluate', '--help'])).toEqual([]);
  });

  it('loads what a command needs when it runs', async () => {
    const arn = 'arn:aws:lambda:us-east-1:111111111111:function:rule';
    expect(await dependenciesLoaded(['pack-template', '--function-arn', arn])).toEqual(['yaml']);
    expect(await dependenciesLoaded(['evaluate'])).toEqual(
      expect.arrayContaining(['sdk', 'progress']),
    );
  });

  it("replaces the SDK's Node.js support warning with one line of its own", async () => {
    const result = await spawnBin(['evaluate'], {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: undefined,
    });
    const oldNode = Number(process.versions.node.split('.')[0]) < 22;

    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('NodeVersionSupportWarning');
    expect(result.stderr).toBe(
      oldNode
        ? `note: Node.js ${process.version}: AWS SDK releases from January 2027 need Node.js 22 or newer; results are not affected, but upgrade Node.js to keep getting SDK fixes\n`
        : '',
    );
  });

  it('says nothing of Node.js for commands that do not call AWS', async () => {
    const result = await spawnBin(['--help'], {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: undefined,
    });
    expect(result.stderr).toBe('');
  });

  it('runs evaluate over the organization and exits 2 for the denied account', async () => {
    const result = await spawnBin(['evaluate', '--organization', '--role-name', 'Audit']);

    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({ accountId: '111111111111', compliance: 'COMPLIANT' }),
      expect.objectContaining({ accountId: '200000000001', compliance: 'NON_COMPLIANT' }),
      expect.objectContaining({
        accountId: '200000000002',
        compliance: 'ERROR',
        error: expect.any(String),
      }),
    ]);
    expect(result.stderr).toBe('');
  });

  it('runs report and exits 1 when an account is NON_COMPLIANT', async () => {
    const result = await spawnBin(['report', '--aggregator', 'org', '--output', 'csv']);

    expect(result.code).toBe(1);
    expect(result.stdout.split('\r\n')).toHaveLength(5);
    expect(result.stdout).toContain(
      '200000000001,us-east-1,root-access-key-rule-conformance-pack-abc123de,NON_COMPLIANT,',
    );
    expect(result.stdout).toContain('111111111111,us-east-1,root-access-key-rule,EXCLUDED,');
    expect(result.stderr).toBe('');
  });
});
