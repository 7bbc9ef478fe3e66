import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import {
  IAM_EVENTS_STACK_ID,
  MANAGEMENT_FORWARDER_STACK_ID,
  MANAGEMENT_ROLE_STACK_ID,
  ORGANIZATION_STACK_ID,
} from '../../../infra/app/build-app.js';
import { ORGANIZATION_CONTEXT } from '../organization/support.js';
import { onlyResource, schemaDiagnostics } from '../support.js';
import { idsOf, NON_COMPLIANT_PATTERN, ROOT_KEY_PATTERN, synthApp, templateOf } from './support.js';

// One synthesis of the organization app from a delegated administrator in eu-west-1.
const app = synthApp({
  ...ORGANIZATION_CONTEXT,
  deployment: 'organization',
  delegatedAdmin: 'true',
  excludedAccounts: '999999999999',
});
const central = templateOf(app, ORGANIZATION_STACK_ID);
const BUS_ARN = 'arn:aws:events:eu-west-1:111111111111:event-bus/root-access-key-rule-events';

/** The StackSet whose template holds resources of `type`. */
function stackSetWith(type: string) {
  const sets = Object.values(central.findResources('AWS::CloudFormation::StackSet'));
  const found = sets.find((set) => String(set.Properties.TemplateBody).includes(type));
  if (found === undefined) throw new Error(`no StackSet deploys ${type}`);
  return {
    properties: found.Properties,
    template: JSON.parse(found.Properties.TemplateBody) as {
      Resources: Record<
        string,
        { Type: string; Condition?: string; Properties: Record<string, unknown> }
      >;
      Parameters: Record<string, unknown>;
    },
  };
}

describe('organization: the central event bus', () => {
  it('accepts events from principals of the organization only', () => {
    const { resource } = onlyResource(central, 'AWS::Events::EventBusPolicy');
    expect(resource.Properties.Statement).toEqual({
      Sid: 'OrganizationPutEvents',
      Action: 'events:PutEvents',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Resource: { 'Fn::GetAtt': [expect.stringMatching(/EventBus/), 'Arn'] },
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abcdefghij' } },
    });
  });

  it('routes root key events and NON_COMPLIANT transitions to the alert function', () => {
    for (const pattern of [ROOT_KEY_PATTERN, NON_COMPLIANT_PATTERN]) {
      central.hasResourceProperties('AWS::Events::Rule', {
        EventBusName: { Ref: Match.stringLikeRegexp('EventBus') },
        EventPattern: pattern,
      });
    }
  });
});

describe('organization: forwarding from every member account', () => {
  const forwarders = stackSetWith('AWS::Events::Rule');

  it('is a service-managed StackSet with auto-deployment, to us-east-1 and the rule Region', () => {
    expect(forwarders.properties).toMatchObject({
      PermissionModel: 'SERVICE_MANAGED',
      CallAs: 'DELEGATED_ADMIN',
      AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: false },
      StackInstancesGroup: [
        {
          Regions: ['us-east-1', 'eu-west-1'],
          DeploymentTargets: {
            OrganizationalUnitIds: ['ou-ab12-abcdefgh', 'r-ab12'],
            AccountFilterType: 'DIFFERENCE',
            Accounts: ['111111111111', '999999999999'],
          },
        },
      ],
    });
    expect(forwarders.properties.Parameters).toEqual([
      {
        ParameterKey: 'CentralEventBusArn',
        ParameterValue: { 'Fn::GetAtt': [expect.any(String), 'Arn'] },
      },
      { ParameterKey: 'HomeRegion', ParameterValue: 'eu-west-1' },
    ]);
  });

  it('deploys the root key rule in us-east-1 and the compliance rule in the rule Region, both to the central bus', () => {
    const rules = Object.values(forwarders.template.Resources).filter(
      (resource) => resource.Type === 'AWS::Events::Rule',
    );
    expect(rules.map((rule) => [rule.Condition, rule.Properties.EventPattern])).toEqual([
      ['InIamEventsRegion', ROOT_KEY_PATTERN],
      ['InHomeRegion', NON_COMPLIANT_PATTERN],
    ]);
    for (const rule of rules) {
      expect(rule.Properties.Targets).toEqual([
        { Arn: { Ref: 'CentralEventBusArn' }, Id: 'Target0', RoleArn: expect.anything() },
      ]);
    }
    expect(schemaDiagnostics(forwarders.template, 'us-east-1')).toEqual([]);
  });
});

