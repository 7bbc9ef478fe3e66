import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  parseAccountIds,
  parseAggregatorName,
  parseConcurrency,
  parseRoleName,
  parseRuleName,
  settingOptions,
} from '../../cli/src/options.js';
import { SettingCommand } from '../../definition/setting.js';

/** The parser of `flag` as the command's options (derived from SETTINGS) declare it. */
function parserOf(command: SettingCommand, flag: string): (value: string) => unknown {
  const option = settingOptions(command).find((candidate) => candidate.long === flag);
  if (option?.parseArg === undefined) throw new Error(`no parsed option ${flag}`);
  const parse = option.parseArg;
  return (value) => parse(value, undefined);
}
const parseRootWithoutCredentials = parserOf(SettingCommand.Evaluate, '--root-without-credentials');
const parseFrequency = parserOf(SettingCommand.PackTemplate, '--frequency');

describe('option parsers', () => {
  it('accepts a concurrency from 1 to 100', () => {
    expect(parseConcurrency('1')).toBe(1);
    expect(parseConcurrency(' 50 ')).toBe(50);
    expect(parseConcurrency('100')).toBe(100);
  });

  it.each(['0', '101', '-1', '2.5', 'ten', '', '1e2'])(
    'rejects concurrency %j, saying what is allowed',
    (value) => {
      expect(() => parseConcurrency(value)).toThrow(InvalidArgumentError);
      expect(() => parseConcurrency(value)).toThrow('Allowed: a whole number from 1 to 100.');
    },
  );

  it('splits account ids, trims them and drops duplicates', () => {
    expect(parseAccountIds(' 111111111111, 222222222222,111111111111,')).toEqual([
      '111111111111',
      '222222222222',
    ]);
  });

  it('names the invalid account ids', () => {
    expect(() => parseAccountIds('111111111111,12345,abc')).toThrow(/\('12345', 'abc'\)/);
    expect(() => parseAccountIds(',')).toThrow(/12-digit account ids/);
  });

  it('accepts IAM role names, optionally under an IAM path, and rejects ARNs and bad names', () => {
    expect(parseRoleName('Audit+Role=1,a.b@c_d-e')).toBe('Audit+Role=1,a.b@c_d-e');
    expect(parseRoleName('security/team/Audit')).toBe('security/team/Audit');
    expect(parseRoleName('/security/Audit')).toBe('/security/Audit');
    expect(() => parseRoleName('arn:aws:iam::111111111111:role/Audit')).toThrow(/IAM role name/);
    expect(() => parseRoleName('path//Role')).toThrow(/optionally under a path/);
    expect(() => parseRoleName(`${'p'.repeat(520)}/Role`)).toThrow(InvalidArgumentError);
    expect(() => parseRoleName('x'.repeat(65))).toThrow(InvalidArgumentError);
  });

  it('accepts rule names that start with a letter', () => {
    expect(parseRuleName('root-access-key-rule')).toBe('root-access-key-rule');
    expect(() => parseRuleName('1rule')).toThrow(/starts with a letter/);
  });

  it('accepts aggregator names of letters, digits, underscores and hyphens', () => {
    expect(parseAggregatorName('root-access-key-rule_organization')).toBe(
      'root-access-key-rule_organization',
    );
    expect(() => parseAggregatorName('has space')).toThrow(/aggregator name/);
    expect(() => parseAggregatorName('a.b')).toThrow(/1-256 letters, digits, _ and -/);
  });

  it('reads --root-without-credentials in any case and lists the allowed values', () => {
    expect(parseRootWithoutCredentials('not_applicable')).toBe('NOT_APPLICABLE');
    expect(parseRootWithoutCredentials('COMPLIANT')).toBe('COMPLIANT');
    expect(() => parseRootWithoutCredentials('NON_COMPLIANT')).toThrow(
      'Allowed: COMPLIANT, NOT_APPLICABLE.',
    );
  });

  it('reads --frequency in any case', () => {
    expect(parseFrequency('six_hours')).toBe('Six_Hours');
    expect(() => parseFrequency('Weekly')).toThrow(/One_Hour, Three_Hours/);
  });
});
