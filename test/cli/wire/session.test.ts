import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
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
const NO_REGION =
  'No AWS Region is configured: pass --region (a Region of your partition, such as us-east-1, us-gov-west-1 or cn-north-1), set AWS_REGION, or set region in the profile';
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
  // First: the SDK warns once a process, so a later test would not see it.
  it("names a missing --profile without the SDK's warning about keys in the environment", async () => {
    const warn = vi.spyOn(console, 'warn');
    try {
      const result = await runWithFiles(
        ['evaluate', '--profile', 'nope', '--region', 'eu-west-1'],
        {
          AWS_ACCESS_KEY_ID: BASE_ACCESS_KEY_ID,
          AWS_SECRET_ACCESS_KEY: 'base-secret',
        },
      );

      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^error: No AWS credentials found for profile "nope" \([^\n]*\n$/,
      );
      expect(warn).not.toHaveBeenCalled();
      expect(endpoint.calls).toHaveLength(0);
    } finally {
      warn.mockRestore();
    }
  });

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

  it('never guesses a Region: without one, evaluate asks for --region and calls nothing', async () => {
    const result = await runWithFiles(['evaluate'], {
      AWS_ACCESS_KEY_ID: BASE_ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY: 'base-secret',
    });

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: ${NO_REGION}\n`);
    expect(endpoint.calls).toHaveLength(0);
  });

  it('refuses to guess the Region of an aggregator', async () => {
    const result = await runWithFiles(['report', '--aggregator', 'org'], {
      AWS_ACCESS_KEY_ID: BASE_ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY: 'base-secret',
    });

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: ${NO_REGION}\n`);
    expect(endpoint.calls).toHaveLength(0);
  });

  it.each([
    ['an empty --region', ['--region', ''], "''"],
    ['a Region of no partition', ['--region', 'mars-north-9'], "'mars-north-9'"],
  ])('refuses %s before any call, naming what is allowed', async (_case, region, shown) => {
    const result = await runWithFiles(['evaluate', ...region]);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `error: option '--region <region>' argument ${shown} is invalid. Allowed: an AWS Region name such as eu-west-1, us-gov-west-1 or cn-north-1.\n(run with --help for usage)\n`,
    );
    expect(endpoint.calls).toHaveLength(0);
  });

  it('checks a configured Region too (AWS_REGION or the profile)', async () => {
    const result = await runWithFiles(['evaluate'], {
      AWS_ACCESS_KEY_ID: BASE_ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY: 'base-secret',
      AWS_REGION: 'mars-north-9',
    });

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'error: Region "mars-north-9" (from AWS_REGION or the profile) is not an AWS Region name: expected an AWS Region name such as eu-west-1, us-gov-west-1 or cn-north-1\n',
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

describe('the partition of the Region', () => {
  const govWorld = () =>
    createWorld({
      callerAccessKeyIds: [BASE_ACCESS_KEY_ID],
      callerArn: 'arn:aws-us-gov:iam::111111111111:user/auditor',
    });

  it("refuses a Region of another partition than the caller's, naming a Region to use", async () => {
    const gov = await startAwsEndpoint({ world: govWorld() });
    try {
      const result = await withEnv(gov.env('us-east-1'), () => run(['evaluate']));

      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        'error: Region us-east-1 is in partition aws, but the caller (arn:aws-us-gov:iam::111111111111:user/auditor) is in partition aws-us-gov: pass --region with a Region of aws-us-gov, such as us-gov-west-1\n',
      );
      expect(gov.calls.map((call) => call.action)).toEqual(['GetCallerIdentity']);
    } finally {
      await gov.close();
    }
  });

  it("evaluates in the caller's partition's Region", async () => {
    const gov = await startAwsEndpoint({ world: govWorld() });
    try {
      const result = await withEnv(gov.env('us-gov-west-1'), () =>
        run(['evaluate', '--output', 'json']),
      );

      expect(result.code).toBe(0);
      expect(new Set(gov.calls.map((call) => call.region))).toEqual(new Set(['us-gov-west-1']));
    } finally {
      await gov.close();
    }
  });
});
