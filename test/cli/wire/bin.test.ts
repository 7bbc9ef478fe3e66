import { execFile } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AwsEndpoint,
  createWorld,
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
  aggregators: [{ name: 'org', evaluations: generateAggregateEvaluations({ accountCount: 3 }) }],
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

/** Runs the bin in a child process with only the endpoint's AWS environment. */
function spawnBin(args: readonly string[]): Promise<Spawned> {
  const env = { PATH: process.env.PATH ?? '', HOME: '/nonexistent', ...endpoint.env() };
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
    });
  });
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
    expect(result.stdout).toContain('200000000000,us-east-1,root-access-key-rule,NON_COMPLIANT,');
  });
});
