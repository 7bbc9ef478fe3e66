import { Lazy } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InvalidSettingError } from '../../definition/errors.js';
import {
  assertPackTemplateSize,
  PACK_RULE_LOGICAL_ID,
  PACK_TEMPLATE_MAX_BYTES,
  type PackTemplateOptions,
  packTemplateBytes,
  renderPackTemplate,
} from '../../definition/pack-template.js';
import {
  Frequency,
  ParameterName,
  RootWithoutCredentialsResult,
} from '../../definition/settings.js';
import {
  configRuleValueDefects,
  errorOf,
  SAMPLE_FUNCTION_ARN,
  schemaDiagnostics,
} from '../infra/support.js';
import { expectValidRuleTemplate } from '../infra/template-body.js';

const ARN = SAMPLE_FUNCTION_ARN;

function ruleOf(options: Partial<PackTemplateOptions> = {}) {
  return renderPackTemplate({ functionArn: ARN, ...options }).body.Resources[PACK_RULE_LOGICAL_ID]
    .Properties;
}

describe('renderPackTemplate', () => {
  it('renders one account-level periodic custom Lambda rule with the default parameters', () => {
    const template = renderPackTemplate({ functionArn: ARN });
    expect(parse(template.toYaml())).toEqual({
      Resources: {
        RootAccessKeyRule: {
          Type: 'AWS::Config::ConfigRule',
          Properties: {
            ConfigRuleName: 'root-access-key-rule',
            Description:
              'Checks that the root user has no access key (CIS AWS Foundations 1.4, AWS Security Hub IAM.4).',
            InputParameters: { IgnoreInactiveKeys: 'false', RootWithoutCredentials: 'COMPLIANT' },
            MaximumExecutionFrequency: 'TwentyFour_Hours',
            Source: {
              Owner: 'CUSTOM_LAMBDA',
              SourceIdentifier: ARN,
              SourceDetails: [
                {
                  EventSource: 'aws.config',
                  MessageType: 'ScheduledNotification',
                  MaximumExecutionFrequency: 'TwentyFour_Hours',
                },
              ],
            },
          },
        },
      },
    });
  });

  it('passes an execution role under an IAM path as given', () => {
    expect(ruleOf({ executionRoleName: 'security/RootKeyRule' }).InputParameters).toMatchObject({
      [ParameterName.ExecutionRoleName]: 'security/RootKeyRule',
    });
  });

  it('passes every option, parameters as strings', () => {
    const rule = ruleOf({
      ruleName: 'Root-Keys-2',
      frequency: Frequency.OneHour,
      ignoreInactiveKeys: true,
      rootWithoutCredentials: RootWithoutCredentialsResult.NotApplicable,
      executionRoleName: 'RootAccessKeyRuleMember',
      description: 'No root keys: CIS 1.4 # audit',
    });
    expect(rule.ConfigRuleName).toBe('Root-Keys-2');
    expect(rule.Description).toBe('No root keys: CIS 1.4 # audit');
    expect(rule.InputParameters).toEqual({
      [ParameterName.IgnoreInactiveKeys]: 'true',
      [ParameterName.RootWithoutCredentials]: 'NOT_APPLICABLE',
      [ParameterName.ExecutionRoleName]: 'RootAccessKeyRuleMember',
    });
    expect(rule.MaximumExecutionFrequency).toBe('One_Hour');
    expect(rule.Source.SourceDetails).toEqual([
      {
        EventSource: 'aws.config',
        MessageType: 'ScheduledNotification',
        MaximumExecutionFrequency: 'One_Hour',
      },
    ]);
  });

  it('gives the same template as YAML and as JSON', () => {
    const template = renderPackTemplate({ functionArn: ARN, description: 'a: b # c "d"' });
    expect(parse(template.toYaml())).toEqual(template.body);
    expect(JSON.parse(template.toJson())).toEqual(template.body);
  });

  it('keeps a CDK token ARN whole on one line', () => {
    const token = Lazy.string({ produce: () => ARN });
    const yaml = renderPackTemplate({ functionArn: token }).toYaml();
    expect(yaml).toContain(`SourceIdentifier: ${token}\n`);
  });

  it('accepts function ARNs of every partition, with a qualifier', () => {
    for (const arn of [
      'arn:aws-cn:lambda:cn-north-1:111111111111:function:rule',
      'arn:aws-us-gov:lambda:us-gov-west-1:111111111111:function:rule:live',
    ]) {
      expect(ruleOf({ functionArn: arn }).Source.SourceIdentifier).toBe(arn);
    }
  });

  for (const frequency of Object.values(Frequency)) {
    it(`renders a template valid against the CloudFormation schema at ${frequency}`, () => {
      const template = renderPackTemplate({
        functionArn: ARN,
        frequency,
        executionRoleName: 'Member',
        ignoreInactiveKeys: true,
      });
      expectValidRuleTemplate(template.toYaml());
    });
  }

  it('stays far under the TemplateBody limit with the longest names allowed', () => {
    const template = renderPackTemplate({
      functionArn: `arn:aws-us-gov:lambda:us-gov-west-1:111111111111:function:${'f'.repeat(64)}`,
      ruleName: `r${'-'.repeat(63)}`,
      executionRoleName: 'e'.repeat(64),
      description: 'd'.repeat(256),
    });
    expect(packTemplateBytes(template.toYaml())).toBeLessThan(PACK_TEMPLATE_MAX_BYTES / 10);
  });

  it.each([
    [
      'functionArn',
      { functionArn: 'arn:aws:s3:::bucket' },
      '"arn:aws:s3:::bucket"',
      'a Lambda function ARN',
    ],
    [
      'ruleName',
      { ruleName: 'root_access_key' },
      '"root_access_key"',
      'letters, digits and hyphens',
    ],
    ['ruleName', { ruleName: `r${'x'.repeat(64)}` }, `"r${'x'.repeat(64)}"`, '1-64'],
    [
      'frequency',
      { frequency: 'Daily' as Frequency },
      '"Daily"',
      'One_Hour, Three_Hours, Six_Hours, Twelve_Hours, TwentyFour_Hours',
    ],
    [
      'ignoreInactiveKeys',
      { ignoreInactiveKeys: 'yes' as unknown as boolean },
      '"yes"',
      'true, false',
    ],
    [
      'rootWithoutCredentials',
      { rootWithoutCredentials: 'NON_COMPLIANT' as RootWithoutCredentialsResult },
      '"NON_COMPLIANT"',
      'COMPLIANT, NOT_APPLICABLE',
    ],
    ['executionRoleName', { executionRoleName: 'a Role' }, '"a Role"', 'an IAM role name'],
    ['description', { description: 'd'.repeat(257) }, '"ddd', 'at most 256 characters'],
    ['description', { description: '  ' }, '"  "', 'non-blank'],
  ])(
    'rejects an invalid %s, naming it, the value and what is allowed',
    (name, options, value, allowed) => {
      const error = errorOf(() => renderPackTemplate({ functionArn: ARN, ...options }));
      expect(error).toBeInstanceOf(InvalidSettingError);
      expect(error.message).toContain(`option ${name}`);
      expect(error.message).toContain(value);
      expect(error.message).toContain(allowed);
    },
  );
});