describe('organization: the accounts StackSets skip', () => {
  it('gives the management account a forwarder stack of its own, deployable without bootstrap', () => {
    const management = templateOf(app, MANAGEMENT_FORWARDER_STACK_ID);
    management.hasParameter('CentralEventBusArn', { Default: BUS_ARN });
    management.hasParameter('HomeRegion', { Default: 'eu-west-1' });
    management.hasResource('AWS::Events::Rule', {
      Condition: 'InIamEventsRegion',
      Properties: Match.objectLike({ EventPattern: ROOT_KEY_PATTERN }),
    });
    expect(management.toJSON().Parameters.BootstrapVersion).toBeUndefined();
  });

  it('gives the central account a us-east-1 stack for its own root key events', () => {
    const own = templateOf(app, IAM_EVENTS_STACK_ID);
    own.hasParameter('CentralEventBusArn', { Default: BUS_ARN });
    own.hasResource('AWS::Events::Rule', {
      Condition: 'InIamEventsRegion',
      Properties: Match.objectLike({ EventPattern: ROOT_KEY_PATTERN }),
    });
  });

  it('lets the management account role trust the alert function too', () => {
    const role = templateOf(app, MANAGEMENT_ROLE_STACK_ID);
    role.hasParameter('AlertRoleArn', {});
  });
});

describe('organization: re-evaluation through the member roles', () => {
  const memberRoles = stackSetWith('AWS::IAM::Role');
  const role = Object.values(memberRoles.template.Resources).find(
    (resource) => resource.Type === 'AWS::IAM::Role',
  );
  if (role === undefined) throw new Error('the member role template has no role');

  it('passes the alert role to the member roles, which trust it', () => {
    expect(memberRoles.properties.Parameters).toContainEqual({
      ParameterKey: 'AlertRoleArn',
      ParameterValue: { 'Fn::GetAtt': [expect.stringMatching(/AlertFunction/), 'Arn'] },
    });
    expect(JSON.stringify(role.Properties.AssumeRolePolicyDocument)).toContain('AlertRoleArn');
  });

  it('lets member roles re-evaluate rules of their own account and Region only', () => {
    const [policy] = role.Properties.Policies as { PolicyDocument: { Statement: unknown[] } }[];
    const statements = policy?.PolicyDocument.Statement;
    expect(statements).toContainEqual({
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
    });
  });

  it('runs the alert function with the member role name, and lets it assume member roles of the organization only', () => {
    const [fn] = idsOf(central, 'AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          MEMBER_ROLE_NAME: 'RootAccessKeyRuleMember',
          READ_ACCOUNT_NAMES: 'true',
        }),
      },
    });
    expect(fn).toBeDefined();
    central.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          Match.objectLike({
            Action: 'sts:AssumeRole',
            Condition: {
              StringEquals: { 'aws:ResourceOrgID': 'o-abcdefghij' },
              ArnEquals: { 'lambda:SourceFunctionArn': { 'Fn::GetAtt': [fn, 'Arn'] } },
            },
          }),
        ],
      },
    });
  });
});

describe('organization: alarms', () => {
  it('wires the errors, throttles and silence alarms of the central function to the topic', () => {
    for (const metric of ['Errors', 'Throttles', 'Evaluations']) {
      central.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: metric,
        AlarmActions: [{ Ref: Match.stringLikeRegexp('DetectionAlerts') }],
      });
    }
    central.hasOutput('AlertsTopicArn', {});
  });
});
