import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { InvalidSettingError } from '../../definition/errors.js';
import { RootAccessKeyRuleStack } from '../../infra/account-stack.js';
import { errorOf, onlyResource, TEST_ENV, testApp } from './support.js';

/** Both packagings, in one app synthesized once. */
let synthesized: { pack: RootAccessKeyRuleStack; rule: RootAccessKeyRuleStack } | undefined;
function stacks() {
  if (synthesized === undefined) {
    const app = testApp();
    synthesized = {
      pack: new RootAccessKeyRuleStack(app, 'Stack', { env: TEST_ENV }),
      rule: new RootAccessKeyRuleStack(app, 'RuleStack', { env: TEST_ENV, packaging: 'rule' }),
    };
    app.synth();
  }
  return synthesized;
}

describe('RootAccessKeyRuleStack', () => {
  it('holds the function and a conformance pack with the default settings when given no props', () => {
    const stack = stacks().pack;
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
    const template = Template.fromStack(stacks().rule);
    template.resourceCountIs('AWS::Config::ConformancePack', 0);
    const ruleId = onlyResource(template, 'AWS::Config::ConfigRule').id;
    template.hasOutput('ConfigRuleName', { Value: { Ref: ruleId } });
  });

  it('takes its settings as flat props, checked as their context keys, naming the prop', () => {
    const error = errorOf(
      () =>
        new RootAccessKeyRuleStack(testApp(), 'Stack', {
          env: TEST_ENV,
          logRetentionDays: 31 as never,
        }),
    );
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toBe(
      'Invalid RootAccessKeyRuleStack prop logRetentionDays: received number 31; allowed: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653',
    );
    const stack = new RootAccessKeyRuleStack(testApp(), 'Flat', {
      env: TEST_ENV,
      ruleName: 'root-keys',
      settings: { ruleName: 'ignored-when-flat', frequency: 'One_Hour' },
    });
    const rule = stack.node.findAll().find((c) => c.node.id === 'ConformancePack') as unknown as {
      template: { settings: { ruleName: string; frequency: string } };
    };
    expect(rule.template.settings).toMatchObject({ ruleName: 'root-keys', frequency: 'One_Hour' });
  });
});
