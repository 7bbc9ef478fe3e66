import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AwsEndpoint, startAwsEndpoint, withEnv } from '../../../tools/aws-endpoint/index.js';
import {
  ACCOUNTS as A,
  coverageWorld,
  HOSTILE_ANNOTATION,
  rootCredentialsManagementOn,
} from '../../support/coverage-world.js';
import { validateAsff, validateBatchImport } from '../../support/findings-validators/asff.js';
import { validateOcsf } from '../../support/findings-validators/ocsf.js';
import { type CliRun, run } from '../capture-io.js';

/**
 * `evaluate` and `report` with `--output asff` and `--output ocsf`, end to end
 * over HTTP against an organization with every kind of row: keys, clean,
 * excluded, no result, not applicable, denied, hostile text.
 */
const world = coverageWorld();
let endpoint: AwsEndpoint;

beforeAll(async () => {
  endpoint = await startAwsEndpoint({ world });
});
afterAll(() => endpoint.close());
beforeEach(() => {
  endpoint.reset();
  endpoint.setDefault('iam', 'ListOrganizationsFeatures', rootCredentialsManagementOn);
});

function cli(...argv: string[]): Promise<CliRun> {
  return withEnv(endpoint.env('eu-west-1'), () => run(argv));
}

type Json = Record<string, unknown>;

function asffOf(result: CliRun): Json[] {
  return JSON.parse(result.stdout) as Json[];
}

function ocsfOf(result: CliRun): Json[] {
  expect(result.stdout.endsWith('\n')).toBe(true);
  return result.stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Json);
}

/** Each account's findings, validated as one BatchImportFindings call of that account. */
function expectImportableByAccount(findings: Json[]): void {
  const byAccount = new Map<string, Json[]>();
  for (const finding of findings) {
    const account = String(finding.AwsAccountId);
    byAccount.set(account, [...(byAccount.get(account) ?? []), finding]);
  }
  for (const [account, own] of byAccount) {
    expect(validateBatchImport(own, account)).toEqual([]);
  }
}

function expectValidOcsf(events: Json[]): void {
  for (const event of events) {
    expect(validateOcsf(event, '1.6.0').errors).toEqual([]);
  }
}

const evaluateArgs = ['evaluate', '--organization', '--role-name', 'RootKeyAudit'];
const reportArgs = ['report', '--aggregator', 'org'];

describe('evaluate --output asff', () => {
  it('prints one valid finding per account, each importable with its account’s credentials, and says how', async () => {
    const result = await cli(...evaluateArgs, '--output', 'asff');
    const findings = asffOf(result);

    expect(findings.map((finding) => finding.AwsAccountId)).toEqual(
      JSON.parse((await cli(...evaluateArgs, '--output', 'json')).stdout).map(
        (row: Json) => row.accountId,
      ),
    );
    for (const finding of findings) expect(validateAsff(finding)).toEqual([]);
    expectImportableByAccount(findings);
    const keyed = findings.find((finding) => finding.AwsAccountId === A.keyed);
    expect(keyed).toMatchObject({
      Region: 'eu-west-1',
      ProductArn: `arn:aws:securityhub:eu-west-1:${A.keyed}:product/${A.keyed}/default`,
      Compliance: { Status: 'FAILED' },
      FindingProviderFields: { Severity: { Label: 'CRITICAL' } },
      GeneratorId: 'root-access-key-rule',
    });
    expect((keyed?.ProductFields as Json | undefined)?.['RootAccessKeyRule/Key1/State']).toBe(
      'Active',
    );
    expect(result.stderr).toContain(
      "note: Security Hub accepts a finding with an account's default product ARN only from that account's own credentials, and at most 100 findings per BatchImportFindings call",
    );
  });
});

describe('evaluate --output ocsf', () => {
  it('prints one valid Compliance Finding per account as JSON Lines, the key facts as evidence', async () => {
    const result = await cli(...evaluateArgs, '--output', 'ocsf');
    const events = ocsfOf(result);

    expectValidOcsf(events);
    const keyed = events.find(
      (event) => (event.cloud as { account: { uid: string } }).account.uid === A.keyed,
    );
    expect(keyed).toMatchObject({
      class_uid: 2003,
      compliance: { status_id: 3, control: 'IAM.4' },
      cloud: { region: 'eu-west-1', org: { uid: 'o-exampleorg1' } },
    });
    expect(JSON.stringify(keyed?.evidences)).toContain('"state":"Active"');
    expect(result.stderr).not.toContain('Security Hub accepts');
  });
});

describe('report --output asff and ocsf', () => {
  it('makes every row a finding but IGNORED ones, those without a result NOT_AVAILABLE with the reason', async () => {
    const result = await cli(...reportArgs, '--output', 'asff');
    const findings = asffOf(result);
    const rows = JSON.parse((await cli(...reportArgs, '--output', 'json')).stdout) as Json[];
    // The account outside the organization holds a result the pack did not make: IGNORED, no finding.
    const ignored = rows.filter((row) => row.compliance === 'IGNORED');

    expect(ignored.map((row) => row.accountId)).toEqual([A.outside]);
    expect(findings).toHaveLength(rows.length - ignored.length);
    expect(findings.some((finding) => finding.AwsAccountId === A.outside)).toBe(false);
    for (const finding of findings) expect(validateAsff(finding)).toEqual([]);
    expectImportableByAccount(findings);
    const excluded = findings.find((finding) => finding.AwsAccountId === A.excluded);
    expect(excluded).toMatchObject({ Compliance: { Status: 'NOT_AVAILABLE' } });
    expect(String(excluded?.Description)).toContain('EXCLUDED');
    const never = findings.find((finding) => finding.AwsAccountId === A.neverEvaluated);
    expect(String(never?.Description)).toContain('NO_RESULT');
    const hostile = findings.find((finding) => finding.AwsAccountId === A.hostile);
    expect(hostile?.Description).toBe(HOSTILE_ANNOTATION);
    expect(result.stderr).toContain('note: Security Hub accepts');
  });

  it('gives rows without a result OCSF status Unknown with the reason', async () => {
    const events = ocsfOf(await cli(...reportArgs, '--output', 'ocsf'));

    expectValidOcsf(events);
    const statuses = events.map((event) => (event.compliance as Json).status_code);
    expect(statuses).toEqual(
      expect.arrayContaining(['COMPLIANT', 'NON_COMPLIANT', 'EXCLUDED', 'NO_RESULT']),
    );
    for (const event of events) {
      const compliance = event.compliance as {
        status_id: number;
        status_code: string;
        status_details: string[];
      };
      if (
        ['EXCLUDED', 'NO_RESULT', 'INSUFFICIENT_DATA', 'ERROR'].includes(compliance.status_code)
      ) {
        expect(compliance.status_id).toBe(0);
        expect(compliance.status_details[0]).toMatch(/^No current result for this account/);
      }
    }
  });
});
