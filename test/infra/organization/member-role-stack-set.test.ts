import { Lazy, Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { InvalidSettingError } from '../../../definition/errors.js';
import {
  CENTRAL_ROLE_ARN_PARAMETER,
  MEMBER_ROLE_LOGICAL_ID,
  MemberRoleStackSet,
  type MemberRoleStackSetProps,
} from '../../../infra/organization/index.js';
import { errorOf, onlyResource, synthesizeOnce, TEST_ENV, testApp } from '../support.js';
import { bodyOf } from '../template-body.js';
import { at } from './support.js';

const CENTRAL_ROLE_ARN = 'arn:aws:iam::111111111111:role/central-function-role';

const PROPS: MemberRoleStackSetProps = {
  memberRoleName: 'RootAccessKeyRuleMember',
  centralRoleArn: CENTRAL_ROLE_ARN,
  organizationalUnitIds: ['ou-ab12-abcdefgh'],
};

/** Builds a StackSet in a stack of its own, unsynthesized: for the props it refuses. */
function build(props: Partial<MemberRoleStackSetProps> = {}) {
  const stack = new Stack(testApp(), 'Central', { env: TEST_ENV });
  return new MemberRoleStackSet(stack, 'MemberRoleStackSet', { ...PROPS, ...props });
}

const stackSet =
  (props: Partial<MemberRoleStackSetProps> = {}) =>
  (stack: Stack) =>
    new MemberRoleStackSet(stack, 'MemberRoleStackSet', { ...PROPS, ...props });

/** Every configuration the tests read, synthesized once. */
const synthesized = synthesizeOnce({
  Central: stackSet(),
  TwoTargets: stackSet({ organizationalUnitIds: ['ou-ab12-abcdefgh', 'r-ab12'] }),
  Excluded: stackSet({ excludedAccounts: ['111111111111', '222222222222', '111111111111'] }),
  DelegatedAdmin: stackSet({ callAs: 'DELEGATED_ADMIN' }),
});

/** The StackSet resource of a configuration. */
function synth(name: keyof ReturnType<typeof synthesized> = 'Central') {
  return onlyResource(synthesized()[name].template, 'AWS::CloudFormation::StackSet').resource;
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
    expect(synth('TwoTargets').Properties.StackInstancesGroup).toEqual([
      {
        Regions: ['eu-west-1'],
        DeploymentTargets: { OrganizationalUnitIds: ['ou-ab12-abcdefgh', 'r-ab12'] },
      },
    ]);
  });

  it('leaves out excluded accounts with a DIFFERENCE filter', () => {
    const group = at(synth('Excluded').Properties, 'StackInstancesGroup', 0);
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
    expect(synth('DelegatedAdmin').Properties.CallAs).toBe('DELEGATED_ADMIN');
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
    const error = errorOf(() => build(props));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toMatch(message);
  });

  it('says an empty target list needs at least one item, each an OU id or the root id', () => {
    expect(errorOf(() => build({ organizationalUnitIds: [] })).message).toBe(
      'Invalid MemberRoleStackSet prop organizationalUnitIds: received an empty list; allowed: a list of at least one item, each an OU id (ou-<4-32 characters>-<8-32 characters>, such as ou-ab12-cdefgh34) or the root id (r-<4-32 characters>, such as r-ab12)',
    );
  });

  it('rejects a role name only known at deployment, since the template needs it written out', () => {
    expect(() => build({ memberRoleName: Lazy.string({ produce: () => 'LateRole' }) })).toThrow(
      /memberRoleName: received a token/,
    );
  });
});
