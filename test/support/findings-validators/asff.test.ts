import { describe, expect, it } from 'vitest';
import { fixtureText } from '../fixtures.js';
import { isTimestamp, validateAsff, validateBatchImport } from './asff.js';
import { loadAsffModel } from './asff-model.js';

// biome-ignore lint/suspicious/noExplicitAny: test findings are edited freely, as JSON
type Finding = Record<string, any>;

const ACCOUNT = '111122223333';

function validFinding(): Finding {
  return JSON.parse(fixtureText('findings/asff-finding.json')) as Finding;
}

function errorsAfter(edit: (f: Finding) => void): string[] {
  const finding = validFinding();
  edit(finding);
  return validateAsff(finding);
}

describe('the Security Hub model kept as a fixture', () => {
  it('is the AwsSecurityFinding of botocore at the commit the README records', () => {
    const model = loadAsffModel();
    expect(model.source).toMatchObject({
      repo: 'github.com/boto/botocore',
      path: 'botocore/data/securityhub/2018-10-26/service-2.json',
    });
    expect(fixtureText('asff/README.md')).toContain(`\`${model.source.commit}\``);
    expect(model.apiVersion).toBe('2018-10-26');
    expect(model.shapes.AwsSecurityFinding?.required).toEqual([
      'SchemaVersion',
      'Id',
      'ProductArn',
      'GeneratorId',
      'AwsAccountId',
      'CreatedAt',
      'UpdatedAt',
      'Title',
      'Description',
      'Resources',
    ]);
  });
});

describe('validateAsff accepts', () => {
  it('the hand-written finding', () => {
    expect(validateAsff(validFinding())).toEqual([]);
  });

  it('values at their documented limits', () => {
    const errors = errorsAfter((f) => {
      f.Id = 'i'.repeat(512);
      f.Title = 't'.repeat(256);
      f.Description = 'd'.repeat(1024);
      f.ProductFields = Object.fromEntries(
        Array.from({ length: 50 }, (_, i) => [`${i}`.padStart(128, 'k'), 'v'.repeat(2048)]),
      );
      f.FindingProviderFields.Types = Array.from({ length: 50 }, () => 'TTPs');
      f.Resources = Array.from({ length: 32 }, () => ({ Type: 'Other', Id: 'x' }));
      f.FindingProviderFields.Criticality = 100;
      f.Confidence = 0;
    });
    expect(errors).toEqual([]);
  });

  it('severity and types given top-level instead of under FindingProviderFields', () => {
    const errors = errorsAfter((f) => {
      delete f.FindingProviderFields;
      f.Severity = { Label: 'CRITICAL' };
      f.Types = ['Software and Configuration Checks'];
    });
    expect(errors).toEqual([]);
  });
});

