import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type AwsEndpoint,
  awsError,
  createWorld,
  startAwsEndpoint,
  withEnv,
} from '../../../tools/aws-endpoint/index.js';
import { rawControls } from '../../support/raw-controls.js';
import { type CliRun, run } from '../capture-io.js';

/**
 * Text from member accounts and AWS, written to attack whoever reads it: an
 * OU name that retitles the terminal, clears the screen and prints a red
 * "COMPLIANT"; an account name with a right-to-left override; an annotation
 * with a C1 control sequence introducer; a pack error with an escape
 * sequence. Through the real CLI, none of it reaches stdout or stderr raw.
 */
const OU_NAME = 'Prod\u001b]0;all clean\u0007\u001b[2J\u001b[H\u001b[31mCOMPLIANT\u001b[0m';
const ACCOUNT_NAME = 'payments\u202eexe.prod';
const ANNOTATION = '\u009b2JRoot user has 1 access key: key 1 active. Delete it.';
const PACK_ERROR = 'recorder missing\u001b[8m hidden';
/** A formula behind a space, which spreadsheets still run. */
const FORMULA_NAME = ' =2+2';
/** Recent enough to count on any day the test runs. */
const RECORDED = new Date(Date.now() - 6 * 3_600_000);

const world = createWorld({
  callerAccountId: '111111111111',
  roleName: 'RootKeyAudit',
  rootAccess: { features: ['RootCredentialsManagement', 'RootSessions'] },
  organization: { units: [{ id: 'ou-exmp-hostile1', name: OU_NAME }] },
  accounts: [
    { id: '111111111111', name: 'management' },
    {
      id: '200000000001',
      name: ACCOUNT_NAME,
      parentId: 'ou-exmp-hostile1',
      rootKeys: { key1: { active: true } },
    },
    { id: '200000000002', name: FORMULA_NAME, parentId: 'ou-exmp-hostile1' },
  ],
  aggregators: [
    {
      name: 'org',
      evaluations: [
        {
          accountId: '111111111111',
          region: 'eu-west-1',
          ruleName: 'root-access-key-rule-conformance-pack-abc123de',
          complianceType: 'COMPLIANT',
          annotation: 'No root access key exists.',
          resultRecordedTime: RECORDED,
        },
        {
          accountId: '200000000001',
          region: 'eu-west-1',
          ruleName: 'root-access-key-rule-conformance-pack-abc123de',
          complianceType: 'NON_COMPLIANT',
          annotation: ANNOTATION,
          resultRecordedTime: RECORDED,
        },
      ],
    },
  ],
  conformancePacks: [
    {
      name: 'root-access-key-rule',
      statuses: [
        { accountId: '111111111111', status: 'CREATE_SUCCESSFUL' },
        { accountId: '200000000001', status: 'CREATE_SUCCESSFUL' },
        {
          accountId: '200000000002',
          status: 'CREATE_FAILED',
          errorCode: 'NoAvailableConfigurationRecorder',
          errorMessage: PACK_ERROR,
        },
      ],
    },
  ],
});
let endpoint: AwsEndpoint;

beforeAll(async () => {
  endpoint = await startAwsEndpoint({ world });
});
afterAll(() => endpoint.close());
beforeEach(() => endpoint.reset());

function cli(...argv: string[]): Promise<CliRun> {
  return withEnv(endpoint.env('eu-west-1'), () => run(argv));
}

function expectNoRawControls(result: CliRun): void {
  expect(rawControls(result.stdout)).toEqual([]);
  expect(rawControls(result.stderr)).toEqual([]);
}

describe('hostile text from member accounts and AWS', () => {
  it('never reaches the terminal raw in the report table: every control character shows as an escape', async () => {
    const result = await cli('report', '--aggregator', 'org', '--output', 'table');

    expectNoRawControls(result);
    expect(result.stdout).toContain(
      String.raw`Prod\x1b]0;all clean\x07\x1b[2J\x1b[H\x1b[31mCOMPLIANT\x1b[0m`,
    );
    expect(result.stdout).toContain(String.raw`payments\u202eexe.prod`);
    expect(result.stdout).toContain(String.raw`\x9b2JRoot user has 1 access key`);
    expect(result.stdout).toContain(String.raw`recorder missing\x1b[8m hidden`);
  });

  it('never reaches a spreadsheet raw in CSV, and the CSV still parses', async () => {
    const result = await cli('report', '--aggregator', 'org', '--output', 'csv');

    expectNoRawControls(result);
    const records = parse(result.stdout, { columns: true }) as Record<string, string>[];
    const keyed = records.find((record) => record.accountId === '200000000001');
    expect(keyed?.accountName).toBe(String.raw`payments\u202eexe.prod`);
    expect(keyed?.annotation).toBe(
      String.raw`\x9b2JRoot user has 1 access key: key 1 active. Delete it.`,
    );
    expect(records.find((record) => record.accountId === '200000000002')?.accountName).toBe(
      "' =2+2",
    );
  });

  it('never reaches the HTML page raw', async () => {
    const result = await cli('report', '--aggregator', 'org', '--output', 'html');

    expectNoRawControls(result);
    expect(result.stdout).toContain(String.raw`payments\u202eexe.prod`);
  });

  it('keeps exact values in JSON, escaped by JSON itself', async () => {
    const result = await cli('report', '--aggregator', 'org', '--output', 'json');

    expectNoRawControls(result);
    const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
    const keyed = rows.find((row) => row.accountId === '200000000001');
    expect(keyed).toMatchObject({
      accountName: ACCOUNT_NAME,
      organizationalUnit: `Root/${OU_NAME}`,
      annotation: ANNOTATION,
    });
  });

  it('never reaches the terminal raw in the evaluate table', async () => {
    const result = await cli(
      'evaluate',
      '--organization',
      '--role-name',
      'RootKeyAudit',
      '--output',
      'table',
    );

    expectNoRawControls(result);
    expect(result.stdout).toContain(String.raw`payments\u202eexe.prod`);
  });

  it('never reaches the terminal raw in the remediate table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'safe-text-'));
    try {
      const result = await cli(
        'remediate',
        '--organization',
        '--audit-log',
        join(dir, 'audit.jsonl'),
        '--output',
        'table',
      );

      expectNoRawControls(result);
      expect(result.stdout).toContain(String.raw`payments\u202eexe.prod`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never reaches stderr raw in an error message from AWS', async () => {
    endpoint.script(
      'config',
      'DescribeAggregateComplianceByConfigRules',
      awsError(
        'InvalidParameterValueException',
        'denied \u001b]0;ok\u0007\u001b[2J by \u202epolicy',
      ),
    );
    const result = await cli('report', '--aggregator', 'org', '--output', 'json');

    expect(result.code).toBe(2);
    expectNoRawControls(result);
    expect(result.stderr).toContain(String.raw`denied \x1b]0;ok\x07\x1b[2J by \u202epolicy`);
  });
});
