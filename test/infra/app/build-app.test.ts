import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { InvalidSettingError } from '../../../definition/errors.js';
import {
  ACCOUNT_STACK_ID,
  buildApp,
  defaultEnvironment,
  MANAGEMENT_ROLE_STACK_ID,
  OFFLINE_ACCOUNT,
  OFFLINE_REGION,
} from '../../../infra/app/build-app.js';
import {
  ALERT_ROLE_ARN_PARAMETER,
  CENTRAL_ROLE_ARN_PARAMETER,
  MEMBER_ROLE_LOGICAL_ID,
  MemberRoleStack,
} from '../../../infra/organization/member-role-stack.js';
import { ORGANIZATION_CONTEXT } from '../organization/support.js';
import { errorOf, parseTemplateBody, TEST_ENV, testApp } from '../support.js';
import { resolvedPackBody } from '../template-body.js';

function build(context: Record<string, unknown> = {}) {
  const app = testApp(context);
  const stack = buildApp(app, TEST_ENV);
  return { app, stack };
}

/** Apps already synthesized, by their context: each context is synthesized once. */
const synthesized = new Map<string, ReturnType<typeof synthesize>>();

/**
 * Synthesizes the app: cdk-nag and the CloudFormation validation run, and any
 * finding fails it; then checks that no error or warning annotation is left.
 * Once per context: the tests only read what it gives.
 */
function synth(context: Record<string, unknown> = {}) {
  const key = JSON.stringify(context);
  const done = synthesized.get(key) ?? synthesize(context);
  synthesized.set(key, done);
  return done;
}

function synthesize(context: Record<string, unknown>) {
  const { app, stack } = build(context);
  app.synth();
  const annotations = Annotations.fromStack(stack);
  expect(annotations.findError('*', Match.anyValue())).toEqual([]);
  expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
  return { app, stack, template: Template.fromStack(stack) };
}

