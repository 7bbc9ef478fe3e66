import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { InvalidSettingError } from '../../../definition/errors.js';
import { Frequency, RootWithoutCredentialsResult } from '../../../definition/settings.js';
import { RootAccessKeyFunction } from '../../../infra/constructs/root-access-key-function.js';
import {
  RootAccessKeyRule,
  type RootAccessKeyRuleProps,
} from '../../../infra/constructs/root-access-key-rule.js';
import {
  errorOf,
  onlyResource,
  resolveIntrinsics,
  SAMPLE_FUNCTION_ARN,
  TEST_ENV,
  testApp,
} from '../support.js';
import { expectValidRuleTemplate } from '../template-body.js';

function build(props: RootAccessKeyRuleProps = {}) {
  const stack = new Stack(testApp(), 'Test', { env: TEST_ENV });
  const rule = new RootAccessKeyRule(stack, 'Rule', props);
  const template = Template.fromStack(stack);
  return { stack, rule, template };
}

let defaults: ReturnType<typeof build> | undefined;
/** The rule with default props, built once for the tests that only read it. */
const built = () => {
  defaults ??= build();
  return defaults;
};

describe('RootAccessKeyRule', () => {
  it('is an account-level periodic custom Lambda rule on its function, with the default parameters', () => {
    const { template } = built();
    const functionId = onlyResource(template, 'AWS::Lambda::Function').id;
    const rule = onlyResource(template, 'AWS::Config::ConfigRule').resource;
    expect(rule.Properties).toEqual({
      ConfigRuleName: 'root-access-key-rule',
      Description:
        'Checks that the root user has no access key (CIS AWS Foundations 1.4, AWS Security Hub IAM.4).',
      InputParameters: { IgnoreInactiveKeys: 'false', RootWithoutCredentials: 'COMPLIANT' },
      MaximumExecutionFrequency: 'TwentyFour_Hours',
      Source: {
        Owner: 'CUSTOM_LAMBDA',
        SourceIdentifier: { 'Fn::GetAtt': [functionId, 'Arn'] },
        SourceDetails: [
          {
            EventSource: 'aws.config',
            MessageType: 'ScheduledNotification',
            MaximumExecutionFrequency: 'TwentyFour_Hours',
          },
        ],
      },
    });
    expect(rule.Properties.Scope).toBeUndefined();
  });

  it('passes its parameters and frequency', () => {
    const { template } = build({
      ruleName: 'root-keys',
      frequency: Frequency.SixHours,
      ignoreInactiveKeys: true,
      rootWithoutCredentials: RootWithoutCredentialsResult.NotApplicable,
    });
    template.hasResourceProperties('AWS::Config::ConfigRule', {
      ConfigRuleName: 'root-keys',
      InputParameters: { IgnoreInactiveKeys: 'true', RootWithoutCredentials: 'NOT_APPLICABLE' },
      MaximumExecutionFrequency: 'Six_Hours',
      Source: {
        SourceDetails: [
          {
            EventSource: 'aws.config',
            MessageType: 'ScheduledNotification',
            MaximumExecutionFrequency: 'Six_Hours',
          },
        ],
      },
    });
  });

  it('is created after the permission that lets AWS Config of its account invoke the function', () => {
    const { template } = built();
    const permission = onlyResource(template, 'AWS::Lambda::Permission');
    expect(permission.resource.Properties.Principal).toBe('config.amazonaws.com');
    expect(permission.resource.Properties.SourceAccount).toBe(TEST_ENV.account);
    expect(onlyResource(template, 'AWS::Config::ConfigRule').resource.DependsOn).toContain(
      permission.id,
    );
  });

  it('attaches no managed policy to the function role (unlike config.CustomRule)', () => {
    const { template } = built();
    const role = onlyResource(template, 'AWS::IAM::Role').resource;
    expect(JSON.stringify(role)).not.toContain('AWSConfigRulesExecutionRole');
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('matches the CloudFormation schema and the allowed values of AWS Config', () => {
    const { template } = build({ frequency: Frequency.OneHour });
    const { id, resource } = onlyResource(template, 'AWS::Config::ConfigRule');
    const functionId = onlyResource(template, 'AWS::Lambda::Function').id;
    const properties = resolveIntrinsics(resource.Properties, {
      [`${functionId}.Arn`]: SAMPLE_FUNCTION_ARN,
    }) as Record<string, unknown>;
    expectValidRuleTemplate(
      { Resources: { [id]: { Type: resource.Type, Properties: properties } } },
      id,
    );
  });

  it('can share a function given to it', () => {
    const stack = new Stack(testApp(), 'Test', { env: TEST_ENV });
    const fn = new RootAccessKeyFunction(stack, 'Shared');
    const rule = new RootAccessKeyRule(stack, 'Rule', { function: fn });
    expect(rule.function).toBe(fn);
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::Function', 1);
  });

  it('rejects an invalid rule name', () => {
    const error = errorOf(() => build({ ruleName: 'root keys' }));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toContain('"root keys"');
  });
});
