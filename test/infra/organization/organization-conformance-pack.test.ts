import { Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { InvalidSettingError } from '../../../definition/errors.js';
import { PACK_RULE_LOGICAL_ID } from '../../../definition/pack-template.js';
import { Frequency, ParameterName } from '../../../definition/settings.js';
import {
  RootAccessKeyOrganizationConformancePack,
  type RootAccessKeyOrganizationConformancePackProps,
} from '../../../infra/organization/index.js';
import { errorOf, onlyResource, synthesizeOnce, TEST_ENV, testApp } from '../support.js';
import { bodyOf, expectValidRuleTemplate } from '../template-body.js';
import { at } from './support.js';

const FUNCTION_ARN = 'arn:aws:lambda:eu-west-1:111111111111:function:central-rule';

const PROPS: RootAccessKeyOrganizationConformancePackProps = {
  functionArn: FUNCTION_ARN,
  executionRoleName: 'RootAccessKeyRuleMember',
};

/** Builds a pack in a stack of its own, unsynthesized: for the props it refuses. */
function build(props: Partial<RootAccessKeyOrganizationConformancePackProps> = {}) {
  const stack = new Stack(testApp(), 'Central', { env: TEST_ENV });
  return new RootAccessKeyOrganizationConformancePack(stack, 'ConformancePack', {
    ...PROPS,
    ...props,
  });
}

const pack =
  (props: Partial<RootAccessKeyOrganizationConformancePackProps> = {}) =>
  (stack: Stack) =>
    new RootAccessKeyOrganizationConformancePack(stack, 'ConformancePack', { ...PROPS, ...props });

/** Every configuration the tests read, synthesized once. */
const synthesized = synthesizeOnce({
  Central: pack(),
  Custom: pack({
    ruleName: 'root-keys',
    frequency: Frequency.TwelveHours,
    ignoreInactiveKeys: true,
    rootWithoutCredentials: 'NOT_APPLICABLE',
  }),
  Excluded: pack({ excludedAccounts: ['222222222222', '222222222222', '333333333333'] }),
});

/** The pack resource's properties of a configuration. */
function synth(name: keyof ReturnType<typeof synthesized> = 'Central') {
  return onlyResource(synthesized()[name].template, 'AWS::Config::OrganizationConformancePack')
    .resource.Properties;
}

describe('RootAccessKeyOrganizationConformancePack', () => {
  it('holds the custom rule on the central function, assuming the member role in each account', () => {
    const properties = synth('Custom');
    expect(properties.OrganizationConformancePackName).toBe('root-keys');
    const body = bodyOf(properties.TemplateBody);
    expect(Object.keys(at(body, 'Resources') as object)).toEqual([PACK_RULE_LOGICAL_ID]);
    expect(at(body, 'Resources', PACK_RULE_LOGICAL_ID)).toEqual({
      Type: 'AWS::Config::ConfigRule',
      Properties: {
        ConfigRuleName: 'root-keys',
        Description: expect.stringContaining('root user has no access key'),
        InputParameters: {
          [ParameterName.IgnoreInactiveKeys]: 'true',
          [ParameterName.RootWithoutCredentials]: 'NOT_APPLICABLE',
          [ParameterName.ExecutionRoleName]: 'RootAccessKeyRuleMember',
        },
        MaximumExecutionFrequency: 'Twelve_Hours',
        Source: {
          Owner: 'CUSTOM_LAMBDA',
          SourceIdentifier: FUNCTION_ARN,
          SourceDetails: [
            {
              EventSource: 'aws.config',
              MessageType: 'ScheduledNotification',
              MaximumExecutionFrequency: 'Twelve_Hours',
            },
          ],
        },
      },
    });
  });

  it('renders a pack body that matches the CloudFormation schema of AWS::Config::ConfigRule and its allowed values', () => {
    expectValidRuleTemplate(bodyOf(synth().TemplateBody));
  });

  it('excludes the given accounts, once each, and omits the property when there are none', () => {
    expect(synth('Excluded').ExcludedAccounts).toEqual(['222222222222', '333333333333']);
    expect(synth()).not.toHaveProperty('ExcludedAccounts');
  });

  it.each<[string, Partial<RootAccessKeyOrganizationConformancePackProps>, RegExp]>([
    [
      'a malformed excluded account',
      { excludedAccounts: ['22222222222a'] },
      /excludedAccounts: received "22222222222a"/,
    ],
    [
      'more than 1000 excluded accounts',
      { excludedAccounts: Array.from({ length: 1001 }, (_, i) => String(100000000000 + i)) },
      /excludedAccounts: received "1001 accounts"; allowed: at most 1000/,
    ],
    ['a pack name Config rejects', { packName: 'root_keys' }, /packName: received "root_keys"/],
    [
      'a bad execution role name',
      { executionRoleName: 'a b' },
      /RootAccessKeyOrganizationConformancePack prop executionRoleName: received "a b"/,
    ],
  ])('rejects %s', (_case, props, message) => {
    const error = errorOf(() => build(props));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toMatch(message);
  });

  it.each(['functionArn', 'executionRoleName'])(
    'says %s is required when a JavaScript caller leaves it out',
    (name) => {
      const error = errorOf(() => build({ [name]: undefined }));
      expect(error).toBeInstanceOf(InvalidSettingError);
      expect(error.message).toMatch(
        new RegExp(
          `^Missing RootAccessKeyOrganizationConformancePack prop ${name}: it is required; allowed: `,
        ),
      );
      expect(error.message).not.toContain('undefined');
    },
  );
});
