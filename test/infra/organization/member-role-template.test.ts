import { describe, expect, it } from 'vitest';
import {
  CENTRAL_ROLE_ARN_PARAMETER,
  MEMBER_ROLE_LOGICAL_ID,
  renderMemberRoleTemplate,
} from '../../../infra/organization/index.js';
import { CDK_JSON_CONTEXT, schemaDiagnostics } from '../support.js';
import { at } from './support.js';

describe('renderMemberRoleTemplate', () => {
  const template = renderMemberRoleTemplate({
    roleName: 'RootAccessKeyRuleMember',
    featureFlags: CDK_JSON_CONTEXT,
  });

  it('holds the member role and nothing else: no bootstrap parameter, no CDK metadata', () => {
    expect(Object.keys(at(template, 'Resources') as object)).toEqual([MEMBER_ROLE_LOGICAL_ID]);
    expect(at(template, 'Resources', MEMBER_ROLE_LOGICAL_ID, 'Type')).toBe('AWS::IAM::Role');
    expect(Object.keys(at(template, 'Parameters') as object)).toEqual([CENTRAL_ROLE_ARN_PARAMETER]);
    expect(template).not.toHaveProperty('Rules');
    expect(template).not.toHaveProperty(['Resources', MEMBER_ROLE_LOGICAL_ID, 'Metadata']);
  });

  it('takes the trusted central role ARN as a parameter that only accepts role ARNs', () => {
    const parameter = at(template, 'Parameters', CENTRAL_ROLE_ARN_PARAMETER) as {
      Type: string;
      AllowedPattern: string;
    };
    expect(parameter.Type).toBe('String');
    const pattern = new RegExp(parameter.AllowedPattern);
    expect(pattern.test('arn:aws:iam::111111111111:role/central')).toBe(true);
    expect(pattern.test('arn:aws-us-gov:iam::111111111111:role/central')).toBe(true);
    expect(pattern.test('arn:aws:iam::111111111111:root')).toBe(false);
    expect(pattern.test('*')).toBe(false);
    expect(
      at(template, 'Resources', MEMBER_ROLE_LOGICAL_ID, 'Properties', 'AssumeRolePolicyDocument'),
    ).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { AWS: { Ref: CENTRAL_ROLE_ARN_PARAMETER } },
        },
      ],
    });
  });

  it('names the role as asked', () => {
    const other = renderMemberRoleTemplate({ roleName: 'OrgAudit-RootKeys' });
    expect(at(other, 'Resources', MEMBER_ROLE_LOGICAL_ID, 'Properties', 'RoleName')).toBe(
      'OrgAudit-RootKeys',
    );
  });

  it('renders a role name and feature flags once, giving each caller a copy of its own', () => {
    const again = renderMemberRoleTemplate({
      roleName: 'RootAccessKeyRuleMember',
      featureFlags: CDK_JSON_CONTEXT,
    });
    expect(again).toEqual(template);
    expect(again).not.toBe(template);
    (again.Resources as Record<string, unknown>)[MEMBER_ROLE_LOGICAL_ID] = 'changed';
    expect(at(template, 'Resources', MEMBER_ROLE_LOGICAL_ID, 'Type')).toBe('AWS::IAM::Role');
    const withoutFlags = renderMemberRoleTemplate({ roleName: 'RootAccessKeyRuleMember' });
    expect(withoutFlags).not.toBe(template);
  });

  it('matches the CloudFormation schema of its resources', () => {
    expect(schemaDiagnostics(template)).toEqual([]);
  });

  it('is checked by a schema validator that does catch a malformed role', () => {
    const broken = structuredClone(template) as {
      Resources: Record<string, { Properties: object }>;
    };
    const role = broken.Resources[MEMBER_ROLE_LOGICAL_ID];
    if (role === undefined) throw new Error('no role');
    role.Properties = { ...role.Properties, Policy: 'not a property of AWS::IAM::Role' };
    expect(schemaDiagnostics(broken).map((d) => d.propertyPath)).toContain('Properties.Policy');
  });
});
