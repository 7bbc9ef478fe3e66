import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { RootAccessKeyRuleStack } from '../../infra/account-stack.js';
import { onlyResource, TEST_ENV, testApp } from './support.js';

describe('RootAccessKeyRuleStack', () => {
  it('holds the function and a conformance pack with the default settings when given no props', () => {
    const stack = new RootAccessKeyRuleStack(testApp(), 'Stack', { env: TEST_ENV });
    const template = Template.fromStack(stack);
    expect(stack.packaging).toBe('conformance-pack');
    const types = Object.values(template.toJSON().Resources).map(
      (resource) => (resource as { Type: string }).Type,
    );
    expect(types.sort()).toEqual([
      'AWS::Config::ConformancePack',
      'AWS::IAM::Policy',
      'AWS::IAM::Role',
      'AWS::Lambda::Function',
      'AWS::Lambda::Permission',
      'AWS::Logs::LogGroup',
    ]);
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
    const functionId = onlyResource(template, 'AWS::Lambda::Function').id;
    const logGroupId = onlyResource(template, 'AWS::Logs::LogGroup').id;
    expect(template.toJSON().Outputs).toEqual({
      ConformancePackName: { Value: 'root-access-key-rule' },
      FunctionName: { Value: { Ref: functionId } },
      LogGroupName: { Value: { Ref: logGroupId } },
    });
  });

  it('holds a standalone rule instead with packaging rule, and outputs its name', () => {
    const stack = new RootAccessKeyRuleStack(testApp(), 'Stack', {
      env: TEST_ENV,
      packaging: 'rule',
    });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Config::ConformancePack', 0);
    const ruleId = onlyResource(template, 'AWS::Config::ConfigRule').id;
    template.hasOutput('ConfigRuleName', { Value: { Ref: ruleId } });
  });
});
