import { Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { InvalidSettingError } from '../../../definition/errors.js';
import {
  CENTRAL_ROLE_ARN_PARAMETER,
  MEMBER_ROLE_LOGICAL_ID,
  MemberRoleStackSet,
  type MemberRoleStackSetProps,
} from '../../../infra/organization/index.js';
import { errorOf, onlyResource, TEST_ENV, testApp } from '../support.js';
import { bodyOf } from '../template-body.js';
import { at } from './support.js';

const CENTRAL_ROLE_ARN = 'arn:aws:iam::111111111111:role/central-function-role';

function synth(props: Partial<MemberRoleStackSetProps> = {}) {
  const stack = new Stack(testApp(), 'Central', { env: TEST_ENV });
  new MemberRoleStackSet(stack, 'MemberRoleStackSet', {
    memberRoleName: 'RootAccessKeyRuleMember',
    centralRoleArn: CENTRAL_ROLE_ARN,
    organizationalUnitIds: ['ou-ab12-abcdefgh'],
    ...props,
  });
  return onlyResource(Template.fromStack(stack), 'AWS::CloudFormation::StackSet').resource;
}

describe('MemberRoleStackSet', () => {
  it('is service-managed and auto-deploys to accounts that join the OUs, removing stacks of those that leave', () => {
    const properties = synth().Properties;
    expect(properties).toMatchObject({
      PermissionModel: 'SERVICE_MANAGED',
      AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: false },
      Capabilities: ['CAPABILITY_NAMED_IAM'],
      ManagedExecution: { Active: true },
      CallAs: 'SELF',
      StackSetName: 'Central-MemberRole',
    });
  });

  it('targets the OUs in the home Region only, since IAM is global', () => {
    expect(
      synth({ organizationalUnitIds: ['ou-ab12-abcdefgh', 'r-ab12'] }).Properties
        .StackInstancesGroup,
    ).toEqual([
      {
        Regions: ['eu-west-1'],
        DeploymentTargets: { OrganizationalUnitIds: ['ou-ab12-abcdefgh', 'r-ab12'] },
      },
    ]);
  });

  it('leaves out excluded accounts with a DIFFERENCE filter', () => {
    const group = at(
      synth({ excludedAccounts: ['111111111111', '222222222222', '111111111111'] }).Properties,
      'StackInstancesGroup',
      0,
    );
    expect(group).toEqual({
      Regions: ['eu-west-1'],
      DeploymentTargets: {
        OrganizationalUnitIds: ['ou-ab12-abcdefgh'],
        AccountFilterType: 'DIFFERENCE',
        Accounts: ['111111111111', '222222222222'],
      },
    });
  });

  it('rolls out to many accounts in parallel, tolerating isolated failures', () => {
    expect(synth().Properties.OperationPreferences).toEqual({
      MaxConcurrentPercentage: 25,
      FailureTolerancePercentage: 10,
      ConcurrencyMode: 'SOFT_FAILURE_TOLERANCE',
      RegionConcurrencyType: 'PARALLEL',
    });
  });

  it('passes the central role ARN to the template parameter the role trusts', () => {
    const properties = synth().Properties;
    expect(properties.Parameters).toEqual([
      { ParameterKey: CENTRAL_ROLE_ARN_PARAMETER, ParameterValue: CENTRAL_ROLE_ARN },
    ]);
    const body = bodyOf(properties.TemplateBody);
    expect(
      at(
        body,
        'Resources',
        MEMBER_ROLE_LOGICAL_ID,
        'Properties',
        'AssumeRolePolicyDocument',
        'Statement',
      ),
    ).toEqual([
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { AWS: { Ref: CENTRAL_ROLE_ARN_PARAMETER } },
      },
    ]);
  });

  it('calls as delegated administrator when asked', () => {
    expect(synth({ callAs: 'DELEGATED_ADMIN' }).Properties.CallAs).toBe('DELEGATED_ADMIN');
  });

  it.each<[string, Partial<MemberRoleStackSetProps>, RegExp]>([
    ['no OU', { organizationalUnitIds: [] }, /organizationalUnitIds: received an empty list/],
    [
      'a malformed OU',
      { organizationalUnitIds: ['ou-12'] },
      /organizationalUnitIds: received "ou-12"/,
    ],
    ['an account id as OU', { organizationalUnitIds: ['111111111111'] }, /received "111111111111"/],
    ['a malformed account', { excludedAccounts: ['1111'] }, /excludedAccounts: received "1111"/],
    ['a bad role name', { memberRoleName: 'a b' }, /memberRoleName: received "a b"/],
  ])('rejects %s', (_case, props, message) => {
    const error = errorOf(() => synth(props));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toMatch(message);
  });

  it('rejects a role name only known at deployment, since the template needs it written out', () => {
    expect(() => synth({ memberRoleName: Lazy.string({ produce: () => 'LateRole' }) })).toThrow(
      /memberRoleName: received a token/,
    );
  });
});