describe('validateAsff reports', () => {
  it('a finding that is not an object', () => {
    expect(validateAsff('finding')).toEqual([
      '(finding): expected a AwsSecurityFinding object, got string "finding".',
    ]);
  });

  it.each([
    'SchemaVersion',
    'Id',
    'ProductArn',
    'GeneratorId',
    'AwsAccountId',
    'CreatedAt',
    'UpdatedAt',
    'Title',
    'Description',
    'Resources',
  ])('the required member %s missing', (member) => {
    expect(errorsAfter((f) => delete f[member])).toEqual([
      `${member}: required member is missing.`,
    ]);
  });

  it.each([
    ['Resources[0].Type', (f: Finding) => delete f.Resources[0].Type],
    [
      'Compliance.StatusReasons[0].ReasonCode',
      (f: Finding) => delete f.Compliance.StatusReasons[0].ReasonCode,
    ],
  ])('a required member of a nested structure missing: %s', (path, edit) => {
    expect(errorsAfter(edit)).toEqual([`${path}: required member is missing.`]);
  });

  it('no severity given anywhere', () => {
    expect(errorsAfter((f) => delete f.FindingProviderFields.Severity)).toEqual([
      'Severity: required; give FindingProviderFields.Severity.Label (or Severity.Label / Severity.Normalized).',
    ]);
  });

  it('no type given anywhere', () => {
    expect(
      errorsAfter((f) => {
        f.FindingProviderFields.Types = [];
      }),
    ).toEqual([
      'Types: required; give at least one type in FindingProviderFields.Types (or Types).',
    ]);
  });

  it.each([
    [
      'Title',
      (f: Finding) => {
        f.Title = 42;
      },
      'Title: expected a string (NonEmptyString), got number 42.',
    ],
    [
      'Resources',
      (f: Finding) => {
        f.Resources = f.Resources[0];
      },
      'Resources: expected an array, got an object.',
    ],
    [
      'RelatedRequirements',
      (f: Finding) => {
        f.Compliance.RelatedRequirements = '1.4';
      },
      'Compliance.RelatedRequirements: expected an array, got string "1.4".',
    ],
    [
      'Compliance',
      (f: Finding) => {
        f.Compliance = 'FAILED';
      },
      'Compliance: expected a Compliance object, got string "FAILED".',
    ],
    [
      'Confidence',
      (f: Finding) => {
        f.FindingProviderFields.Confidence = 99.5;
      },
      'FindingProviderFields.Confidence: expected integer (RatioScale), got number 99.5.',
    ],
    [
      'Sample',
      (f: Finding) => {
        f.Sample = 'true';
      },
      'Sample: expected boolean (Boolean), got string "true".',
    ],
    [
      'ProductFields',
      (f: Finding) => {
        f.ProductFields = [['a', 'b']];
      },
      'ProductFields: expected an object of string pairs, got an array.',
    ],
    [
      'a ProductFields value',
      (f: Finding) => {
        f.ProductFields.Count = 1;
      },
      'ProductFields["Count"]: expected a string (NonEmptyString), got number 1.',
    ],
    [
      'null',
      (f: Finding) => {
        f.SourceUrl = null;
      },
      'SourceUrl: expected NonEmptyString, got null (an absent member is left out).',
    ],
  ])('a value of the wrong type: %s', (_, edit, message) => {
    expect(errorsAfter(edit)).toEqual([message]);
  });

  it.each([
    [
      'FindingProviderFields.Severity.Label',
      (f: Finding) => {
        f.FindingProviderFields.Severity.Label = 'Critical';
      },
      'INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL',
    ],
    [
      'Compliance.Status',
      (f: Finding) => {
        f.Compliance.Status = 'NON_COMPLIANT';
      },
      'PASSED, WARNING, FAILED, NOT_AVAILABLE',
    ],
    [
      'RecordState',
      (f: Finding) => {
        f.RecordState = 'RESOLVED';
      },
      'ACTIVE, ARCHIVED',
    ],
    [
      'Workflow.Status',
      (f: Finding) => {
        f.Workflow = { Status: 'OPEN' };
      },
      'NEW, NOTIFIED, RESOLVED, SUPPRESSED',
    ],
    [
      'Resources[0].Partition',
      (f: Finding) => {
        f.Resources[0].Partition = 'aws-eu';
      },
      'aws, aws-cn, aws-us-gov',
    ],
  ])('a value outside the enum of %s', (path, edit, values) => {
    const errors = errorsAfter(edit);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(`^${path.replace(/[.[\]]/g, '\\$&')}: ".+" is not one of ${values}`),
    );
  });

  it.each([
    ['Id', 513, 'Id: 513 characters exceed the maximum of 512.'],
    ['Title', 257, 'Title: 257 characters exceed the maximum of 256.'],
    ['Description', 1025, 'Description: 1025 characters exceed the maximum of 1024.'],
    ['GeneratorId', 513, 'GeneratorId: 513 characters exceed the maximum of 512.'],
  ])('%s longer than documented', (member, length, message) => {
    expect(
      errorsAfter((f) => {
        f[member] = 'x'.repeat(length);
      }),
    ).toEqual([message]);
  });

  it('lengths counted in characters, not UTF-16 units', () => {
    expect(
      errorsAfter((f) => {
        f.Title = '🔑'.repeat(256);
      }),
    ).toEqual([]);
  });

  it.each([
    [
      'Remediation text',
      (f: Finding) => {
        f.Remediation.Recommendation.Text = 'x'.repeat(513);
      },
      'Remediation.Recommendation.Text: 513 characters exceed the maximum of 512.',
    ],
    [
      'RelatedRequirements',
      (f: Finding) => {
        f.Compliance.RelatedRequirements = Array.from({ length: 33 }, () => 'r');
      },
      'Compliance.RelatedRequirements: 33 items exceed the maximum of 32.',
    ],
    [
      'Types',
      (f: Finding) => {
        f.Types = Array.from({ length: 51 }, () => 'TTPs');
      },
      'Types: 51 items exceed the maximum of 50.',
    ],
    [
      'too many Resources',
      (f: Finding) => {
        f.Resources = Array.from({ length: 33 }, () => f.Resources[0]);
      },
      'Resources: 33 items exceed the maximum of 32.',
    ],
    [
      'no Resources',
      (f: Finding) => {
        f.Resources = [];
      },
      'Resources: 0 items; at least 1 expected.',
    ],
    [
      'ProductFields pairs',
      (f: Finding) => {
        f.ProductFields = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
      },
      'ProductFields: 51 pairs exceed the maximum of 50.',
    ],
    [
      'a ProductFields key',
      (f: Finding) => {
        f.ProductFields = { ['k'.repeat(129)]: 'v' };
      },
      `ProductFields["${'k'.repeat(129)}"] (key): 129 characters exceed the maximum of 128.`,
    ],
    [
      'a ProductFields value',
      (f: Finding) => {
        f.ProductFields = { k: 'v'.repeat(2049) };
      },
      'ProductFields["k"]: 2049 characters exceed the maximum of 2048.',
    ],
    [
      'a UserDefinedFields value',
      (f: Finding) => {
        f.UserDefinedFields = { k: 'v'.repeat(1025) };
      },
      'UserDefinedFields["k"]: 1025 characters exceed the maximum of 1024.',
    ],
  ])('a documented limit exceeded: %s', (_, edit, message) => {
    expect(errorsAfter(edit)).toEqual([message]);
  });

  it.each([
    [
      'Title',
      (f: Finding) => {
        f.Title = '   ';
      },
      `Title: "   " does not match NonEmptyString's pattern .*\\S.*.`,
    ],
    [
      'a ProductFields value',
      (f: Finding) => {
        f.ProductFields.Empty = '';
      },
      `ProductFields["Empty"]: "" does not match NonEmptyString's pattern .*\\S.*.`,
    ],
  ])('an empty or blank string: %s', (_, edit, message) => {
    expect(errorsAfter(edit)).toEqual([message]);
  });

  it('an empty string, below the documented minimum length too', () => {
    const errors = errorsAfter((f) => {
      f.Title = '';
    });
    expect(errors).toEqual([
      `Title: "" does not match NonEmptyString's pattern .*\\S.*.`,
      'Title: 0 characters; at least 1 expected.',
    ]);
  });

  it.each([
    [
      'top-level',
      (f: Finding) => {
        f.Status = 'FAILED';
      },
      'Status: AwsSecurityFinding has no member "Status".',
    ],
    [
      'in Compliance',
      (f: Finding) => {
        f.Compliance.ControlId = 'IAM.4';
      },
      'Compliance.ControlId: Compliance has no member "ControlId".',
    ],
    [
      'in a resource',
      (f: Finding) => {
        f.Resources[0].Arn = 'arn';
      },
      'Resources[0].Arn: Resource has no member "Arn".',
    ],
    [
      'in Resources[0].Details',
      (f: Finding) => {
        f.Resources[0].Details.AwsAccount = {};
      },
      'Resources[0].Details.AwsAccount: ResourceDetails has no member "AwsAccount".',
    ],
    [
      'deep',
      (f: Finding) => {
        f.Remediation.Recommendation.Link = 'x';
      },
      'Remediation.Recommendation.Link: Recommendation has no member "Link".',
    ],
    [
      'with the wrong case',
      (f: Finding) => {
        f.title = f.Title;
      },
      'title: AwsSecurityFinding has no member "title".',
    ],
  ])('an unknown member %s', (_, edit, message) => {
    expect(errorsAfter(edit)).toEqual([message]);
  });

  it.each([
    [
      (f: Finding) => {
        f.SchemaVersion = '2018-10-09';
      },
      'SchemaVersion: expected "2018-10-08", got "2018-10-09".',
    ],
    [
      (f: Finding) => {
        f.AwsAccountId = '11112222333';
      },
      'AwsAccountId: expected 12 digits, got "11112222333".',
    ],
    [
      (f: Finding) => {
        f.ProductArn = 'arn:aws:securityhub:eu-west-1:111122223333:product/default';
      },
      /^ProductArn: expected arn:<partition>:securityhub:<region>:<account-id>:product\/<company-id>\/<product-id>, got/,
    ],
    [
      (f: Finding) => {
        f.Confidence = 101;
      },
      'Confidence: 101 is outside 0..100.',
    ],
    [
      (f: Finding) => {
        f.Criticality = -1;
      },
      'Criticality: -1 is outside 0..100.',
    ],
    [
      (f: Finding) => {
        f.FindingProviderFields.Criticality = 101;
      },
      'FindingProviderFields.Criticality: 101 is outside 0..100.',
    ],
    [
      (f: Finding) => {
        f.Severity = { Normalized: 120 };
      },
      'Severity.Normalized: 120 is outside 0..100.',
    ],
    [
      (f: Finding) => {
        f.Resources[0].Type = 'AWS::::Account';
      },
      /^Resources\[0\]\.Type: "AWS::::Account" is not a Security Hub resource type/,
    ],
  ])('a documented rule broken (%#)', (edit, message) => {
    const errors = errorsAfter(edit);
    expect(errors).toHaveLength(1);
    if (typeof message === 'string') expect(errors[0]).toBe(message);
    else expect(errors[0]).toMatch(message);
  });

  it.each([
    'Compliance Checks/CIS',
    'Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark/1.4',
    'TTPs//Discovery',
    'Effects/',
    ' TTPs',
    'software and configuration checks',
  ])('the finding type %j, outside the taxonomy', (type) => {
    const message = `FindingProviderFields.Types[0]: ${JSON.stringify(type)} is not namespace[/category[/classifier]] with a namespace of Software and Configuration Checks, TTPs, Effects, Unusual Behaviors, Sensitive Data Identifications.`;
    expect(
      errorsAfter((f) => {
        f.FindingProviderFields.Types = [type];
      }),
    ).toEqual([message]);
    expect(
      errorsAfter((f) => {
        f.Types = [type];
      }),
    ).toEqual([message.replace('FindingProviderFields.', '')]);
  });

  it.each([
    'TTPs',
    'Effects/Data Exposure',
    'Unusual Behaviors/User',
    'Sensitive Data Identifications/PII/Passport',
  ])('accepts the finding type %j', (type) => {
    expect(
      errorsAfter((f) => {
        f.FindingProviderFields.Types = [type];
      }),
    ).toEqual([]);
  });

  it('a timestamp in a format Security Hub does not take, at every timestamp member', () => {
    const errors = errorsAfter((f) => {
      f.CreatedAt = '2026-12-06 12:00:00Z';
      f.FirstObservedAt = '1796563200000';
      f.Note = { Text: 'n', UpdatedBy: 'me', UpdatedAt: '06/12/2026' };
    });
    expect(errors).toEqual([
      expect.stringMatching(/^CreatedAt: "2026-12-06 12:00:00Z" is not a Security Hub timestamp/),
      expect.stringMatching(/^FirstObservedAt: "1796563200000" is not a Security Hub timestamp/),
      expect.stringMatching(/^Note\.UpdatedAt: "06\/12\/2026" is not a Security Hub timestamp/),
    ]);
  });
});

