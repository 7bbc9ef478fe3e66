import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { InvalidSettingError } from '../../../definition/errors.js';
import { RootAccessKeyPreventionPolicy } from '../../../infra/organization/index.js';
import { errorOf, onlyResource, schemaDiagnostics, TEST_ENV, testApp } from '../support.js';
import { synthOrganization } from './support.js';

function policyOf(region: string, targetIds: string[]) {
  const stack = new Stack(testApp(), 'Test', { env: { ...TEST_ENV, region } });
  new RootAccessKeyPreventionPolicy(stack, 'Prevent', { targetIds });
  return Template.fromStack(stack);
}

describe('RootAccessKeyPreventionPolicy', () => {
  it('is a service control policy denying the root user iam:CreateAccessKey, on the targets', () => {
    const template = policyOf('eu-west-1', ['ou-ab12-abcdefgh', 'r-ab12']);
    const { resource } = onlyResource(template, 'AWS::Organizations::Policy');
    expect(resource.Properties).toMatchObject({
      Type: 'SERVICE_CONTROL_POLICY',
      TargetIds: ['ou-ab12-abcdefgh', 'r-ab12'],
      Content: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'DenyRootUserAccessKeyCreation',
            Effect: 'Deny',
            Action: 'iam:CreateAccessKey',
            Resource: '*',
            Condition: { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:root' } },
          },
        ],
      },
    });
    expect(schemaDiagnostics(template)).toEqual([]);
  });

  it.each([
    ['us-gov-west-1', 'aws-us-gov'],
    ['cn-north-1', 'aws-cn'],
  ])('names the root principals of the partition of %s', (region, partition) => {
    const { resource } = onlyResource(policyOf(region, ['r-ab12']), 'AWS::Organizations::Policy');
    expect(JSON.stringify(resource.Properties.Content)).toContain(`"arn:${partition}:iam::*:root"`);
  });

  it('refuses no target or a malformed one', () => {
    expect(errorOf(() => policyOf('eu-west-1', []))).toBeInstanceOf(InvalidSettingError);
    expect(errorOf(() => policyOf('eu-west-1', ['o-abcdefghij'])).message).toContain(
      'RootAccessKeyPreventionPolicy prop targetIds: received "o-abcdefghij"',
    );
  });
});

describe('OrganizationStack with preventRootAccessKeys', () => {
  it('attaches the policy to the deployment targets, only when asked', () => {
    expect(synthOrganization().template.findResources('AWS::Organizations::Policy')).toEqual({});
    const { template } = synthOrganization({ preventRootAccessKeys: 'true' });
    const { resource } = onlyResource(template, 'AWS::Organizations::Policy');
    expect(resource.Properties.TargetIds).toEqual(['ou-ab12-abcdefgh', 'r-ab12']);
    expect(JSON.stringify(resource.Properties.Content)).toContain('iam:CreateAccessKey');
  });
});
