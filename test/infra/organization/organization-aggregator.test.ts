import { Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { InvalidSettingError } from '../../../definition/errors.js';
import { DefaultName } from '../../../definition/names.js';
import { OrganizationAggregator } from '../../../infra/organization/index.js';
import { errorOf, onlyResource, synthesizeOnce, TEST_ENV, testApp } from '../support.js';

/** Every configuration the tests read, synthesized once. */
const synthesized = synthesizeOnce({
  Central: (stack) => new OrganizationAggregator(stack, 'Aggregator'),
  Named: (stack) => new OrganizationAggregator(stack, 'Aggregator', { aggregatorName: 'org-wide' }),
});

/** The template of the default aggregator, or of the one named `org-wide`. */
function synth(aggregatorName?: 'org-wide'): Template {
  return synthesized()[aggregatorName === undefined ? 'Central' : 'Named'].template;
}

/** Builds an aggregator in a stack of its own, unsynthesized: for the names it refuses. */
function build(aggregatorName: string) {
  const stack = new Stack(testApp(), 'Central', { env: TEST_ENV });
  return new OrganizationAggregator(stack, 'Aggregator', { aggregatorName });
}

describe('OrganizationAggregator', () => {
  it('aggregates every account and every Region of the organization through its own role', () => {
    const template = synth();
    const role = onlyResource(template, 'AWS::IAM::Role');
    const aggregator = onlyResource(template, 'AWS::Config::ConfigurationAggregator');
    expect(aggregator.resource.Properties).toEqual({
      ConfigurationAggregatorName: DefaultName.aggregator,
      OrganizationAggregationSource: {
        AllAwsRegions: true,
        RoleArn: { 'Fn::GetAtt': [role.id, 'Arn'] },
      },
    });
    expect(aggregator.resource.DependsOn).toContain(role.id);
  });

  it('gives its role to AWS Config only, for its own account, with the managed policy Config documents for organizations', () => {
    const role = onlyResource(synth(), 'AWS::IAM::Role').resource.Properties;
    expect(role.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'config.amazonaws.com' },
          // Confused deputy: Config acting for another account may not use the role.
          Condition: { StringEquals: { 'aws:SourceAccount': TEST_ENV.account } },
        },
      ],
    });
    expect(role.ManagedPolicyArns).toEqual([
      {
        'Fn::Join': [
          '',
          [
            'arn:',
            { Ref: 'AWS::Partition' },
            ':iam::aws:policy/service-role/AWSConfigRoleForOrganizations',
          ],
        ],
      },
    ]);
    expect(role).not.toHaveProperty('Policies');
  });

  it('takes a custom name and rejects one Config would refuse', () => {
    expect(
      onlyResource(synth('org-wide'), 'AWS::Config::ConfigurationAggregator').resource.Properties
        .ConfigurationAggregatorName,
    ).toBe('org-wide');
    const error = errorOf(() => build('org wide'));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toContain('aggregatorName: received "org wide"');
  });
});