describe('isTimestamp', () => {
  it.each([
    '2019-01-31T23:00:00Z',
    '2019-01-31T23:00:00.123456789Z',
    '2024-01-04T15:25:10+17:59',
    '2024-01-04T15:25:10-1759',
    '2024-01-04T15:25:10.123456789+17:59',
    '2024-02-29T00:00:00+18:00',
    '2024-01-04T15:25:10+05',
  ])('accepts %s (API reference, Timestamps)', (text) => {
    expect(isTimestamp(text)).toBe(true);
  });

  it.each([
    '2019-01-31',
    '2019-01-31T23:00:00',
    '2019-01-31T23:00:00.1234567890Z',
    '2019-01-31t23:00:00z',
    '2019-02-30T00:00:00Z',
    '2019-13-01T00:00:00Z',
    '2019-01-31T24:00:00Z',
    '2019-01-31T23:60:00Z',
    '2024-01-04T15:25:10+18:01',
    '2024-01-04T15:25:10+17:60',
    '2019-01-31T23:00:00 Z',
  ])('rejects %s', (text) => {
    expect(isTimestamp(text)).toBe(false);
  });
});

describe('validateBatchImport', () => {
  it('accepts 100 valid findings of the signing account and its default product', () => {
    const findings = Array.from({ length: 100 }, (_, i) => ({ ...validFinding(), Id: `f-${i}` }));
    expect(validateBatchImport(findings, ACCOUNT)).toEqual([]);
  });

  it('accepts the default product ARN in another partition and Region', () => {
    const finding = validFinding();
    finding.ProductArn = `arn:aws-cn:securityhub:cn-north-1:${ACCOUNT}:product/${ACCOUNT}/default`;
    expect(validateBatchImport([finding], ACCOUNT)).toEqual([]);
  });

  it('reports more than 100 findings, or none, in one call', () => {
    const findings = Array.from({ length: 101 }, validFinding);
    expect(validateBatchImport(findings, ACCOUNT)).toEqual([
      'Findings: 101 findings; one BatchImportFindings call takes 1 to 100.',
    ]);
    expect(validateBatchImport([], ACCOUNT)).toEqual([
      'Findings: 0 findings; one BatchImportFindings call takes 1 to 100.',
    ]);
  });

  it('reports each finding’s own errors under its index', () => {
    const bad = validFinding();
    delete bad.Title;
    expect(validateBatchImport([validFinding(), bad], ACCOUNT)).toEqual([
      'Findings[1].Title: required member is missing.',
    ]);
  });

  it('reports a finding of another account', () => {
    const finding = validFinding();
    finding.AwsAccountId = '444455556666';
    expect(validateBatchImport([finding], ACCOUNT)).toEqual([
      'Findings[0].AwsAccountId: expected 111122223333, the account that signs the call (default product ARN), got "444455556666".',
    ]);
  });

  it.each([
    [
      'another account’s default product',
      `arn:aws:securityhub:eu-west-1:444455556666:product/444455556666/default`,
    ],
    ['a product of AWS', 'arn:aws:securityhub:eu-west-1::product/aws/guardduty'],
    [
      'a named product of the account',
      `arn:aws:securityhub:eu-west-1:${ACCOUNT}:product/${ACCOUNT}/root-access-key`,
    ],
    [
      'a company other than the account',
      `arn:aws:securityhub:eu-west-1:${ACCOUNT}:product/example/default`,
    ],
  ])('reports %s as ProductArn', (_, arn) => {
    const finding = validFinding();
    finding.ProductArn = arn;
    expect(validateBatchImport([finding], ACCOUNT)).toEqual([
      `Findings[0].ProductArn: expected the default product of ${ACCOUNT}, arn:<partition>:securityhub:<region>:${ACCOUNT}:product/${ACCOUNT}/default, got ${JSON.stringify(arn)}.`,
    ]);
  });

  it.each([
    ['Workflow', { Status: 'NEW' }],
    ['Note', { Text: 'n', UpdatedBy: 'me', UpdatedAt: '2026-12-06T12:00:00Z' }],
    ['UserDefinedFields', { owner: 'team' }],
    ['VerificationState', 'TRUE_POSITIVE'],
  ])('reports %s, which a provider cannot update', (member, value) => {
    const finding = validFinding();
    finding[member] = value;
    expect(validateAsff(finding)).toEqual([]);
    expect(validateBatchImport([finding], ACCOUNT)).toEqual([
      `Findings[0].${member}: BatchImportFindings cannot update it once the finding exists; it belongs to the customer (BatchUpdateFindings).`,
    ]);
  });

  it('reports a finding larger than 240 KB', () => {
    const finding = validFinding();
    finding.Resources[0].Details.Other = Object.fromEntries(
      Array.from({ length: 250 }, (_, i) => [`k${i}`, 'v'.repeat(1000)]),
    );
    const errors = validateBatchImport([finding], ACCOUNT);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^Findings\[0\]: 25\d{4} bytes; Security Hub rejects a finding larger than 240 KB\.$/,
    );
  });

  it('reports a signing account that is not an account id', () => {
    expect(validateBatchImport([validFinding()], 'me')).toContain(
      'signing account: expected a 12-digit account id, got "me".',
    );
  });
});
