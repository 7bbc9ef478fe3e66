import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AwsEndpoint, startAwsEndpoint, withEnv } from '../../../tools/aws-endpoint/index.js';
import { EVIDENCE_ACCOUNTS as A, evidenceWorld, PACK_RULE } from '../../support/evidence-world.js';
import { type CliRun, run } from '../capture-io.js';

/**
 * `report` as an auditor's reviewer would try it, over HTTP: results too old
 * to be evidence, results from rules that are not the deployed one, and two
 * rules claiming to be it. None of them may count as COMPLIANT.
 */
let endpoint: AwsEndpoint;
let hourly: AwsEndpoint;

beforeAll(async () => {
  endpoint = await startAwsEndpoint({ world: evidenceWorld() });
  hourly = await startAwsEndpoint({
    world: evidenceWorld([
      {
        name: PACK_RULE,
        maximumExecutionFrequency: 'One_Hour',
        createdBy: 'config-conforms.amazonaws.com',
      },
    ]),
  });
});
afterAll(async () => {
  await endpoint.close();
  await hourly.close();
});
beforeEach(() => {
  endpoint.reset();
  hourly.reset();
});

function report(on: AwsEndpoint, ...argv: string[]): Promise<CliRun> {
  return withEnv(on.env('eu-west-1'), () => run(['report', '--aggregator', 'org', ...argv]));
}

type Row = Record<string, unknown>;

function byAccount(result: CliRun): Map<string, Row[]> {
  const rows = JSON.parse(result.stdout) as Row[];
  const map = new Map<string, Row[]>();
  for (const row of rows)
    map.set(String(row.accountId), [...(map.get(String(row.accountId)) ?? []), row]);
  return map;
}

/** The one row of an account that is not IGNORED. */
function counted(rows: Map<string, Row[]>, accountId: string): Row | undefined {
  const left = (rows.get(accountId) ?? []).filter((row) => row.compliance !== 'IGNORED');
  expect(left).toHaveLength(1);
  return left[0];
}

describe('report: only current results count', () => {
  it('marks a result older than the default 48h STALE, with its recorded time and age, and exits 2', async () => {
    const result = await report(endpoint, '--output', 'json');
    const rows = byAccount(result);

    expect(result.code).toBe(2);
    expect(counted(rows, A.management)?.compliance).toBe('COMPLIANT');
    expect(counted(rows, A.recent)?.compliance).toBe('COMPLIANT');
    expect(counted(rows, A.dayOld)).toMatchObject({
      compliance: 'STALE',
      recordedCompliance: 'COMPLIANT',
      resultRecordedTime: '2026-11-26T11:00:00.000Z',
      resultAgeHours: 49,
    });
    expect(counted(rows, A.frozen)).toMatchObject({
      compliance: 'STALE',
      recordedCompliance: 'COMPLIANT',
      resultRecordedTime: '2025-01-15T10:00:00.000Z',
    });
    expect(String(counted(rows, A.frozen)?.error)).toMatch(
      /^COMPLIANT result recorded 2025-01-15T10:00:00Z, 682d 2h old, past the maximum age of 48h \(the default, as the rule's period is unknown: no rule of that name in the caller's account and Region\); Config keeps the last result/,
    );
  });

  it('moves the line with --max-result-age', async () => {
    const shorter = byAccount(
      await report(endpoint, '--output', 'json', '--max-result-age', '36h'),
    );
    expect(counted(shorter, A.recent)?.compliance).toBe('STALE');
    expect(String(counted(shorter, A.recent)?.error)).toContain(
      'past the maximum age of 36h (--max-result-age)',
    );

    const longer = byAccount(await report(endpoint, '--output', 'json', '--max-result-age', '3d'));
    expect(counted(longer, A.dayOld)?.compliance).toBe('COMPLIANT');
    expect(counted(longer, A.frozen)?.compliance).toBe('STALE');
  });

  it('refuses a maximum age that is not a duration', async () => {
    const result = await report(endpoint, '--max-result-age', '2 days');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "option '--max-result-age <duration>' argument '2 days' is invalid",
    );
  });

  it("takes twice the deployed rule's period when the caller's account holds the pack's rule", async () => {
    const result = await report(hourly, '--output', 'table');

    expect(result.stdout).toContain(
      `Maximum result age: 2h (twice the One_Hour period of rule ${PACK_RULE} in the caller's account); older results are STALE; judged at 2026-11-28T12:00:00Z by AWS's clock (the Date header of Config's answers)`,
    );
    // Six hours old is past two periods of one hour.
    expect(result.stdout).toMatch(new RegExp(`^${A.management}\\s.*\\sSTALE\\s`, 'm'));
    expect(result.code).toBe(2);
  });

  it('shows STALE in the table, CSV and HTML page, never as COMPLIANT in a summary', async () => {
    const table = await report(endpoint, '--output', 'table');
    expect(table.stdout).toMatch(new RegExp(`^${A.frozen}\\s.*\\sSTALE\\s`, 'm'));
    expect(table.stdout).toContain(
      "7 accounts: 2 COMPLIANT, 0 NON_COMPLIANT, 2 STALE, 1 CONFLICT, 2 NO_RESULT, 0 ERROR; 3 results IGNORED (not the deployed rule's)",
    );

    const csv = parse((await report(endpoint, '--output', 'csv')).stdout, {
      columns: true,
    }) as Row[];
    expect(csv.find((row) => row.accountId === A.frozen)).toMatchObject({
      compliance: 'STALE',
      recordedCompliance: 'COMPLIANT',
    });

    const html = (await report(endpoint, '--output', 'html')).stdout;
    expect(html).toContain(
      '<li class="cat-stale" data-card="stale"><span class="count">2</span>Stale</li>',
    );
    expect(html).toContain('<option value="stale">Stale</option>');
    expect(html).toContain('<span class="badge cat-stale">STALE</span>');
  });
});

