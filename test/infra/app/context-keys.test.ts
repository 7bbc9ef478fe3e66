import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { InvalidSettingError } from '../../../definition/errors.js';
import {
  assertKnownContextKeys,
  ContextKey,
  suggestContextKey,
} from '../../../infra/app/context-keys.js';
import { errorOf } from '../support.js';

describe('assertKnownContextKeys', () => {
  it('accepts the app keys and the keys of CDK itself', () => {
    const known = Object.fromEntries(Object.values(ContextKey).map((key) => [key, 'x']));
    expect(() =>
      assertKnownContextKeys({
        ...known,
        'cli-telemetry': false,
        '@aws-cdk/core:target-partitions': ['aws'],
        'aws:cdk:bundling-stacks': [],
        'availability-zones:account=111111111111:region=eu-west-1': ['eu-west-1a'],
      }),
    ).not.toThrow();
  });

  it('rejects a misspelt key, listing the keys allowed', () => {
    const error = errorOf(() => assertKnownContextKeys({ frequncy: 'One_Hour' }));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toBe(
      `Unknown context key "frequncy" (did you mean "frequency"?); context keys are case-sensitive camelCase words; allowed keys: ${Object.values(ContextKey).join(', ')}`,
    );
    expect(error.message).toContain('reserveConcurrency, ');
    expect(error.message).toContain('restrictInvokeToOrganization');
  });

  it.each([
    ['IgnoreInactiveKeys', 'ignoreInactiveKeys'],
    ['RootWithoutCredentials', 'rootWithoutCredentials'],
    ['Frequency', 'frequency'],
    ['rule-name', 'ruleName'],
    ['RULE_NAME', 'ruleName'],
    ['ExecutionRoleName', 'memberRoleName'],
    ['MaximumExecutionFrequency', 'frequency'],
  ])('rejects %s in any spelling, suggesting %s', (key, suggestion) => {
    const error = errorOf(() => assertKnownContextKeys({ [key]: 'true' }));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toContain(`Unknown context key "${key}" (did you mean "${suggestion}"?)`);
  });

  it('rejects a key that resembles none, without a suggestion, and names every unknown key', () => {
    const error = errorOf(() => assertKnownContextKeys({ 'my-setting': 1, Other: 2 }));
    expect(error.message).toMatch(/^Unknown context keys "my-setting", "Other"; /);
  });

  it('refuses such keys in a real app context, where -c puts them', () => {
    const app = new App({ context: { Frequency: 'One_Hour' } });
    expect(() => assertKnownContextKeys(app.node.getAllContext())).toThrow(
      'Unknown context key "Frequency" (did you mean "frequency"?)',
    );
  });
});

describe('suggestContextKey', () => {
  it('finds nothing for a word far from every key', () => {
    expect(suggestContextKey('colour')).toBeUndefined();
  });
});
