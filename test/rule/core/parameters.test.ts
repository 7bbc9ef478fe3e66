import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../../rule/src/core/errors.js';
import { parseRuleParameters } from '../../../rule/src/core/parameters.js';

describe('parseRuleParameters', () => {
  it.each([undefined, '', '  ', '{}'])('uses the defaults for %j', (raw) => {
    expect(parseRuleParameters(raw)).toEqual({
      parameters: { ignoreInactiveKeys: false, rootWithoutCredentials: 'COMPLIANT' },
      unknownNames: [],
    });
  });

  it('reads every parameter, booleans in any case', () => {
    const { parameters } = parseRuleParameters(
      JSON.stringify({
        IgnoreInactiveKeys: 'TRUE',
        RootWithoutCredentials: 'not_applicable',
        ExecutionRoleName: 'RootAccessKeyRuleMember',
      }),
    );
    expect(parameters).toEqual({
      ignoreInactiveKeys: true,
      rootWithoutCredentials: 'NOT_APPLICABLE',
      executionRoleName: 'RootAccessKeyRuleMember',
    });
  });

  it('reads False as false', () => {
    expect(
      parseRuleParameters('{"IgnoreInactiveKeys":"False"}').parameters.ignoreInactiveKeys,
    ).toBe(false);
  });

  it('treats a blank value as not set', () => {
    const { parameters } = parseRuleParameters('{"ExecutionRoleName":" ","IgnoreInactiveKeys":""}');
    expect(parameters).toEqual({ ignoreInactiveKeys: false, rootWithoutCredentials: 'COMPLIANT' });
  });

  it('returns unknown names for the log and ignores them', () => {
    const parsed = parseRuleParameters('{"<myParameterKey>":"<myParameterValue>","Other":"1"}');
    expect(parsed.unknownNames).toEqual(['<myParameterKey>', 'Other']);
    expect(parsed.parameters.ignoreInactiveKeys).toBe(false);
  });

  it('names the parameter, the value and what is allowed for a bad boolean', () => {
    expect(() => parseRuleParameters('{"IgnoreInactiveKeys":"yes"}')).toThrow(
      'Rule parameter IgnoreInactiveKeys has an invalid value: received "yes"; expected one of true, false (any case)',
    );
  });

  it('names the allowed results for a bad RootWithoutCredentials', () => {
    expect(() => parseRuleParameters('{"RootWithoutCredentials":"NON_COMPLIANT"}')).toThrow(
      /RootWithoutCredentials.*received "NON_COMPLIANT"; expected one of COMPLIANT, NOT_APPLICABLE/,
    );
  });

  it('accepts an execution role under an IAM path', () => {
    const { parameters } = parseRuleParameters('{"ExecutionRoleName":"security/RootKeyRule"}');
    expect(parameters.executionRoleName).toBe('security/RootKeyRule');
  });

  it.each(['arn:aws:iam::123456789012:role/x', 'path//role', 'a'.repeat(65), 'has space'])(
    'rejects the execution role name %s',
    (name) => {
      expect(() => parseRuleParameters(JSON.stringify({ ExecutionRoleName: name }))).toThrow(
        InvalidParameterError,
      );
    },
  );

  it('rejects a non-string value, saying Config passes strings', () => {
    expect(() => parseRuleParameters('{"IgnoreInactiveKeys":true}')).toThrow(
      /must be a string: received boolean true/,
    );
  });

  it.each([
    ['not json', /not valid JSON/],
    ['[]', /must be a JSON object: received an array/],
    ['"text"', /must be a JSON object/],
    ['null', /received null/],
  ])('rejects ruleParameters %s', (raw, message) => {
    expect(() => parseRuleParameters(raw)).toThrow(message);
  });

  it('keeps the JSON error as the cause', () => {
    try {
      parseRuleParameters('{');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidParameterError);
      expect((error as Error).name).toBe('InvalidParameterError');
      expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    }
  });
});
