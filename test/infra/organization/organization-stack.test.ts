import { Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCEPTED_TRIGGERS_VARIABLE, AcceptedTriggers } from '../../../definition/config.js';
import { InvalidSettingError } from '../../../definition/errors.js';
import { PACK_RULE_LOGICAL_ID } from '../../../definition/pack-template.js';
import { Frequency, ParameterName } from '../../../definition/settings.js';
import {
  CENTRAL_ROLE_ARN_PARAMETER,
  DEFAULT_ORGANIZATION_SETTINGS,
  MEMBER_ROLE_LOGICAL_ID,
  maxEventAgeFor,
  OrganizationStack,
  type OrganizationStackProps,
} from '../../../infra/organization/index.js';
import {
  errorOf,
  onlyResource,
  parseTemplateBody,
  schemaDiagnostics,
  TEST_ENV,
  testApp,
} from '../support.js';
import { bodyOf, expectValidRuleTemplate, resolvedPackBody } from '../template-body.js';
import {
  at,
  type SynthesizedOrganization,
  synthesizeOrganizations,
  synthOrganization,
} from './support.js';

const FUNCTION_ARN = 'arn:aws:lambda:eu-west-1:111111111111:function:central-rule';

/** The member role's actions, sorted (cdk.json turns on policy minimization, which sorts them). */
const MEMBER_ROLE_ACTIONS = [
  'config:PutEvaluations',
  'iam:GenerateCredentialReport',
  'iam:GetAccountSummary',
  'iam:GetCredentialReport',
];

/** The configurations most tests read, in one app with cdk-nag, synthesized once. */
const synthesized = synthesizeOrganizations({
  /** Every organization prop at its default. */
  RootAccessKeyRuleOrganization: {},
  /** Every optional organization prop but `aggregator` set. */
  Custom: {
    maxConcurrency: 40,
    delegatedAdmin: true,
    excludedAccounts: ['222222222222', '333333333333'],
    memberRoleName: 'OrgRootKeyAudit',
    aggregatorName: 'security-org',
  },
});

/** The configurations of one test each, synthesized once when that test runs. */
const restricted = synthesizeOrganizations({ Restricted: { restrictInvokeToOrganization: true } });
const pathRole = synthesizeOrganizations({ PathRole: { memberRoleName: 'security/RootKeyAudit' } });
const noAggregator = synthesizeOrganizations({ NoAggregator: { aggregator: false } });

let defaults: SynthesizedOrganization;
let custom: SynthesizedOrganization;
beforeAll(() => {
  defaults = synthesized().RootAccessKeyRuleOrganization;
  custom = synthesized().Custom;
});

/** Logical ids of the main resources of a synthesized organization stack. */
function ids({ stack }: SynthesizedOrganization) {
  const id = (construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as never);
  return {
    function: id(stack.ruleFunction.function),
    functionRole: id(stack.ruleFunction.role),
    memberRole: id(stack.memberRole.role),
    stackSet: stack.getLogicalId(stack.memberRoleStackSet.stackSet),
    permission: stack.getLogicalId(stack.invokePermission),
  };
}

function stackSetOf(synthesized: SynthesizedOrganization) {
  return onlyResource(synthesized.template, 'AWS::CloudFormation::StackSet').resource.Properties;
}

function packBodyOf(synthesized: SynthesizedOrganization) {
  return parseTemplateBody(
    resolvedPackBody(synthesized.template, {
      packType: 'AWS::Config::OrganizationConformancePack',
      functionArn: FUNCTION_ARN,
    }),
  );
}

function centralMemberRoleOf(synthesized: SynthesizedOrganization, roleName: string) {
  const roles = Object.values(
    synthesized.template.findResources('AWS::IAM::Role', { Properties: { RoleName: roleName } }),
  );
  if (roles.length !== 1)
    throw new Error(`expected one role named ${roleName}, found ${roles.length}`);
  return roles[0]?.Properties;
}

function functionRoleStatements(synthesized: SynthesizedOrganization): Record<string, unknown>[] {
  const roleId = ids(synthesized).functionRole;
  const policies = synthesized.template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: [{ Ref: roleId }] },
  });
  return Object.values(policies).flatMap(
    (policy) => policy.Properties.PolicyDocument.Statement as Record<string, unknown>[],
  );
}

