import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_STACK_ID, IAM_EVENTS_STACK_ID } from '../../../infra/app/build-app.js';
import { errorOf, onlyResource } from '../support.js';
import { idsOf, NON_COMPLIANT_PATTERN, ROOT_KEY_PATTERN, synthApp, templateOf } from './support.js';

// One synthesis of the single-account app in eu-west-1, with an alert address.
const app = synthApp({ alertEmail: 'security@example.com' });
const main = templateOf(app, ACCOUNT_STACK_ID);
const iamEvents = templateOf(app, IAM_EVENTS_STACK_ID);
const BUS_ARN = 'arn:aws:events:eu-west-1:111111111111:event-bus/root-access-key-rule-events';

describe('single account, rule in eu-west-1: the us-east-1 stack', () => {
  it('is a stack of its own in us-east-1, deployed after the main stack', () => {
    const stack = app.main.node.root.node.findChild(IAM_EVENTS_STACK_ID);
    expect((stack as unknown as { region: string }).region).toBe('us-east-1');
    expect((stack as unknown as { dependencies: unknown[] }).dependencies).toContain(app.main);
  });

  it('matches root key events with the exact pattern and forwards them to the central bus', () => {
    // Both rules are in the template; conditions decide which deploys in this Region.
    iamEvents.resourceCountIs('AWS::Events::Rule', 2);
    iamEvents.hasResource('AWS::Events::Rule', {
      Condition: 'InIamEventsRegion',
      Properties: {
        EventPattern: ROOT_KEY_PATTERN,
        Targets: [
          {
            Arn: { Ref: 'CentralEventBusArn' },
            RoleArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
          },
        ],
      },
    });
    iamEvents.hasParameter('CentralEventBusArn', { Default: BUS_ARN });
    iamEvents.hasParameter('HomeRegion', { Default: 'eu-west-1' });
    iamEvents.hasCondition('InIamEventsRegion', {
      'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'],
    });
    iamEvents.hasCondition('InHomeRegion', {
      'Fn::Equals': [{ Ref: 'AWS::Region' }, { Ref: 'HomeRegion' }],
    });
  });

  it('forwards with a role that may put events on the central bus only', () => {
    iamEvents.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Action: 'events:PutEvents', Effect: 'Allow', Resource: { Ref: 'CentralEventBusArn' } },
        ],
      },
    });
    iamEvents.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: 'events.amazonaws.com' } })],
      },
    });
  });
});

describe('single account: the main stack', () => {
  it('has a central bus accepting its own account only', () => {
    main.hasResourceProperties('AWS::Events::EventBus', { Name: 'root-access-key-rule-events' });
    main.hasResourceProperties('AWS::Events::EventBusPolicy', {
      Statement: {
        Action: 'events:PutEvents',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111111111111:root' },
        Sid: 'OwnAccountPutEvents',
      },
    });
  });

  it('routes both kinds of events from the bus to the alert function, with a dead-letter queue', () => {
    const fn = idsOf(main, 'AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ ALERTS_TOPIC_ARN: Match.anyValue() }) },
    });
    expect(fn).toHaveLength(1);
    for (const pattern of [ROOT_KEY_PATTERN, NON_COMPLIANT_PATTERN]) {
      main.hasResourceProperties('AWS::Events::Rule', {
        EventBusName: { Ref: Match.stringLikeRegexp('EventBus') },
        EventPattern: pattern,
        Targets: [
          Match.objectLike({
            Arn: { 'Fn::GetAtt': [fn[0], 'Arn'] },
            DeadLetterConfig: {
              Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('DeadLetterQueue'), 'Arn'] },
            },
          }),
        ],
      });
    }
  });

  it('forwards its own NON_COMPLIANT transitions from the default bus (no root key rule outside us-east-1)', () => {
    const forwarded = idsOf(main, 'AWS::Events::Rule', { EventBusName: Match.absent() });
    expect(forwarded).toHaveLength(1);
    main.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: Match.absent(),
      EventPattern: NON_COMPLIANT_PATTERN,
    });
  });

  it('gives the alert function its topic, rule name, retries and on-failure destination', () => {
    main.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Environment: {
        Variables: {
          ALERTS_TOPIC_ARN: { Ref: Match.stringLikeRegexp('Alerts') },
          RULE_NAME: 'root-access-key-rule',
        },
      },
    });
    main.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      DestinationConfig: {
        OnFailure: {
          Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('DeadLetterQueue'), 'Arn'] },
        },
      },
    });
  });

  it('lets the alert function re-evaluate rules of its own account and Region only', () => {
    main.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Sid: 'ReEvaluateRule',
            Action: 'config:StartConfigRulesEvaluation',
            Effect: 'Allow',
            Resource: {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':config:',
                  { Ref: 'AWS::Region' },
                  ':',
                  { Ref: 'AWS::AccountId' },
                  ':config-rule/*',
                ],
              ],
            },
          },
        ]),
      },
    });
  });

  it('encrypts the topic with a customer-managed key that alarms and EventBridge may use, and refuses publishing without TLS', () => {
    const { id: keyId } = onlyResource(main, 'AWS::KMS::Key');
    main.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
    });
    main.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Principal: { Service: ['cloudwatch.amazonaws.com', 'events.amazonaws.com'] },
          }),
        ]),
      },
    });
    main.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Action: 'sns:Publish',
            Principal: { Service: ['cloudwatch.amazonaws.com', 'events.amazonaws.com'] },
          }),
        ]),
      },
    });
  });

  it('subscribes alertEmail and outputs AlertsTopicArn', () => {
    main.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'security@example.com',
    });
    main.hasOutput('AlertsTopicArn', { Value: { Ref: Match.stringLikeRegexp('Alerts') } });
  });
});

