import { Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { InvalidSettingError } from '../../../definition/errors.js';
import { ALL_RULE_IAM_ACTIONS } from '../../../definition/permissions.js';
import { MemberRole } from '../../../infra/organization/index.js';
import { errorOf, synthesizeOnce, TEST_ENV, testApp } from '../support.js';

const CENTRAL_ROLE_ARN = 'arn:aws:iam::111111111111:role/central-function-role';

const role = (roleName: string) => (stack: Stack) =>
  new MemberRole(stack, 'MemberRole', { roleName, centralRoleArn: CENTRAL_ROLE_ARN });

/** Every configuration the tests read, synthesized once. */
const synthesized = synthesizeOnce({
  Plain: role('RootAccessKeyRuleMember'),
  UnderPath: role('security/team/RootKeyRule'),
});

const roleTemplate = (name: keyof ReturnType<typeof synthesized> = 'Plain') =>
  synthesized()[name].template;

/** Builds a role in a stack of its own, unsynthesized: for the names it refuses. */
function build(roleName: string) {
  const stack = new Stack(testApp(), 'Test', { env: TEST_ENV });
  return new MemberRole(stack, 'MemberRole', { roleName, centralRoleArn: CENTRAL_ROLE_ARN });
}

describe('MemberRole', () => {
  it('is trusted only by the central role, by its ARN', () => {
    roleTemplate().hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'RootAccessKeyRuleMember',
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: CENTRAL_ROLE_ARN } },
        ],
      },
    });
  });

  it('puts a role name given under an IAM path into Path and RoleName', () => {
    roleTemplate('UnderPath').hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'RootKeyRule',
      Path: '/security/team/',
    });
    const plain = Object.values(roleTemplate().findResources('AWS::IAM::Role'))[0];
    expect(plain?.Properties.Path).toBeUndefined();
  });

  it('allows exactly the four actions of the rule, in one inline policy, and nothing else', () => {
    const template = roleTemplate();
    template.resourceCountIs('AWS::IAM::Policy', 0);
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
    const role = Object.values(template.findResources('AWS::IAM::Role'))[0];
    expect(role?.Properties.ManagedPolicyArns).toBeUndefined();
    expect(role?.Properties.Policies).toEqual([
      {
        PolicyName: 'RootAccessKeyEvaluation',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              // Sorted: cdk.json turns on policy minimization, which sorts actions.
              Action: [
                'config:PutEvaluations',
                'iam:GenerateCredentialReport',
                'iam:GetAccountSummary',
                'iam:GetCredentialReport',
              ],
              Resource: '*',
            },
          ],
        },
      },
    ]);
    expect(ALL_RULE_IAM_ACTIONS).toHaveLength(4);
  });

  it.each(['has//double-slash', '', 'x'.repeat(65), 'space name'])(
    'rejects the role name %j',
    (roleName) => {
      const error = errorOf(() => build(roleName));
      expect(error).toBeInstanceOf(InvalidSettingError);
      expect(error.message).toMatch(/MemberRole prop roleName.*an IAM role name/);
    },
  );
});