describe('report: only the deployed rule counts', () => {
  it("never counts a member's own rule in another Region or where the pack failed, and says why", async () => {
    const result = await report(endpoint, '--output', 'json');
    const rows = byAccount(result);
    const failed = rows.get(A.packFailed) ?? [];

    expect(result.code).toBe(2);
    expect(failed.filter((row) => row.compliance === 'IGNORED')).toEqual([
      expect.objectContaining({
        region: 'ap-south-2',
        recordedCompliance: 'COMPLIANT',
        note: "ignored, never counted: result in ap-south-2, not in the organization conformance pack root-access-key-rule's Region eu-west-1",
      }),
      expect.objectContaining({
        ruleName: 'root-access-key-rule',
        note: "ignored, never counted: rule root-access-key-rule is not the organization conformance pack root-access-key-rule's rule (root-access-key-rule-conformance-pack-<suffix>)",
      }),
    ]);
    expect(counted(rows, A.packFailed)).toMatchObject({
      compliance: 'NO_RESULT',
      packStatus: 'CREATE_FAILED',
    });
    expect(String(counted(rows, A.packFailed)?.error)).toContain(
      '2 results of another rule, Region or pack ignored',
    );
    expect(counted(rows, A.otherRegion)?.compliance).toBe('NO_RESULT');
    expect(rows.get(A.otherRegion)?.find((row) => row.compliance === 'IGNORED')).toMatchObject({
      region: 'us-east-1',
    });
  });

  it("marks an account where two rules claim to be the pack's rule CONFLICT, never COMPLIANT", async () => {
    const result = await report(endpoint, '--output', 'json', '--max-result-age', '3d');
    const rows = (byAccount(result).get(A.twoClaimants) ?? []).map((row) => [
      row.ruleName,
      row.compliance,
    ]);

    expect(rows).toEqual([
      [PACK_RULE, 'CONFLICT'],
      ['root-access-key-rule-conformance-pack-zz999999', 'CONFLICT'],
    ]);
    expect(result.code).toBe(2);
  });

  it('makes no finding of an IGNORED result, and STALE and CONFLICT findings of unknown status', async () => {
    const result = await report(endpoint, '--output', 'asff');
    const findings = JSON.parse(result.stdout) as Array<{
      AwsAccountId: string;
      Compliance: { Status: string };
    }>;
    const rows = byAccount(await report(endpoint, '--output', 'json'));
    const counted = [...rows.values()].flat().filter((row) => row.compliance !== 'IGNORED');

    expect(findings).toHaveLength(counted.length);
    const statusOf = (accountId: string) =>
      findings
        .filter((finding) => finding.AwsAccountId === accountId)
        .map((f) => f.Compliance.Status);
    expect(statusOf(A.frozen)).toEqual(['NOT_AVAILABLE']);
    expect(statusOf(A.twoClaimants)).toEqual(['NOT_AVAILABLE', 'NOT_AVAILABLE']);
    expect(statusOf(A.packFailed)).toEqual(['NOT_AVAILABLE']);
    expect(statusOf(A.management)).toEqual(['PASSED']);
  });

  it('says in the evidence header which results were counted', async () => {
    const result = await report(endpoint, '--output', 'table');

    expect(result.stdout).toContain(
      "Results counted: only the organization conformance pack root-access-key-rule's rule (root-access-key-rule-conformance-pack-<suffix>) in eu-west-1, in accounts where the pack is not FAILED; other results are IGNORED",
    );
  });

  it('keeps matching every name in every Region without an organization conformance pack', async () => {
    const result = await report(endpoint, '--output', 'json', '--pack-name', 'not-deployed');
    const rows = byAccount(result);

    expect(
      (rows.get(A.packFailed) ?? []).map((row) => [row.region, row.ruleName, row.compliance]),
    ).toEqual([
      ['ap-south-2', PACK_RULE, 'COMPLIANT'],
      ['eu-west-1', 'root-access-key-rule', 'COMPLIANT'],
    ]);
  });
});
