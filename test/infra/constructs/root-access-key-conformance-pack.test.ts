import { Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { InvalidSettingError } from '../../../definition/errors.js';
import { PACK_TEMPLATE_MAX_BYTES, packTemplateBytes } from '../../../definition/pack-template.js';
import { Frequency } from '../../../definition/settings.js';
import {
  RootAccessKeyConformancePack,
  type RootAccessKeyConformancePackProps,
} from '../../../infra/constructs/root-access-key-conformance-pack.js';
import {
  errorOf,
  onlyResource,
  parseTemplateBody,
  SAMPLE_FUNCTION_ARN,
  synthesizeOnce,
  TEST_ENV,
  testApp,
} from '../support.js';
import { expectValidRuleTemplate, resolvedPackBody } from '../template-body.js';

const pack =
  (props: RootAccessKeyConformancePackProps = {}) =>
  (stack: Stack) =>
    new RootAccessKeyConformancePack(stack, 'Pack', props);

/** Every configuration the tests read, synthesized once. */
const synthesized = synthesizeOnce({
  defaults: pack(),
  twelveHours: pack({ frequency: Frequency.TwelveHours, ignoreInactiveKeys: true }),
  ruleNamed: pack({ ruleName: 'Root-Keys' }),
  packNamed: pack({ ruleName: 'Root-Keys', conformancePackName: 'Security-Baseline' }),
});

/** A configuration: its pack, template, pack resource and resolved body. */
function built(name: keyof ReturnType<typeof synthesized> = 'defaults') {
  const { built: construct, template } = synthesized()[name];
  const packResource = onlyResource(template, 'AWS::Config::ConformancePack');
  return { pack: construct, template, packResource, body: resolvedPackBody(template) };
}

/** Builds a pack in a stack of its own, unsynthesized. */
function build(props: RootAccessKeyConformancePackProps = {}) {
  const stack = new Stack(testApp(), 'Test', { env: TEST_ENV });
  return { stack, pack: new RootAccessKeyConformancePack(stack, 'Pack', props) };
}

describe('RootAccessKeyConformancePack', () => {
  it('holds exactly the rule on its function, with the default parameters', () => {
    const { packResource, body } = built();
    expect(packResource.resource.Properties.ConformancePackName).toBe('root-access-key-rule');
    expect(parseTemplateBody(body)).toEqual({
      Resources: {
        RootAccessKeyRule: {
          Type: 'AWS::Config::ConfigRule',
          Properties: {
            ConfigRuleName: 'root-access-key-rule',
            Description:
              'Checks that the root user has no access key (CIS AWS Foundations 1.4, AWS Security Hub IAM.4).',
            InputParameters: { IgnoreInactiveKeys: 'false', RootWithoutCredentials: 'COMPLIANT' },
            MaximumExecutionFrequency: 'TwentyFour_Hours',
            Source: {
              Owner: 'CUSTOM_LAMBDA',
              SourceIdentifier: SAMPLE_FUNCTION_ARN,
              SourceDetails: [
                {
                  EventSource: 'aws.config',
                  MessageType: 'ScheduledNotification',
                  MaximumExecutionFrequency: 'TwentyFour_Hours',
                },
              ],
            },
          },
        },
      },
    });
  });

  it('has a body valid against the CloudFormation schema, with allowed values, under 51,200 bytes', () => {
    const { body } = built('twelveHours');
    expectValidRuleTemplate(body);
    expect(packTemplateBytes(body)).toBeLessThan(PACK_TEMPLATE_MAX_BYTES);
  });

  it('is created after the permission that lets AWS Config of its account invoke the function', () => {
    const { template, packResource } = built();
    const permission = onlyResource(template, 'AWS::Lambda::Permission');
    expect(permission.resource.Properties.Principal).toBe('config.amazonaws.com');
    expect(permission.resource.Properties.SourceAccount).toBe(TEST_ENV.account);
    expect(packResource.resource.DependsOn).toContain(permission.id);
  });

  it('takes the pack name from the rule name, or its own prop', () => {
    expect(built('ruleNamed').packResource.resource.Properties.ConformancePackName).toBe(
      'Root-Keys',
    );
    const named = built('packNamed');
    expect(named.packResource.resource.Properties.ConformancePackName).toBe('Security-Baseline');
    expect(parseTemplateBody(named.body)).toMatchObject({
      Resources: { RootAccessKeyRule: { Properties: { ConfigRuleName: 'Root-Keys' } } },
    });
  });

  it('exposes the rendered template', () => {
    const { pack } = build({ frequency: Frequency.ThreeHours });
    // Rendered at construction: no synthesis needed.
    expect(
      pack.template.body.Resources.RootAccessKeyRule.Properties.MaximumExecutionFrequency,
    ).toBe('Three_Hours');
  });

  it('rejects an invalid pack name, naming the prop', () => {
    const error = errorOf(() => build({ conformancePackName: 'security_baseline' }));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toContain('prop conformancePackName');
    expect(error.message).toContain('"security_baseline"');
  });

  it('refuses a second pack of the same default name in the stack, naming the first', () => {
    const { stack } = build();
    const error = errorOf(() => new RootAccessKeyConformancePack(stack, 'Second'));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toBe(
      'Invalid RootAccessKeyConformancePack prop ruleName: received "root-access-key-rule"; allowed: a name no other construct of the stack deploys; Test/Pack already deploys "root-access-key-rule": give one of them another name',
    );
  });

  it('names conformancePackName when the pack name was given, and accepts distinct names', () => {
    const { stack } = build({ conformancePackName: 'Baseline' });
    expect(
      errorOf(
        () =>
          new RootAccessKeyConformancePack(stack, 'Second', {
            ruleName: 'other',
            conformancePackName: 'Baseline',
          }),
      ).message,
    ).toMatch(
      /^Invalid RootAccessKeyConformancePack prop conformancePackName: received "Baseline"/,
    );
    expect(
      () => new RootAccessKeyConformancePack(stack, 'Third', { ruleName: 'other-rule' }),
    ).not.toThrow();
  });
});
