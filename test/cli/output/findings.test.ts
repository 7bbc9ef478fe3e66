import { describe, expect, it } from 'vitest';
import { ASFF_IMPORT_NOTE, renderAsff } from '../../../cli/src/output/asff.js';
import type { FindingContext, FindingRow } from '../../../cli/src/output/finding-rows.js';
import { renderOcsf } from '../../../cli/src/output/ocsf.js';
import { validateAsff } from '../../support/findings-validators/asff.js';
import { validateOcsf } from '../../support/findings-validators/ocsf.js';

const context: FindingContext = {
  callerArn: 'arn:aws-us-gov:iam::111111111111:user/auditor',
  organizationId: 'o-a1b2c3d4e5',
  region: 'us-gov-west-1',
  ruleName: 'root-access-key-rule',
  generatedAt: '2026-12-06T10:00:00.000Z',
  toolVersion: '0.1.0',
};

const evaluationRow: FindingRow = {
  accountId: '222222222222',
  accountName: 'payments',
  organizationalUnit: 'Root/Workloads',
  compliance: 'NON_COMPLIANT',
  annotation: 'Root user has 1 access key: key AKIAIOSFODNN7EXAMPLE active, never used. Delete it.',
  accessKeysPresent: 1,
  keys: [{ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', status: 'Active', created: '2026-01-05' }],
  keySource: 'access-key-list',
};

const reportRow: FindingRow = {
  accountId: '333333333333',
  region: 'us-gov-east-1',
  ruleName: 'OrgConfigRule-root-access-key-rule-xyz789gh',
  compliance: 'COMPLIANT',
  annotation: 'No root access key exists.',
  resultRecordedTime: '2026-11-28T06:00:00.000Z',
};

const errorRow: FindingRow = {
  accountId: '444444444444',
  compliance: 'ERROR',
  error: 'sts:AssumeRole was denied',
};

type Json = Record<string, unknown>;

describe('renderAsff', () => {
  const findings = JSON.parse(renderAsff([evaluationRow, reportRow, errorRow], context)) as Json[];

  it('is one JSON array of valid findings, one per row, in the caller’s partition', () => {
    expect(findings).toHaveLength(3);
    for (const finding of findings) expect(validateAsff(finding)).toEqual([]);
    expect(findings[0]).toMatchObject({
      ProductArn:
        'arn:aws-us-gov:securityhub:us-gov-west-1:222222222222:product/222222222222/default',
      AwsAccountName: 'payments',
      CreatedAt: context.generatedAt,
    });
    expect((findings[0]?.ProductFields as Json | undefined)?.['RootAccessKeyRule/Key1/Id']).toBe(
      'AKIAIOSFODNN7EXAMPLE',
    );
  });

  it('keeps a report row’s Region, deployed rule name and recording time', () => {
    expect(findings[1]).toMatchObject({
      Region: 'us-gov-east-1',
      GeneratorId: 'OrgConfigRule-root-access-key-rule-xyz789gh',
      UpdatedAt: '2026-11-28T06:00:00.000Z',
      Compliance: { Status: 'PASSED' },
    });
  });

  it('makes an error row a NOT_AVAILABLE finding that says why', () => {
    expect(findings[2]).toMatchObject({ Compliance: { Status: 'NOT_AVAILABLE' } });
    expect(String(findings[2]?.Description)).toContain('sts:AssumeRole was denied');
  });

  it('says where Security Hub accepts the findings', () => {
    expect(ASFF_IMPORT_NOTE).toContain("only from that account's own credentials");
    expect(ASFF_IMPORT_NOTE).toContain('at most 100 findings per BatchImportFindings call');
  });
});

describe('renderOcsf', () => {
  const text = renderOcsf([evaluationRow, reportRow, errorRow], context);
  const events = text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Json);

  it('is JSON Lines: one valid event per line, ending in a newline', () => {
    expect(text.endsWith('\n')).toBe(true);
    expect(events).toHaveLength(3);
    for (const event of events) expect(validateOcsf(event, '1.6.0').errors).toEqual([]);
  });

  it('places each event in the organization and its OU', () => {
    expect(events[0]?.cloud).toMatchObject({
      cloud_partition: 'aws-us-gov',
      org: { uid: 'o-a1b2c3d4e5', ou_name: 'Root/Workloads' },
    });
    expect(events[1]?.time).toBe(Date.parse('2026-11-28T06:00:00.000Z'));
  });

  it('renders nothing for no rows', () => {
    expect(renderOcsf([], context)).toBe('');
    expect(renderAsff([], context)).toBe('[]\n');
  });
});