describe('packTemplateBytes', () => {
  it('counts UTF-8 bytes', () => {
    expect(packTemplateBytes('é')).toBe(2);
  });

  it('counts a token ARN at the longest SourceIdentifier Config accepts', () => {
    const token = Lazy.string({ produce: () => ARN });
    expect(token).toMatch(/^\$\{Token\[/);
    expect(packTemplateBytes(`x ${token}`, token)).toBe(2 + 256);
    expect(packTemplateBytes(`x ${ARN}`, ARN)).toBe(2 + ARN.length);
  });
});

describe('assertPackTemplateSize', () => {
  it('accepts a body of exactly the limit', () => {
    expect(() => assertPackTemplateSize('x'.repeat(PACK_TEMPLATE_MAX_BYTES))).not.toThrow();
  });

  it('rejects a body over the limit, saying its size and the limit', () => {
    const error = errorOf(() => assertPackTemplateSize('x'.repeat(PACK_TEMPLATE_MAX_BYTES + 1)));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toContain('51201 bytes');
    expect(error.message).toContain('at most 51200');
  });
});

describe('the schema and value checks of the tests', () => {
  it('find defects in a broken rule', () => {
    const broken = {
      Resources: {
        Rule: {
          Type: 'AWS::Config::ConfigRule',
          Properties: { ConfigRuleNam: 'x', Source: { Owner: 'LAMBDA', SourceIdentifier: ARN } },
        },
      },
    };
    expect(schemaDiagnostics(broken).map((d) => d.propertyPath)).toContain(
      'Properties.ConfigRuleNam',
    );
    const defects = configRuleValueDefects({
      Source: {
        Owner: 'LAMBDA',
        SourceDetails: [
          { EventSource: 'aws.config', MessageType: 'Change', MaximumExecutionFrequency: 'Daily' },
        ],
      },
      InputParameters: { IgnoreInactiveKeys: false },
    });
    expect(defects).toHaveLength(5);
  });
});