describe('single account: the rule watches itself', () => {
  const topic = { Ref: Match.stringLikeRegexp('DetectionAlerts') };

  it('alarms on the rule function errors and throttles, to the topic', () => {
    for (const metric of ['Errors', 'Throttles']) {
      main.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: metric,
        Namespace: 'AWS/Lambda',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: Match.stringLikeRegexp('^Function') } }],
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        Threshold: 1,
        AlarmActions: [topic],
      });
    }
  });

  it('alarms when no evaluation is reported for two rule periods, missing data breaching', () => {
    main.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Evaluations',
      Namespace: 'RootAccessKeyRule',
      Dimensions: [{ Name: 'service', Value: 'root-access-key-rule' }],
      Period: 86_400,
      EvaluationPeriods: 2,
      Statistic: 'Sum',
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 1,
      TreatMissingData: 'breaching',
      AlarmActions: [topic],
    });
  });

  it('wires every alarm to the topic, and draws a dashboard', () => {
    const alarms = Object.values(main.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms).toHaveLength(5);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toHaveLength(1);
      expect(JSON.stringify(alarm.Properties.AlarmActions)).toContain('DetectionAlerts');
    }
    main.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});

describe('single account, rule in us-east-1', () => {
  it('forwards root key events from the main stack itself, with no second stack', () => {
    const east = synthApp({}, { account: '111111111111', region: 'us-east-1' });
    expect([...east.templates.keys()]).toEqual([ACCOUNT_STACK_ID]);
    const template = templateOf(east, ACCOUNT_STACK_ID);
    for (const pattern of [ROOT_KEY_PATTERN, NON_COMPLIANT_PATTERN]) {
      template.hasResourceProperties('AWS::Events::Rule', {
        EventBusName: Match.absent(),
        EventPattern: pattern,
      });
    }
  });
});

describe('the context keys of detection', () => {
  it('turns detection off with realtimeDetection=false', () => {
    const off = synthApp({ realtimeDetection: 'false' });
    expect([...off.templates.keys()]).toEqual([ACCOUNT_STACK_ID]);
    templateOf(off, ACCOUNT_STACK_ID).resourceCountIs('AWS::SNS::Topic', 0);
  });

  it('refuses a malformed alertEmail, and alertEmail without detection', () => {
    expect(errorOf(() => synthApp({ alertEmail: 'security' })).message).toContain(
      'context key "alertEmail"',
    );
    expect(
      errorOf(() => synthApp({ alertEmail: 'a@example.com', realtimeDetection: 'false' })).message,
    ).toContain('needs real-time detection');
  });
});
