import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { InvalidSettingError } from '../../../definition/errors.js';
import { RootAccessKeyPreventionPolicy } from '../../../infra/organization/index.js';
import { errorOf, onlyResource, schemaDiagnostics, TEST_ENV, testApp } from '../support.js';
import { synthesizeOrganizations } from './support.js';

/** The policies the tests read, by Region: one app, synthesized once. */
let policies: Map<string, Template> | undefined;

function policyOf(region: string): Template {
  if (policies === undefined) {
    const app = testApp();
    const stacks = [
      ['eu-west-1', ['ou-ab12-abcdefgh', 'r-ab12']],
      ['us-gov-west-1', ['r-ab12']],
      ['cn-north-1', ['r-ab12']],
    ].map(([name, targetIds]) => {
      const stack = new Stack(app, `Test-${name}`, { env: { ...TEST_ENV, region: String(name) } });
      new RootAccessKeyPreventionPolicy(stack, 'Prevent', { targetIds: targetIds as string[] });
      return [String(name), stack] as const;
    });
    app.synth();
    policies = new Map(stacks.map(([name, stack]) => [name, Template.fromStack(stack)]));
  }
  const template = policies.get(region);
  if (template === undefined) throw new Error(`no policy for ${region}`);
  return template;
}

/** Builds a policy in a stack of its own, unsynthesized: for the targets it refuses. */
function build(targetIds: string[]) {
  const stack = new Stack(testApp(), 'Test', { env: TEST_ENV });
  return new RootAccessKeyPreventionPolicy(stack, 'Prevent', { targetIds });
}

const organizations = synthesizeOrganizations({
  RootAccessKeyRuleOrganization: {},
  Prevent: { preventRootAccessKeys: true },
});

describe('RootAccessKeyPreventionPolicy', () => {
  it('is a service control policy denying the root user iam:CreateAccessKey, on the targets', () => {
    const template = policyOf('eu-west-1');
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
    const { resource } = onlyResource(policyOf(region), 'AWS::Organizations::Policy');
    expect(JSON.stringify(resource.Properties.Content)).toContain(`"arn:${partition}:iam::*:root"`);
  });

  it('refuses no target or a malformed one', () => {
    const none = errorOf(() => build([]));
    expect(none).toBeInstanceOf(InvalidSettingError);
    expect(none.message).toBe(
      'Invalid RootAccessKeyPreventionPolicy prop targetIds: received an empty list; allowed: a list of at least one item, each an OU id (ou-<4-32 characters>-<8-32 characters>, such as ou-ab12-cdefgh34) or the root id (r-<4-32 characters>, such as r-ab12)',
    );
    expect(errorOf(() => build(['o-abcdefghij'])).message).toContain(
      'RootAccessKeyPreventionPolicy prop targetIds: received "o-abcdefghij"',
    );
  });
});

describe('OrganizationStack with preventRootAccessKeys', () => {
  it('attaches the policy to the deployment targets, only when asked', () => {
    const { RootAccessKeyRuleOrganization: defaults, Prevent: prevent } = organizations();
    expect(defaults.template.findResources('AWS::Organizations::Policy')).toEqual({});
    const { template } = prevent;
    const { resource } = onlyResource(template, 'AWS::Organizations::Policy');
    expect(resource.Properties.TargetIds).toEqual(['ou-ab12-abcdefgh', 'r-ab12']);
    expect(JSON.stringify(resource.Properties.Content)).toContain('iam:CreateAccessKey');
  });
});
