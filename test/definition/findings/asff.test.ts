import { describe, expect, it } from 'vitest';
import {
  AsffLimits,
  asffFindingId,
  buildAsffFinding,
  defaultProductArn,
  FINDING_TYPE,
} from '../../../definition/findings/index.js';
import {
  allSubjects,
  compliant,
  listedKey,
  nonCompliant,
  notApplicable,
  withoutResult,
} from './subjects.js';

describe('buildAsffFinding', () => {
  it('imports to the account’s own default product, in its Region and partition', () => {
    const finding = buildAsffFinding(listedKey);
    expect(finding.ProductArn).toBe(
      'arn:aws-us-gov:securityhub:us-gov-west-1:111111111111:product/111111111111/default',
    );
    expect(finding.AwsAccountId).toBe('111111111111');
    expect(finding.Region).toBe('us-gov-west-1');
    expect(finding.Resources).toEqual([
      {
        Type: 'AwsAccount',
        Id: 'AWS::::Account:111111111111',
        Partition: 'aws-us-gov',
        Region: 'us-gov-west-1',
      },
    ]);
  });

  it('keeps one id per account, Region and rule whatever the result, so each evaluation updates it', () => {
    const later = { ...compliant, observedAt: '2026-12-07T10:00:00.000Z' };
    expect(buildAsffFinding(later).Id).toBe(buildAsffFinding(nonCompliant).Id);
    expect(buildAsffFinding(notApplicable).Id).not.toBe(buildAsffFinding(compliant).Id);
    expect(buildAsffFinding({ ...compliant, region: 'us-east-1' }).Id).not.toBe(
      buildAsffFinding(compliant).Id,
    );
    expect(asffFindingId(compliant)).toBe(
      'root-access-key-rule/root-access-key-rule/eu-west-1/111111111111',
    );
  });

  it('fails a non-compliant account at CRITICAL, set by the provider, with the annotation as description', () => {
    const finding = buildAsffFinding(nonCompliant);
    expect(finding.Compliance.Status).toBe('FAILED');
    expect(finding.FindingProviderFields.Severity.Label).toBe('CRITICAL');
    expect(finding.Severity.Label).toBe('CRITICAL');
    expect(finding.FindingProviderFields.Types).toEqual([FINDING_TYPE]);
    expect(FINDING_TYPE).toBe(
      'Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark',
    );
    expect(finding.Description).toBe(nonCompliant.annotation);
    expect(finding.GeneratorId).toBe('root-access-key-rule');
  });

  it('passes a compliant account at INFORMATIONAL and marks NOT_APPLICABLE as NOT_AVAILABLE', () => {
    expect(buildAsffFinding(compliant).Compliance.Status).toBe('PASSED');
    expect(buildAsffFinding(compliant).FindingProviderFields.Severity.Label).toBe('INFORMATIONAL');
    expect(buildAsffFinding(notApplicable).Compliance.Status).toBe('NOT_AVAILABLE');
    expect(buildAsffFinding(notApplicable).Description).toBe(notApplicable.annotation);
  });

  it.each(withoutResult)('makes a $result row a NOT_AVAILABLE finding that says why', (subject) => {
    const finding = buildAsffFinding(subject);
    expect(finding.Compliance.Status).toBe('NOT_AVAILABLE');
    expect(finding.FindingProviderFields.Severity.Label).toBe('INFORMATIONAL');
    expect(finding.Description).toContain(subject.result);
    expect(finding.Description).toContain(subject.reason);
    expect(finding.ProductFields['RootAccessKeyRule/Reason']).toBe(subject.reason);
  });

  it('names every CIS version of the recommendation and IAM.4 in the related requirements', () => {
    expect(buildAsffFinding(compliant).Compliance.RelatedRequirements).toEqual([
      'CIS AWS Foundations Benchmark v1.2.0/1.12',
      'CIS AWS Foundations Benchmark v1.3.0/1.4',
      'CIS AWS Foundations Benchmark v1.4.0/1.4',
      'CIS AWS Foundations Benchmark v1.5.0/1.4',
      'CIS AWS Foundations Benchmark v2.0.0/1.4',
      'CIS AWS Foundations Benchmark v3.0.0/1.4',
      'CIS AWS Foundations Benchmark v4.0.1/1.4',
      'CIS AWS Foundations Benchmark v5.0.0/1.3',
      'CIS AWS Foundations Benchmark v7.0.0/2.4',
      'AWS Foundational Security Best Practices v1.0.0/IAM.4',
    ]);
    expect(buildAsffFinding(compliant).ProductFields['RootAccessKeyRule/SecurityControlId']).toBe(
      'IAM.4',
    );
  });

  it('puts each key’s id or slot, state, last use and rotation in ProductFields', () => {
    expect(buildAsffFinding(nonCompliant).ProductFields).toMatchObject({
      'RootAccessKeyRule/Result': 'NON_COMPLIANT',
      'RootAccessKeyRule/AccessKeysPresent': '2',
      'RootAccessKeyRule/KeySource': 'credential-report',
      'RootAccessKeyRule/Key1/Id': 'slot 1',
      'RootAccessKeyRule/Key1/State': 'Active',
      'RootAccessKeyRule/Key1/LastUsed': '2026-11-20',
      'RootAccessKeyRule/Key1/LastUsedService': 's3',
      'RootAccessKeyRule/Key1/LastUsedRegion': 'us-east-1',
      'RootAccessKeyRule/Key1/LastRotated': '2019-03-02',
      'RootAccessKeyRule/Key2/Id': 'slot 2',
      'RootAccessKeyRule/Key2/State': 'Inactive',
      'RootAccessKeyRule/Key2/LastUsed': 'never',
      'RootAccessKeyRule/OrganizationId': 'o-a1b2c3d4e5',
    });
    expect(buildAsffFinding(listedKey).ProductFields['RootAccessKeyRule/Key1/Id']).toBe(
      'AKIAIOSFODNN7EXAMPLE',
    );
  });

  it('keeps every value within ASFF’s limits, however long the text it is given', () => {
    const long = 'x'.repeat(5000);
    const finding = buildAsffFinding({
      ...compliant,
      result: 'ERROR',
      reason: long,
      organizationalUnit: long,
      accountName: long,
    });
    expect(finding.AwsAccountName?.length).toBe(AsffLimits.accountName);
    expect(finding.Description.length).toBeLessThanOrEqual(AsffLimits.description);
    for (const [key, value] of Object.entries(finding.ProductFields)) {
      expect(key.length).toBeLessThanOrEqual(AsffLimits.productFieldKey);
      expect(value.length).toBeLessThanOrEqual(AsffLimits.productFieldValue);
    }
    expect(finding.Remediation.Recommendation.Text.length).toBeLessThanOrEqual(
      AsffLimits.recommendationText,
    );
  });

  it('points the remediation at the remediate command and its guide, and sets no Workflow', () => {
    for (const subject of allSubjects) {
      const finding = buildAsffFinding(subject);
      expect(finding.Remediation.Recommendation.Text).toContain('root-access-key-rule remediate');
      expect(finding.Remediation.Recommendation.Url).toMatch(/docs\/remediation\.md$/);
      expect(finding).not.toHaveProperty('Workflow');
      expect(finding).not.toHaveProperty('Note');
    }
  });

  it('builds the default product ARN of any partition', () => {
    expect(defaultProductArn('aws-cn', 'cn-north-1', '123456789012')).toBe(
      'arn:aws-cn:securityhub:cn-north-1:123456789012:product/123456789012/default',
    );
  });
});
