import { Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import {
  ACCEPTED_TRIGGERS_VARIABLE,
  SECURITY_HUB_FINDINGS_VARIABLE,
} from '../../definition/config.js';
import { buildApp } from '../../infra/app/build-app.js';
import { readOrganizationSettings } from '../../infra/app/organization-context.js';
import { RootAccessKeyFunction } from '../../infra/constructs/root-access-key-function.js';
import { MemberRole, OrganizationStack } from '../../infra/organization/index.js';
import { at, ORGANIZATION_CONTEXT } from './organization/support.js';
import { TEST_ENV, testApp } from './support.js';

const PRODUCT_ARN = {
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      ':securityhub:',
      { Ref: 'AWS::Region' },
      ':',
      { Ref: 'AWS::AccountId' },
      ':product/',
      { Ref: 'AWS::AccountId' },
      '/default',
    ],
  ],
};

const IMPORT_STATEMENT = {
  Action: 'securityhub:BatchImportFindings',
  Effect: 'Allow',
  Resource: PRODUCT_ARN,
};

function statements(template: Template): unknown[] {
  const policies = [
    ...Object.values(template.findResources('AWS::IAM::Policy')).map(
      (policy) => policy.Properties.PolicyDocument,
    ),
    ...Object.values(template.findResources('AWS::IAM::Role')).flatMap((role) =>
      (role.Properties.Policies ?? []).map(
        (policy: { PolicyDocument: unknown }) => policy.PolicyDocument,
      ),
    ),
  ];
  return policies.flatMap((document) => (document as { Statement: unknown[] }).Statement);
}

function functionTemplate(props: ConstructorParameters<typeof RootAccessKeyFunction>[2] = {}) {
  const stack = new Stack(testApp(), 'Test', { env: TEST_ENV });
  new RootAccessKeyFunction(stack, 'Function', props);
  return Template.fromStack(stack);
}

describe('securityHubFindings on the function', () => {
  it('is off by default: no environment variable, no Security Hub permission', () => {
    const template = functionTemplate();
    template.hasResourceProperties('AWS::Lambda::Function', { Environment: Match.absent() });
    expect(JSON.stringify(statements(template))).not.toContain('securityhub');
  });

  it('sets the environment and grants BatchImportFindings on the account’s default product only', () => {
    const template = functionTemplate({ securityHubFindings: true });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { [SECURITY_HUB_FINDINGS_VARIABLE]: 'true' } },
    });
    expect(statements(template)).toContainEqual({
      ...IMPORT_STATEMENT,
      Sid: 'ImportFindingsToOwnAccount',
    });
  });

  it('keeps the accepted triggers beside it', () => {
    functionTemplate({
      securityHubFindings: true,
      acceptedTriggers: 'periodic',
    }).hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: {
          [SECURITY_HUB_FINDINGS_VARIABLE]: 'true',
          [ACCEPTED_TRIGGERS_VARIABLE]: 'periodic',
        },
      },
    });
  });

  it('grants nothing in its own account when it acts only through member roles', () => {
    const template = functionTemplate({ securityHubFindings: true, ownAccountPermissions: false });
    expect(JSON.stringify(statements(template))).not.toContain('securityhub');
  });
});

describe('securityHubFindings on the member role', () => {
  function roleStatements(securityHubFindings?: boolean) {
    const stack = new Stack(testApp(), 'Test', { env: TEST_ENV });
    new MemberRole(stack, 'MemberRole', {
      roleName: 'RootAccessKeyRuleMember',
      centralRoleArn: 'arn:aws:iam::111111111111:role/central',
      ...(securityHubFindings !== undefined && { securityHubFindings }),
    });
    return statements(Template.fromStack(stack));
  }

  it('allows BatchImportFindings on the account’s own default product when on, and not otherwise', () => {
    expect(roleStatements(true)).toContainEqual(IMPORT_STATEMENT);
    expect(JSON.stringify(roleStatements())).not.toContain('securityhub');
  });
});

describe('securityHubFindings in the organization deployment', () => {
  function synth(securityHubFindings: boolean) {
    const app = testApp({ ...ORGANIZATION_CONTEXT });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    const stack = new OrganizationStack(app, 'RootAccessKeyRuleOrganization', {
      env: TEST_ENV,
      organization: readOrganizationSettings(app),
      securityHubFindings,
    });
    app.synth();
    return { stack, template: Template.fromStack(stack) };
  }

  it('turns the central function on, grants the central account’s member role and every StackSet role, and passes cdk-nag', () => {
    const { stack, template } = synth(true);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { [SECURITY_HUB_FINDINGS_VARIABLE]: 'true' } },
    });
    expect(statements(template)).toContainEqual(IMPORT_STATEMENT);
    const memberTemplate = stack.memberRoleStackSet.template;
    const memberStatements = at(
      memberTemplate,
      'Resources',
      'MemberRole',
      'Properties',
      'Policies',
      0,
      'PolicyDocument',
      'Statement',
    );
    expect(memberStatements).toContainEqual(IMPORT_STATEMENT);
  });

  it('leaves the StackSet template without Security Hub when off', () => {
    const { stack } = synth(false);
    expect(JSON.stringify(stack.memberRoleStackSet.template)).not.toContain('securityhub');
  });
});

describe('context key securityHubFindings', () => {
  it('turns the findings on in the account deployment', () => {
    const stack = buildApp(testApp({ securityHubFindings: 'true' }), TEST_ENV);
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { [SECURITY_HUB_FINDINGS_VARIABLE]: 'true' } },
    });
  });

  it('turns them on in the organization deployment', () => {
    const stack = buildApp(
      testApp({ ...ORGANIZATION_CONTEXT, deployment: 'organization', securityHubFindings: true }),
      TEST_ENV,
    );
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { [SECURITY_HUB_FINDINGS_VARIABLE]: 'true' } },
    });
  });

  it('refuses a value that is not a boolean', () => {
    expect(() => buildApp(testApp({ securityHubFindings: 'yes' }), TEST_ENV)).toThrow(
      /securityHubFindings/,
    );
  });
});