describe('buildApp', () => {
  it('deploys the rule in a conformance pack by default, and passes cdk-nag', () => {
    const { stack, template } = synth();
    expect(stack.stackName).toBe(ACCOUNT_STACK_ID);
    expect(stack.account).toBe(TEST_ENV.account);
    template.resourceCountIs('AWS::Config::ConformancePack', 1);
    template.resourceCountIs('AWS::Config::ConfigRule', 0);
    // The rule's function, and the alert function of real-time detection (on by default).
    template.resourceCountIs('AWS::Lambda::Function', 2);
    template.hasOutput('ConformancePackName', { Value: 'root-access-key-rule' });
    template.hasOutput('AlertsTopicArn', {});
  });

  it('deploys a standalone rule with packaging=rule, and passes cdk-nag', () => {
    const { template } = synth({ packaging: 'rule' });
    template.resourceCountIs('AWS::Config::ConfigRule', 1);
    template.resourceCountIs('AWS::Config::ConformancePack', 0);
    template.resourceCountIs('AWS::Lambda::Function', 2);
    template.hasOutput('ConfigRuleName', {});
  });

  it('applies every rule setting from the context', () => {
    const context = {
      ruleName: 'Root-Keys',
      frequency: 'One_Hour',
      ignoreInactiveKeys: 'true',
      rootWithoutCredentials: 'NOT_APPLICABLE',
      logRetentionDays: '90',
      // The pack's body names the one function of the stack.
      realtimeDetection: 'false',
    };
    const pack = synth(context).template;
    const body = resolvedPackBody(pack, {
      functionArn: 'arn:aws:lambda:eu-west-1:111111111111:function:f',
    });
    expect(parseTemplateBody(body)).toMatchObject({
      Resources: {
        RootAccessKeyRule: {
          Properties: {
            ConfigRuleName: 'Root-Keys',
            MaximumExecutionFrequency: 'One_Hour',
            InputParameters: {
              IgnoreInactiveKeys: 'true',
              RootWithoutCredentials: 'NOT_APPLICABLE',
            },
          },
        },
      },
    });
    pack.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
    const rule = synth({ ...context, packaging: 'rule' }).template;
    rule.hasResourceProperties('AWS::Config::ConfigRule', {
      ConfigRuleName: 'Root-Keys',
      MaximumExecutionFrequency: 'One_Hour',
      InputParameters: { IgnoreInactiveKeys: 'true', RootWithoutCredentials: 'NOT_APPLICABLE' },
    });
  });

  it('fails the synth on an unacknowledged cdk-nag finding', () => {
    const { app, stack } = build();
    new iam.Policy(stack, 'TooBroad', {
      statements: [new iam.PolicyStatement({ actions: ['iam:Get*'], resources: ['*'] })],
      roles: [new iam.Role(stack, 'Other', { assumedBy: new iam.AccountRootPrincipal() })],
    });
    const error = errorOf(() => app.synth());
    expect(error.message).toContain('AwsSolutions-IAM5[Action::iam:Get*]');
    expect(error.message).toContain('RootAccessKeyRule/TooBroad/Resource');
  });

  const RETENTIONS =
    '1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653';

  it.each([
    ['packaging', 'pack', 'conformance-pack, rule'],
    ['deployment', 'org', 'account, organization'],
    ['frequency', 'Daily', 'One_Hour, Three_Hours, Six_Hours, Twelve_Hours, TwentyFour_Hours'],
    ['ignoreInactiveKeys', 'maybe', 'true, false'],
    ['rootWithoutCredentials', 'INSUFFICIENT_DATA', 'COMPLIANT, NOT_APPLICABLE'],
    [
      'ruleName',
      'root access key',
      'a name of 1-64 letters, digits and hyphens that starts with a letter',
    ],
    ['logRetentionDays', '0', RETENTIONS],
  ])('fails clearly on %s=%s', (key, value, allowed) => {
    const error = errorOf(() => build({ [key]: value }));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toBe(
      `Invalid context key "${key}": received "${value}"; allowed: ${allowed}`,
    );
  });

  it('fails on an unknown context key', () => {
    const error = errorOf(() => build({ ignoreInactiveKey: 'true' }));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toContain('Unknown context key "ignoreInactiveKey"');
  });

  it('reserves one concurrent execution by default', () => {
    synth().template.hasResourceProperties('AWS::Lambda::Function', {
      ReservedConcurrentExecutions: 1,
    });
  });

  it('reserves no concurrency with reserveConcurrency=false', () => {
    const [fn] = Object.values(
      synth({ reserveConcurrency: 'false' }).template.findResources('AWS::Lambda::Function'),
    ) as { Properties: Record<string, unknown> }[];
    expect(fn?.Properties).not.toHaveProperty('ReservedConcurrentExecutions');
  });

  it('refuses reserveConcurrency in an organization deployment, pointing to maxConcurrency', () => {
    const error = errorOf(() => build({ deployment: 'organization', reserveConcurrency: 'false' }));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toContain('bounds its central function with "maxConcurrency"');
  });

  it('refuses organization keys without deployment=organization, naming them', () => {
    const error = errorOf(() => build({ organizationId: 'o-abcdefghij', maxConcurrency: '5' }));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toBe(
      'Context keys "organizationId", "maxConcurrency" apply only to an organization deployment, but "deployment" is "account"; add -c deployment=organization, or remove them',
    );
  });

  it('refuses packaging=rule for an organization deployment', () => {
    const error = errorOf(() => build({ deployment: 'organization', packaging: 'rule' }));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toContain('received "rule" with deployment=organization');
  });

  it('adds no stack for the management account when the central account is the management account', () => {
    const { app } = synth({ ...ORGANIZATION_CONTEXT, deployment: 'organization' });
    expect(app.node.tryFindChild(MANAGEMENT_ROLE_STACK_ID)).toBeUndefined();
  });

  it("with delegatedAdmin, adds the management account's member role, trusting the CentralRoleArn and AlertRoleArn parameters", () => {
    const { app, stack } = synth({
      ...ORGANIZATION_CONTEXT,
      deployment: 'organization',
      delegatedAdmin: 'true',
      memberRoleName: 'OrgRootKeyAudit',
    });
    const management = app.node.findChild(MANAGEMENT_ROLE_STACK_ID) as MemberRoleStack;
    expect(management).toBeInstanceOf(MemberRoleStack);
    expect(Annotations.fromStack(management).findError('*', Match.anyValue())).toEqual([]);
    const template = Template.fromStack(management).toJSON();
    // A plain template: deployable with aws cloudformation deploy, no CDK bootstrap.
    expect(Object.keys(template.Parameters)).toEqual([
      CENTRAL_ROLE_ARN_PARAMETER,
      ALERT_ROLE_ARN_PARAMETER,
    ]);
    expect(Object.keys(template.Resources)).toEqual([MEMBER_ROLE_LOGICAL_ID]);
    const role = template.Resources[MEMBER_ROLE_LOGICAL_ID].Properties;
    expect(role.RoleName).toBe('OrgRootKeyAudit');
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: {
          AWS: [{ Ref: ALERT_ROLE_ARN_PARAMETER }, { Ref: CENTRAL_ROLE_ARN_PARAMETER }],
        },
      },
    ]);
    // The same role as the central copy and the StackSet's: same actions, same name.
    const central = Template.fromStack(stack).findResources('AWS::IAM::Role', {
      Properties: { RoleName: 'OrgRootKeyAudit' },
    });
    expect(Object.values(central)[0]?.Properties.Policies).toEqual(role.Policies);
  });

  it('hands an organization deployment to the organization stack, which needs its own keys', () => {
    const error = errorOf(() => build({ deployment: 'organization' }));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toContain('context key "organizationId"');
  });
});

describe('defaultEnvironment', () => {
  it('takes the account and Region the CDK CLI sets', () => {
    expect(
      defaultEnvironment({
        CDK_DEFAULT_ACCOUNT: '222222222222',
        CDK_DEFAULT_REGION: 'eu-central-1',
      }),
    ).toEqual({
      account: '222222222222',
      region: 'eu-central-1',
    });
  });

  it('falls back to offline placeholders without credentials', () => {
    expect(defaultEnvironment({})).toEqual({ account: OFFLINE_ACCOUNT, region: OFFLINE_REGION });
    expect(OFFLINE_ACCOUNT).toBe('123456789012');
    expect(OFFLINE_REGION).toBe('us-east-1');
  });
});
