import { Aws, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildApp, IAM_EVENTS_STACK_ID } from '../../../infra/app/build-app.js';
import { ORGANIZATION_CONTEXT } from '../organization/support.js';
import { testApp } from '../support.js';
import { ROOT_KEY_PATTERN } from './support.js';

/** The app built environment-agnostic (account and Region known only at deployment). */
function agnostic(context: Record<string, unknown>) {
  const app = testApp(context);
  const stack = buildApp(app, { account: Aws.ACCOUNT_ID, region: Aws.REGION });
  app.synth();
  const stacks = app.node.children.filter(Stack.isStack).map((child) => child.node.id);
  return { stack, stacks, template: Template.fromStack(stack) };
}

describe('real-time detection in an environment-agnostic stack', () => {
  it('takes root key events in its own Region exactly when that is us-east-1, and says what to add elsewhere', () => {
    const { stack, stacks, template } = agnostic({});

    expect(stacks).not.toContain(IAM_EVENTS_STACK_ID);
    const rules = template.findResources('AWS::Events::Rule', {
      Properties: { EventPattern: Match.objectLike({ detail: ROOT_KEY_PATTERN.detail }) },
    });
    // The forwarder's rule on the default bus is conditional; the central
    // bus's rule (to the alert function) is not.
    const conditional = Object.values(rules).filter((rule) => rule.Condition !== undefined);
    const [rule] = conditional;
    expect(Object.keys(rules)).toHaveLength(2);
    expect(conditional).toHaveLength(1);
    expect(rule?.Properties.EventBusName).toBeUndefined();
    template.hasCondition(rule?.Condition as string, {
      'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'],
    });
    expect(
      Annotations.fromStack(stack).findWarning(
        '*',
        Match.stringLikeRegexp('deploy a RootKeyForwarderStack in us-east-1'),
      ),
    ).toHaveLength(1);
  });

  it('deploys the member forwarders in us-east-1 and the rule Region, never one Region twice', () => {
    const { template } = agnostic({ ...ORGANIZATION_CONTEXT, deployment: 'organization' });
    const sets = Object.values(template.findResources('AWS::CloudFormation::StackSet'));
    const forwarders = sets.find((set) =>
      String(set.Properties.TemplateBody).includes('AWS::Events::Rule'),
    );
    const regions = forwarders?.Properties.StackInstancesGroup[0].Regions;
    expect(regions).toEqual({
      'Fn::If': [expect.any(String), ['us-east-1'], ['us-east-1', { Ref: 'AWS::Region' }]],
    });
    template.hasCondition(regions['Fn::If'][0], {
      'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'],
    });
  });
});
