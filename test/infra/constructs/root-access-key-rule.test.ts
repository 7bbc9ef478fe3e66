import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { InvalidSettingError } from '../../../definition/errors.js';
import { Frequency, RootWithoutCredentialsResult } from '../../../definition/settings.js';
import { RootAccessKeyConformancePack } from '../../../infra/constructs/root-access-key-conformance-pack.js';
import { RootAccessKeyFunction } from '../../../infra/constructs/root-access-key-function.js';
import {
  type IRootAccessKeyRule,
  RootAccessKeyRule,
  type RootAccessKeyRuleProps,
} from '../../../infra/constructs/root-access-key-rule.js';
import {
  errorOf,
  onlyResource,
  parseTemplateBody,
  resolveIntrinsics,
  SAMPLE_FUNCTION_ARN,
  synthesizeOnce,
  TEST_ENV,
  testApp,
} from '../support.js';
import { expectValidRuleTemplate, resolvedPackBody } from '../template-body.js';

/** Builds a rule in a stack of its own, unsynthesized: for the props it refuses. */
function build(props: RootAccessKeyRuleProps = {}) {
  const stack = new Stack(testApp(), 'Test', { env: TEST_ENV });
  return new RootAccessKeyRule(stack, 'Rule', props);
}

const EXISTING_FUNCTION_ARN = `arn:aws:lambda:eu-west-1:${TEST_ENV.account}:function:existing-rule`;

const CUSTOM = {
  ruleName: 'root-keys',
  frequency: Frequency.SixHours,
  ignoreInactiveKeys: true,
  rootWithoutCredentials: RootWithoutCredentialsResult.NotApplicable,
} as const;

/** Every configuration the tests read, synthesized once. */
const synthesized = synthesizeOnce({
  defaults: (stack) => new RootAccessKeyRule(stack, 'Rule'),
  custom: (stack) => new RootAccessKeyRule(stack, 'Rule', CUSTOM),
  hourly: (stack) => new RootAccessKeyRule(stack, 'Rule', { frequency: Frequency.OneHour }),
  shared: (stack) => {
    const fn = new RootAccessKeyFunction(stack, 'Shared');
    return { fn, rule: new RootAccessKeyRule(stack, 'Rule', { function: fn }) };
  },
  existing: (stack) => {
    const fn = lambda.Function.fromFunctionArn(stack, 'Existing', EXISTING_FUNCTION_ARN);
    return { fn, rule: new RootAccessKeyRule(stack, 'Rule', { function: fn }) };
  },
  beside: (stack) => {
    const fn = new RootAccessKeyFunction(stack, 'Function');
    new RootAccessKeyRule(stack, 'Rule', { ...CUSTOM, function: fn });
    new RootAccessKeyConformancePack(stack, 'Pack', { ...CUSTOM, function: fn });
  },
});

const built = () => synthesized().defaults;

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
    synthesized().custom.template.hasResourceProperties('AWS::Config::ConfigRule', {
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
    const { template } = synthesized().hourly;
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
    const { built: shared, template } = synthesized().shared;
    expect(shared.rule.function).toBe(shared.fn);
    template.resourceCountIs('AWS::Lambda::Function', 1);
  });

  it('runs on any lambda.IFunction, letting AWS Config of its account invoke it first', () => {
    const { built: existing, template } = synthesized().existing;
    expect(existing.rule.function).toBe(existing.fn);
    template.resourceCountIs('AWS::Lambda::Function', 0);
    const rule = onlyResource(template, 'AWS::Config::ConfigRule').resource;
    expect(rule.Properties.Source).toMatchObject({ SourceIdentifier: EXISTING_FUNCTION_ARN });
    const permission = onlyResource(template, 'AWS::Lambda::Permission');
    expect(permission.resource.Properties).toEqual({
      Action: 'lambda:InvokeFunction',
      FunctionName: EXISTING_FUNCTION_ARN,
      Principal: 'config.amazonaws.com',
      SourceAccount: TEST_ENV.account,
    });
    expect(rule.DependsOn).toContain(permission.id);
  });

  it('is the same rule definition as the conformance pack template, in the same spelling', () => {
    const { template } = synthesized().beside;
    const functionId = onlyResource(template, 'AWS::Lambda::Function').id;
    const standalone = resolveIntrinsics(
      onlyResource(template, 'AWS::Config::ConfigRule').resource.Properties,
      { [`${functionId}.Arn`]: SAMPLE_FUNCTION_ARN },
    );
    const pack = parseTemplateBody(
      resolvedPackBody(template, { functionArn: SAMPLE_FUNCTION_ARN }),
    );
    expect(standalone).toEqual(
      (pack.Resources as Record<string, { Properties: unknown }>).RootAccessKeyRule?.Properties,
    );
  });

  it('imports a rule deployed elsewhere by its name', () => {
    const stack = new Stack(testApp(), 'Test', { env: TEST_ENV });
    const imported: IRootAccessKeyRule = RootAccessKeyRule.fromConfigRuleName(
      stack,
      'Imported',
      'root-access-key-rule',
    );
    expect(imported.configRuleName).toBe('root-access-key-rule');
    expect(imported.stack).toBe(stack);
    expect(imported.node.path).toBe('Test/Imported');
    expect(errorOf(() => RootAccessKeyRule.fromConfigRuleName(stack, 'Bad', 'a b')).message).toBe(
      'Invalid RootAccessKeyRule.fromConfigRuleName configRuleName: received "a b"; allowed: a name of 1-64 letters, digits and hyphens that starts with a letter',
    );
  });

  it('refuses a second standalone rule of the same name in the stack, naming the first', () => {
    const stack = new Stack(testApp(), 'Test', { env: TEST_ENV });
    new RootAccessKeyRule(stack, 'First');
    const error = errorOf(() => new RootAccessKeyRule(stack, 'Second'));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toBe(
      'Invalid RootAccessKeyRule prop ruleName: received "root-access-key-rule"; allowed: a name no other construct of the stack deploys; Test/First already deploys "root-access-key-rule": give one of them another name',
    );
    expect(() => new RootAccessKeyRule(stack, 'Third', { ruleName: 'other-rule' })).not.toThrow();
  });

  it('rejects an invalid rule name', () => {
    const error = errorOf(() => build({ ruleName: 'root keys' }));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toContain('"root keys"');
  });
});