describe('OrganizationStack', () => {
  describe('central function', () => {
    it('reserves and bounds its concurrency to maxConcurrency', () => {
      defaults.template.hasResourceProperties('AWS::Lambda::Function', {
        ReservedConcurrentExecutions: 10,
      });
      custom.template.hasResourceProperties('AWS::Lambda::Function', {
        ReservedConcurrentExecutions: 40,
      });
    });

    it('may assume only the member role name, only in accounts of the organization, only from its own code', () => {
      const assume = functionRoleStatements(defaults).filter((s) => s.Action === 'sts:AssumeRole');
      expect(assume).toEqual([
        {
          Sid: 'AssumeMemberRolesInOrganization',
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Resource: {
            'Fn::Join': [
              '',
              ['arn:', { Ref: 'AWS::Partition' }, ':iam::*:role/RootAccessKeyRuleMember'],
            ],
          },
          Condition: {
            StringEquals: { 'aws:ResourceOrgID': 'o-abcdefghij' },
            ArnEquals: {
              'lambda:SourceFunctionArn': { 'Fn::GetAtt': [ids(defaults).function, 'Arn'] },
            },
          },
        },
      ]);
    });

    it('keeps the assume-role grant out of what the function depends on (no dependency cycle)', () => {
      const grantId = defaults.stack.getLogicalId(
        defaults.stack.memberRolesGrant.policy.node.defaultChild as never,
      );
      const fn = defaults.template.toJSON().Resources[ids(defaults).function];
      expect(fn.DependsOn ?? []).not.toContain(grantId);
      const pack = onlyResource(defaults.template, 'AWS::Config::OrganizationConformancePack');
      expect(pack.resource.DependsOn).toContain(grantId);
    });

    it('evaluates periodic triggers only: its environment refuses change notifications', () => {
      defaults.template.hasResourceProperties('AWS::Lambda::Function', {
        Environment: { Variables: { [ACCEPTED_TRIGGERS_VARIABLE]: AcceptedTriggers.Periodic } },
      });
    });

    it('retries a failed invocation once, and drops events older than the rule period (at most 6 h)', () => {
      const invokeConfig = onlyResource(defaults.template, 'AWS::Lambda::EventInvokeConfig');
      expect(invokeConfig.resource.Properties).toEqual({
        FunctionName: { Ref: ids(defaults).function },
        Qualifier: '$LATEST',
        MaximumRetryAttempts: 1,
        MaximumEventAgeInSeconds: 6 * 3600,
      });
      const hours = Object.values(Frequency).map((frequency) =>
        maxEventAgeFor(frequency).toHours(),
      );
      expect(hours).toEqual([1, 3, 6, 6, 6]);
    });

    it('outputs its role ARN, for a member role deployed by hand', () => {
      defaults.template.hasOutput('CentralRoleArn', {
        Value: { 'Fn::GetAtt': [ids(defaults).functionRole, 'Arn'] },
      });
    });

    it('acts in accounts only through the member roles: no rule action on its own role, no wildcard action', () => {
      const actions = functionRoleStatements(defaults).flatMap((s) => [s.Action].flat());
      expect(actions).not.toContain('iam:GetAccountSummary');
      expect(actions).not.toContain('config:PutEvaluations');
      expect(actions.filter((action) => String(action).includes('*'))).toEqual([]);
    });

    it('lets AWS Config of any member account invoke it by default: no SourceAccount, no SourceArn', () => {
      const permission = onlyResource(defaults.template, 'AWS::Lambda::Permission').resource
        .Properties;
      expect(permission).toEqual({
        Action: 'lambda:InvokeFunction',
        Principal: 'config.amazonaws.com',
        FunctionName: { 'Fn::GetAtt': [ids(defaults).function, 'Arn'] },
      });
      defaults.template.resourceCountIs('AWS::Lambda::ResourcePolicy', 0);
    });

    it('with restrictInvokeToOrganization, lets Config invoke it only for accounts of the organization', () => {
      const { Restricted: synthesizedRestricted } = restricted();
      const functionId = ids(synthesizedRestricted).function;
      synthesizedRestricted.template.resourceCountIs('AWS::Lambda::Permission', 0);
      const policy = onlyResource(
        synthesizedRestricted.template,
        'AWS::Lambda::ResourcePolicy',
      ).resource;
      expect(policy.Properties).toEqual({
        ResourceArn: { 'Fn::GetAtt': [functionId, 'Arn'] },
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'ConfigOfOrganizationAccounts',
              Effect: 'Allow',
              Principal: { Service: 'config.amazonaws.com' },
              Action: 'lambda:InvokeFunction',
              Resource: { 'Fn::GetAtt': [functionId, 'Arn'] },
              Condition: { StringEquals: { 'aws:SourceOrgID': 'o-abcdefghij' } },
            },
          ],
        },
      });
      const pack = onlyResource(
        synthesizedRestricted.template,
        'AWS::Config::OrganizationConformancePack',
      );
      expect(pack.resource.DependsOn).toContain(
        synthesizedRestricted.stack.getLogicalId(synthesizedRestricted.stack.invokePermission),
      );
    });
  });

  describe('member role of the central account', () => {
    it('is trusted only by the central function role and allows exactly the rule actions', () => {
      const properties = centralMemberRoleOf(defaults, 'RootAccessKeyRuleMember');
      expect(properties.AssumeRolePolicyDocument.Statement).toEqual([
        {
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { AWS: { 'Fn::GetAtt': [ids(defaults).functionRole, 'Arn'] } },
        },
      ]);
      expect(properties.Policies[0].PolicyDocument.Statement).toEqual([
        { Effect: 'Allow', Action: MEMBER_ROLE_ACTIONS, Resource: '*' },
      ]);
    });

    it('is the same definition as the StackSet role, but for the reference to the central role', () => {
      const centralProperties = JSON.stringify(
        centralMemberRoleOf(defaults, 'RootAccessKeyRuleMember'),
      ).replace(
        JSON.stringify({ 'Fn::GetAtt': [ids(defaults).functionRole, 'Arn'] }),
        JSON.stringify({ Ref: CENTRAL_ROLE_ARN_PARAMETER }),
      );
      const body = bodyOf(stackSetOf(defaults).TemplateBody);
      expect(JSON.parse(centralProperties)).toEqual(
        at(body, 'Resources', MEMBER_ROLE_LOGICAL_ID, 'Properties'),
      );
    });
  });

  describe('member-role StackSet', () => {
    it('is service-managed, auto-deploys, and targets the OUs in the home Region without the central account', () => {
      expect(stackSetOf(defaults)).toMatchObject({
        PermissionModel: 'SERVICE_MANAGED',
        AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: false },
        Capabilities: ['CAPABILITY_NAMED_IAM'],
        ManagedExecution: { Active: true },
        CallAs: 'SELF',
        OperationPreferences: {
          MaxConcurrentPercentage: 25,
          FailureTolerancePercentage: 10,
          ConcurrencyMode: 'SOFT_FAILURE_TOLERANCE',
          RegionConcurrencyType: 'PARALLEL',
        },
        StackInstancesGroup: [
          {
            Regions: [TEST_ENV.region],
            DeploymentTargets: {
              OrganizationalUnitIds: ['ou-ab12-abcdefgh', 'r-ab12'],
              AccountFilterType: 'DIFFERENCE',
              Accounts: [TEST_ENV.account],
            },
          },
        ],
        Parameters: [
          {
            ParameterKey: CENTRAL_ROLE_ARN_PARAMETER,
            ParameterValue: { 'Fn::GetAtt': [ids(defaults).functionRole, 'Arn'] },
          },
        ],
      });
    });

    it('deploys a role trusted only by the central role that allows exactly the rule actions', () => {
      const body = bodyOf(stackSetOf(defaults).TemplateBody);
      const role = at(body, 'Resources', MEMBER_ROLE_LOGICAL_ID, 'Properties');
      expect(role).toEqual({
        RoleName: 'RootAccessKeyRuleMember',
        Description: expect.any(String),
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Action: 'sts:AssumeRole',
              Effect: 'Allow',
              Principal: { AWS: { Ref: CENTRAL_ROLE_ARN_PARAMETER } },
            },
          ],
        },
        Policies: [
          {
            PolicyName: 'RootAccessKeyEvaluation',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: MEMBER_ROLE_ACTIONS, Resource: '*' }],
            },
          },
        ],
      });
      expect(schemaDiagnostics(body)).toEqual([]);
    });

    it('calls as delegated administrator when the central account is one', () => {
      expect(stackSetOf(custom).CallAs).toBe('DELEGATED_ADMIN');
    });
  });

  describe('organization conformance pack', () => {
    it('waits for the StackSet, the central member role and the invoke permission', () => {
      const pack = onlyResource(defaults.template, 'AWS::Config::OrganizationConformancePack');
      const { stackSet, memberRole, permission } = ids(defaults);
      expect(pack.resource.DependsOn).toEqual(
        expect.arrayContaining([stackSet, memberRole, permission]),
      );
    });

    it('runs the custom rule on the central function with the member role as ExecutionRoleName', () => {
      const pack = onlyResource(defaults.template, 'AWS::Config::OrganizationConformancePack');
      expect(pack.resource.Properties.OrganizationConformancePackName).toBe('root-access-key-rule');
      expect(pack.resource.Properties).not.toHaveProperty('ExcludedAccounts');
      const rule = at(packBodyOf(defaults), 'Resources', PACK_RULE_LOGICAL_ID, 'Properties');
      expect(rule).toMatchObject({
        ConfigRuleName: 'root-access-key-rule',
        InputParameters: {
          [ParameterName.IgnoreInactiveKeys]: 'false',
          [ParameterName.RootWithoutCredentials]: 'COMPLIANT',
          [ParameterName.ExecutionRoleName]: 'RootAccessKeyRuleMember',
        },
        MaximumExecutionFrequency: 'TwentyFour_Hours',
        Source: {
          Owner: 'CUSTOM_LAMBDA',
          SourceIdentifier: FUNCTION_ARN,
          SourceDetails: [
            {
              EventSource: 'aws.config',
              MessageType: 'ScheduledNotification',
              MaximumExecutionFrequency: 'TwentyFour_Hours',
            },
          ],
        },
      });
    });

    it('has a body that matches the CloudFormation schema of AWS::Config::ConfigRule and its allowed values', () => {
      expectValidRuleTemplate(packBodyOf(defaults));
    });

    it('excludes the excludedAccounts, which get no member role either', () => {
      const synthesized = custom;
      synthesized.template.hasResourceProperties('AWS::Config::OrganizationConformancePack', {
        ExcludedAccounts: ['222222222222', '333333333333'],
      });
      expect(at(stackSetOf(synthesized), 'StackInstancesGroup', 0, 'DeploymentTargets')).toEqual({
        OrganizationalUnitIds: ['ou-ab12-abcdefgh', 'r-ab12'],
        AccountFilterType: 'DIFFERENCE',
        Accounts: [TEST_ENV.account, '222222222222', '333333333333'],
      });
    });
  });

  describe('member role name', () => {
    it('comes from one value: StackSet role, central role, assume-role grant and pack parameter', () => {
      const synthesized = custom;
      const body = bodyOf(stackSetOf(synthesized).TemplateBody);
      expect(at(body, 'Resources', MEMBER_ROLE_LOGICAL_ID, 'Properties', 'RoleName')).toBe(
        'OrgRootKeyAudit',
      );
      expect(centralMemberRoleOf(synthesized, 'OrgRootKeyAudit')).toBeDefined();
      expect(
        at(
          packBodyOf(synthesized),
          'Resources',
          PACK_RULE_LOGICAL_ID,
          'Properties',
          'InputParameters',
        ),
      ).toMatchObject({ [ParameterName.ExecutionRoleName]: 'OrgRootKeyAudit' });
      const assume = functionRoleStatements(synthesized).find((s) => s.Action === 'sts:AssumeRole');
      expect(JSON.stringify(assume?.Resource)).toContain(':iam::*:role/OrgRootKeyAudit');
      expect(JSON.stringify(synthesized.template.toJSON())).not.toContain(
        'RootAccessKeyRuleMember',
      );
    });

    it('may carry an IAM path, which every place reads the same way', () => {
      const { PathRole: underPath } = pathRole();
      const body = bodyOf(stackSetOf(underPath).TemplateBody);
      const role = at(body, 'Resources', MEMBER_ROLE_LOGICAL_ID, 'Properties');
      expect(role).toMatchObject({ RoleName: 'RootKeyAudit', Path: '/security/' });
      expect(centralMemberRoleOf(underPath, 'RootKeyAudit')).toMatchObject({
        Path: '/security/',
      });
      expect(
        at(packBodyOf(underPath), 'Resources', PACK_RULE_LOGICAL_ID, 'Properties'),
      ).toMatchObject({
        InputParameters: { [ParameterName.ExecutionRoleName]: 'security/RootKeyAudit' },
      });
      const assume = functionRoleStatements(underPath).find((s) => s.Action === 'sts:AssumeRole');
      expect(JSON.stringify(assume?.Resource)).toContain(':iam::*:role/security/RootKeyAudit"');
    });
  });

  describe('aggregator', () => {
    it('is created by default over all Regions of the organization', () => {
      defaults.template.hasResourceProperties('AWS::Config::ConfigurationAggregator', {
        ConfigurationAggregatorName: 'root-access-key-rule-organization',
        OrganizationAggregationSource: { AllAwsRegions: true, RoleArn: Match.anyValue() },
      });
    });

    it('takes the name aggregatorName', () => {
      custom.template.hasResourceProperties('AWS::Config::ConfigurationAggregator', {
        ConfigurationAggregatorName: 'security-org',
      });
    });

    it('is left out, with its role, when aggregator is false', () => {
      const { template } = noAggregator().NoAggregator;
      template.resourceCountIs('AWS::Config::ConfigurationAggregator', 0);
      expect(JSON.stringify(template.toJSON())).not.toContain('AWSConfigRoleForOrganizations');
      template.resourceCountIs('AWS::IAM::Role', 2);
    });
  });

  describe('synthesis', () => {
    it('matches the CloudFormation schemas of all its resources', () => {
      expect(schemaDiagnostics(defaults.template.toJSON())).toEqual([]);
    });

    it('passes cdk-nag AwsSolutions, each acknowledgement carrying its reason', () => {
      // synthOrganization ran the checks; a finding without acknowledgement fails synth.
      const acknowledgements = defaults.stack.node.findAll().flatMap((construct) =>
        construct.node.metadata
          .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
          .flatMap((entry) =>
            Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
              path: construct.node.path,
              id,
              reason,
            })),
          ),
      );
      const ours = acknowledgements.filter(({ path }) =>
        /\/(MemberRole\/Resource|Aggregator\/Role|Function\/ServiceRole|AssumeMemberRoles\/Resource)$/.test(
          path,
        ),
      );
      // aws-cdk-lib records acknowledgements under the Annotation:: namespace; cdk-nag reads both.
      const unqualified = (id: string) => id.replace(/^(Annotation|AwsSolutions)::/, '');
      expect(ours.map(({ path, id }) => `${path} ${unqualified(id)}`).sort()).toEqual(
        [
          'RootAccessKeyRuleOrganization/Aggregator/Role AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSConfigRoleForOrganizations]',
          'RootAccessKeyRuleOrganization/AssumeMemberRoles/Resource AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:iam::*:role/RootAccessKeyRuleMember]',
          'RootAccessKeyRuleOrganization/MemberRole/Resource AwsSolutions-IAM5[Resource::*]',
        ].sort(),
      );
      for (const { reason } of acknowledgements) expect(reason.length).toBeGreaterThan(60);
    });

    it('takes the organization settings as flat props, without any context', () => {
      const app = testApp();
      const stack = new OrganizationStack(app, 'Org', {
        env: TEST_ENV,
        organizationId: 'o-zyxwvutsrq',
        organizationalUnitIds: ['ou-zz99-zyxwvuts'],
      });
      expect(stack.organization).toEqual({
        ...DEFAULT_ORGANIZATION_SETTINGS,
        organizationId: 'o-zyxwvutsrq',
        organizationalUnitIds: ['ou-zz99-zyxwvuts'],
      });
      const template = Template.fromStack(stack);
      const stackSet = onlyResource(template, 'AWS::CloudFormation::StackSet').resource.Properties;
      expect(
        at(stackSet, 'StackInstancesGroup', 0, 'DeploymentTargets', 'OrganizationalUnitIds'),
      ).toEqual(['ou-zz99-zyxwvuts']);
      expect(JSON.stringify(template.toJSON())).toContain('"aws:ResourceOrgID":"o-zyxwvutsrq"');
    });

    it('rejects a malformed organization id given as a prop', () => {
      const error = errorOf(
        () =>
          new OrganizationStack(testApp(), 'Org', {
            env: TEST_ENV,
            organizationId: 'r-ab12',
            organizationalUnitIds: ['r-ab12'],
          }),
      );
      expect(error).toBeInstanceOf(InvalidSettingError);
      expect(error.message).toContain('OrganizationStack prop organizationId: received "r-ab12"');
    });

    it.each([
      ['organizationId', { organizationId: undefined }, /Missing context key "organizationId"/],
      [
        'organizationalUnitIds',
        { organizationalUnitIds: undefined },
        /Missing context key "organizationalUnitIds"/,
      ],
      [
        'organizationId',
        { organizationId: 'o-123' },
        /Invalid context key "organizationId": received "o-123"/,
      ],
      [
        'organizationalUnitIds',
        { organizationalUnitIds: 'ou-ab12' },
        /Invalid context key "organizationalUnitIds": item "ou-ab12"/,
      ],
    ])('fails clearly on a missing or malformed %s', (_key, context, message) => {
      const error = errorOf(() => synthOrganization(context));
      expect(error).toBeInstanceOf(InvalidSettingError);
      expect(error.message).toMatch(message);
    });
  });

  describe('props, checked before any resource as their context keys are', () => {
    const create = (props: object) => () =>
      new OrganizationStack(testApp(), 'Org', {
        env: TEST_ENV,
        organizationId: 'o-abcdefghij',
        organizationalUnitIds: ['r-ab12'],
        ...props,
      });

    it('refuses maxConcurrency 99999 with the range of the context key', () => {
      const error = errorOf(create({ maxConcurrency: 99999 }));
      expect(error).toBeInstanceOf(InvalidSettingError);
      expect(error.message).toBe(
        'Invalid OrganizationStack prop maxConcurrency: received number 99999; allowed: an integer from 1 to 900',
      );
    });

    it('names logRetentionDays and lists the retentions CloudWatch Logs accepts (no 9999)', () => {
      const error = errorOf(create({ logRetentionDays: 31 }));
      expect(error.message).toBe(
        'Invalid OrganizationStack prop logRetentionDays: received number 31; allowed: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653',
      );
    });

    it('names the prop the user set, not the inner construct that uses it', () => {
      expect(errorOf(create({ memberRoleName: 'a b' })).message).toMatch(
        /^Invalid OrganizationStack prop memberRoleName: received "a b"; allowed: an IAM role name/,
      );
      expect(errorOf(create({ organizationalUnitIds: ['ou-12'] })).message).toMatch(
        /^Invalid OrganizationStack prop organizationalUnitIds: item "ou-12"/,
      );
      expect(errorOf(create({ aggregatorName: 'a b' })).message).toMatch(
        /^Invalid OrganizationStack prop aggregatorName: received "a b"/,
      );
    });

    it.each(['organizationId', 'organizationalUnitIds'])(
      'says %s is required when a JavaScript caller leaves it out',
      (name) => {
        const error = errorOf(create({ [name]: undefined }));
        expect(error).toBeInstanceOf(InvalidSettingError);
        expect(error.message).toMatch(
          new RegExp(`^Missing OrganizationStack prop ${name}: it is required; allowed: `),
        );
        expect(error.message).not.toContain('undefined');
      },
    );

    it('says an empty OU list is missing, with what an item must be', () => {
      expect(errorOf(create({ organizationalUnitIds: [] })).message).toBe(
        'Missing OrganizationStack prop organizationalUnitIds: it is required; allowed: a comma-separated list of items, each an OU id (ou-<4-32 characters>-<8-32 characters>, such as ou-ab12-cdefgh34) or the root id (r-<4-32 characters>, such as r-ab12)',
      );
    });

    it('reads the deprecated objects without their defaults spread in (no TypeError)', () => {
      // As a JavaScript caller of the earlier API writes it, without DEFAULT_ORGANIZATION_SETTINGS.
      const legacy = {
        env: TEST_ENV,
        settings: { frequency: 'One_Hour' },
        organization: { organizationId: 'o-zyxwvutsrq', organizationalUnitIds: ['r-ab12'] },
      } as unknown as OrganizationStackProps;
      const stack = new OrganizationStack(testApp(), 'Legacy', legacy);
      expect(stack.organization).toEqual({
        ...DEFAULT_ORGANIZATION_SETTINGS,
        organizationId: 'o-zyxwvutsrq',
        organizationalUnitIds: ['r-ab12'],
      });
      expect(stack.conformancePack.template.settings.frequency).toBe('One_Hour');
    });
  });
});
