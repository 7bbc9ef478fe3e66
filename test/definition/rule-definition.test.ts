import { describe, expect, it } from 'vitest';
import {
  configRuleDefinition,
  inputParameters,
  toCloudFormation,
} from '../../definition/rule-definition.js';
import { resolveRuleSettings } from '../../definition/settings.js';

const FUNCTION_ARN = 'arn:aws:lambda:eu-west-1:111111111111:function:root-access-key-rule';

describe('configRuleDefinition', () => {
  it('is the rule as CfnConfigRuleProps spell it, on a periodic trigger at its frequency', () => {
    const rule = configRuleDefinition(
      resolveRuleSettings({ frequency: 'Six_Hours', ignoreInactiveKeys: true }),
      FUNCTION_ARN,
    );
    expect(rule).toEqual({
      configRuleName: 'root-access-key-rule',
      description: expect.stringContaining('root user has no access key'),
      inputParameters: { IgnoreInactiveKeys: 'true', RootWithoutCredentials: 'COMPLIANT' },
      maximumExecutionFrequency: 'Six_Hours',
      source: {
        owner: 'CUSTOM_LAMBDA',
        sourceIdentifier: FUNCTION_ARN,
        sourceDetails: [
          {
            eventSource: 'aws.config',
            messageType: 'ScheduledNotification',
            maximumExecutionFrequency: 'Six_Hours',
          },
        ],
      },
    });
  });
});

describe('inputParameters', () => {
  it('writes every parameter that has a value as a string, and leaves out the others', () => {
    expect(inputParameters(resolveRuleSettings({}))).toEqual({
      IgnoreInactiveKeys: 'false',
      RootWithoutCredentials: 'COMPLIANT',
    });
    expect(
      inputParameters(resolveRuleSettings({ executionRoleName: 'security/RootKeyRule' })),
    ).toMatchObject({ ExecutionRoleName: 'security/RootKeyRule' });
  });
});

describe('toCloudFormation', () => {
  it("spells every key as CloudFormation does, but the parameters' names", () => {
    expect(
      toCloudFormation({
        configRuleName: 'r',
        inputParameters: { IgnoreInactiveKeys: 'true', lowerCase: 'x' },
        source: { sourceDetails: [{ eventSource: 'aws.config' }] },
      }),
    ).toEqual({
      ConfigRuleName: 'r',
      InputParameters: { IgnoreInactiveKeys: 'true', lowerCase: 'x' },
      Source: { SourceDetails: [{ EventSource: 'aws.config' }] },
    });
  });
});
