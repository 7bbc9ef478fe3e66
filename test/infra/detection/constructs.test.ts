import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { InvalidSettingError } from '../../../definition/errors.js';
import {
  RootKeyAlertFunction,
  RootKeyAlertsTopic,
  RootKeyEventForwarder,
  RootKeyForwarderStackSet,
  RuleMonitoring,
  silencePeriod,
} from '../../../infra/index.js';
import { errorOf, TEST_ENV, testApp } from '../support.js';
import { ROOT_KEY_PATTERN } from './support.js';

const BUS = 'arn:aws:events:eu-west-1:111111111111:event-bus/root-access-key-rule-events';

function stack() {
  return new Stack(testApp(), 'Consumer', { env: TEST_ENV });
}

describe('the detection constructs, used alone from the package', () => {
  it('RootKeyEventForwarder: root key events only, to a bus of another account', () => {
    const scope = stack();
    new RootKeyEventForwarder(scope, 'Forwarder', {
      centralEventBusArn: BUS,
      ruleName: 'root-access-key-rule',
      complianceChanges: false,
    });
    const template = Template.fromStack(scope);
    template.resourceCountIs('AWS::Events::Rule', 1);
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: ROOT_KEY_PATTERN,
      Targets: [{ Arn: BUS, Id: 'Target0', RoleArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } }],
    });
  });

  it('RootKeyAlertFunction and RootKeyAlertsTopic: an alert function on a topic of its own', () => {
    const scope = stack();
    const alerts = new RootKeyAlertsTopic(scope, 'Alerts');
    new RootKeyAlertFunction(scope, 'AlertFunction', { topic: alerts.topic, ruleName: 'my-rule' });
    const template = Template.fromStack(scope);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: { RULE_NAME: 'my-rule', ALERTS_TOPIC_ARN: { Ref: Match.anyValue() } },
      },
    });
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('RuleMonitoring: the silence window is the rule period, at most a day', () => {
    const scope = stack();
    const alerts = new RootKeyAlertsTopic(scope, 'Alerts');
    const fn = lambda.Function.fromFunctionName(scope, 'Rule', 'rule-function');
    new RuleMonitoring(scope, 'Monitoring', {
      ruleFunction: fn,
      frequency: 'Six_Hours',
      topic: alerts.topic,
    });
    Template.fromStack(scope).hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Evaluations',
      Period: 21_600,
      EvaluationPeriods: 2,
    });
    expect(silencePeriod('One_Hour').toHours()).toBe(1);
    expect(silencePeriod('TwentyFour_Hours').toHours()).toBe(24);
  });

  it.each([
    ['an e-mail address', () => new RootKeyAlertsTopic(stack(), 'A', { alertEmail: 'not mail' })],
    [
      'a rule name',
      () => new RootKeyEventForwarder(stack(), 'F', { centralEventBusArn: BUS, ruleName: 'a b' }),
    ],
    [
      'an organization id',
      () => {
        const scope = stack();
        new RootKeyAlertFunction(scope, 'F', {
          topic: new RootKeyAlertsTopic(scope, 'A').topic,
          ruleName: 'r',
          organization: { organizationId: 'org-1', memberRoleName: 'Member' },
        });
      },
    ],
    [
      'an OU id',
      () =>
        new RootKeyForwarderStackSet(stack(), 'S', {
          ruleName: 'r',
          centralEventBusArn: BUS,
          organizationalUnitIds: ['ou-bad'],
        }),
    ],
  ])('refuses what is not %s, early', (_, build) => {
    expect(errorOf(build)).toBeInstanceOf(InvalidSettingError);
  });
});
