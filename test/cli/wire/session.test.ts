import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type AwsEndpoint,
  BASE_ACCESS_KEY_ID,
  createWorld,
  generateAggregateEvaluations,
  startAwsEndpoint,
  withEnv,
} from '../../../tools/aws-endpoint/index.js';
import { type CliRun, run } from '../capture-io.js';

/** Credentials and Region resolution: --profile, --region and the fallbacks. */
const PROFILE_KEY = 'AKIDPROFILEAUDIT0001';
const world = createWorld({
  now: new Date('2026-11-28T12:00:00Z'),
  callerAccessKeyIds: [BASE_ACCESS_KEY_ID, PROFILE_KEY],
  aggregators: [
    {
      name: 'org',
      evaluations: generateAggregateEvaluations({ accountCount: 2, nonCompliantEvery: 0 }),
    },
  ],
});
let endpoint: AwsEndpoint;
let directory: string;

beforeAll(async () => {
  endpoint = await startAwsEndpoint({ world });
  directory = mkdtempSync(join(tmpdir(), 'root-access-key-rule-cli-'));
  writeFileSync(join(directory, 'config'), '[profile audit]\nregion = eu-central-1\n');
  writeFileSync(
    join(directory, 'credentials'),
    `[audit]\naws_access_key_id = ${PROFILE_KEY}\naws_secret_access_key = profile-secret\n`,
  );
});
afterAll(async () => {
  await endpoint.close();
  rmSync(directory, { recursive: true, force: true });
});
beforeEach(() => endpoint.reset());

/** Runs with the endpoint's URLs and the temporary config files, without ambient credentials or Region. */
function runWithFiles(
  argv: readonly string[],
  extra: Record<string, string | undefined> = {},
): Promise<CliRun> {
  return withEnv(
    {
      ...endpoint.env(),
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_REGION: undefined,
      AWS_CONFIG_FILE: join(directory, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(directory, 'credentials'),
      ...extra,
    },
    () => run(argv),
  );
}

describe('credentials and Region', () => {
  it("signs every call with the --profile's credentials in the profile's Region", async () => {
    const result = await runWithFiles(['--profile', 'audit', 'evaluate', '--output', 'json']);

    expect(result.code).toBe(0);
    const calls = endpoint.calls.map((call) => [call.action, call.accessKeyId, call.region]);
    expect(calls).toContainEqual(['GetCallerIdentity', PROFILE_KEY, 'eu-central-1']);
    expect(calls).toContainEqual(['GetAccountSummary', PROFILE_KEY, 'eu-central-1']);
    expect(new Set(calls.map(([, key, region]) => `${key} ${region}`))).toEqual(
      new Set([`${PROFILE_KEY} eu-central-1`]),
    );
  });

  it('accepts the global options after the command name too, --region winning over the profile', async () => {
    const result = await runWithFiles([
      'report',
      '--aggregator',
      'org',
      '--profile',
      'audit',
      '--region',
      'ap-southeast-2',
    ]);

    expect(result.code).toBe(0);
    expect(new Set(endpoint.calls.map((call) => `${call.accessKeyId} ${call.region}`))).toEqual(
      new Set([`${PROFILE_KEY} ap-southeast-2`]),
    );
  });

  it('prefers --profile over credentials in the environment', async () => {
    const result = await runWithFiles(['evaluate', '--profile', 'audit'], {
      AWS_ACCESS_KEY_ID: BASE_ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY: 'base-secret',
    });

    expect(result.code).toBe(0);
    expect(endpoint.calls.every((call) => call.accessKeyId === PROFILE_KEY)).toBe(true);
  });

  it('uses AWS_PROFILE when no --profile is given', async () => {
    const result = await runWithFiles(['evaluate'], { AWS_PROFILE: 'audit' });

    expect(result.code).toBe(0);
    expect(endpoint.calls.every((call) => call.accessKeyId === PROFILE_KEY)).toBe(true);
  });

  it('evaluates in us-east-1 when no Region is configured, IAM being global', async () => {
    const result = await runWithFiles(['evaluate'], {
      AWS_ACCESS_KEY_ID: BASE_ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY: 'base-secret',
    });

    expect(result.code).toBe(0);
    expect(new Set(endpoint.calls.map((call) => call.region))).toEqual(new Set(['us-east-1']));
    expect(endpoint.calls.map((call) => call.action)).toContain('GetAccountSummary');
  });

  it('refuses to guess the Region of an aggregator', async () => {
    const result = await runWithFiles(['report', '--aggregator', 'org'], {
      AWS_ACCESS_KEY_ID: BASE_ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY: 'base-secret',
    });

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'error: No AWS Region is configured: pass --region, set AWS_REGION, or set region in the profile\n',
    );
    expect(endpoint.calls).toHaveLength(0);
  });

  it('fails with exit 2 naming the profile problem when the profile does not exist', async () => {
    const result = await runWithFiles(['evaluate', '--profile', 'nope']);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: No AWS credentials found for profile "nope" \(/);
    expect(result.stderr).toContain('configure them with --profile, AWS_PROFILE');
    expect(endpoint.calls).toHaveLength(0);
  });
});
