import { describe, expect, it } from 'vitest';
import { buildOcsfFinding, OCSF_VERSION } from '../../../definition/findings/index.js';
import { compliant, listedKey, nonCompliant, notApplicable, withoutResult } from './subjects.js';

// biome-ignore lint/suspicious/noExplicitAny: assertions walk the event's JSON
type Json = Record<string, any>;

describe('buildOcsfFinding', () => {
  it('is a Compliance Finding (class 2003) of OCSF 1.6.0 with the cloud profile', () => {
    const event = buildOcsfFinding(nonCompliant) as Json;
    expect(event).toMatchObject({
      class_uid: 2003,
      category_uid: 2,
      activity_id: 1,
      type_uid: 200301,
      metadata: {
        version: '1.6.0',
        profiles: ['cloud'],
        product: { name: 'root-access-key-rule' },
      },
    });
    expect(OCSF_VERSION).toBe('1.6.0');
    expect(event.metadata.product.version).toBe('0.1.0');
  });

  it('gives the time in epoch milliseconds', () => {
    const event = buildOcsfFinding(nonCompliant) as Json;
    expect(event.time).toBe(Date.UTC(2026, 11, 6, 10));
    expect(event.finding_info.last_seen_time).toBe(event.time);
  });

  it('fails a non-compliant account at Critical with IAM.4, the CIS standards and requirements', () => {
    const event = buildOcsfFinding(nonCompliant) as Json;
    expect(event.severity_id).toBe(5);
    expect(event.compliance).toMatchObject({
      control: 'IAM.4',
      status_id: 3,
      status: 'Fail',
      status_code: 'NON_COMPLIANT',
      status_details: [nonCompliant.annotation],
    });
    expect(event.compliance.standards).toContain('CIS AWS Foundations Benchmark v7.0.0');
    expect(event.compliance.requirements).toContain('CIS AWS Foundations Benchmark v5.0.0/1.3');
    expect(event.compliance.requirements).toContain('CIS AWS Foundations Benchmark v1.2.0/1.12');
  });

  it('passes a compliant account at Informational and marks NOT_APPLICABLE as Other', () => {
    const passed = buildOcsfFinding(compliant) as Json;
    expect([passed.compliance.status_id, passed.severity_id]).toEqual([1, 1]);
    const other = buildOcsfFinding(notApplicable) as Json;
    expect([other.compliance.status_id, other.compliance.status]).toEqual([99, 'Not Applicable']);
  });

  it.each(withoutResult)(
    'makes a $result row a finding of status Unknown with the reason',
    (subject) => {
      const event = buildOcsfFinding(subject) as Json;
      expect(event.compliance.status_id).toBe(0);
      expect(event.compliance.status_code).toBe(subject.result);
      expect(event.compliance.status_details[0]).toContain(subject.reason);
      expect(event).not.toHaveProperty('evidences');
    },
  );

  it('places the account in its organization, OU and Region', () => {
    const event = buildOcsfFinding(nonCompliant) as Json;
    expect(event.cloud).toEqual({
      provider: 'AWS',
      region: 'eu-west-1',
      cloud_partition: 'aws',
      account: { uid: '111111111111', name: 'Payments', type_id: 10, type: 'AWS Account' },
      org: { uid: 'o-a1b2c3d4e5', ou_name: 'Root/Workloads/Prod' },
    });
    expect(event.resources).toEqual([
      {
        uid: 'AWS::::Account:111111111111',
        type: 'AWS::::Account',
        role_id: 1,
        role: 'Target',
        name: 'Payments',
        region: 'eu-west-1',
        cloud_partition: 'aws',
      },
    ]);
    expect((buildOcsfFinding(compliant) as Json).cloud).not.toHaveProperty('org');
  });

  it('carries the account summary and each key as evidence', () => {
    const event = buildOcsfFinding(nonCompliant) as Json;
    expect(event.evidences).toHaveLength(3);
    expect(event.evidences[0]).toMatchObject({
      api: { operation: 'GetAccountSummary' },
      data: { AccountAccessKeysPresent: 2 },
    });
    expect(event.evidences[1]).toMatchObject({
      uid: 'slot 1',
      data: {
        state: 'Active',
        last_used_date: '2026-11-20',
        last_used_service: 's3',
        last_used_region: 'us-east-1',
        last_rotated: '2019-03-02',
        source: 'credential-report',
      },
    });
    expect(event.evidences[1].resources[0].created_time).toBe(Date.UTC(2019, 2, 2));
    expect(event.evidences[2].data).toMatchObject({ state: 'Inactive', last_used_date: 'never' });
    expect((buildOcsfFinding(listedKey) as Json).evidences[1].uid).toBe('AKIAIOSFODNN7EXAMPLE');
  });

  it('shares the finding’s uid with the ASFF finding of the same account and rule', () => {
    const event = buildOcsfFinding(nonCompliant) as Json;
    expect(event.finding_info.uid).toBe(
      'root-access-key-rule/root-access-key-rule/eu-west-1/111111111111',
    );
    expect(event.remediation.references[0]).toMatch(/remediation\.md$/);
  });
});
