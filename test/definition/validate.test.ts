import { describe, expect, it } from 'vitest';
import { InvalidSettingError } from '../../definition/errors.js';
import {
  parseBoolean,
  parseEnum,
  parseInteger,
  parseList,
  parseString,
  received,
} from '../../definition/validate.js';
import { errorOf } from '../infra/support.js';

const LABEL = 'option x';

describe('parseEnum', () => {
  it('returns an allowed value', () => {
    expect(parseEnum(LABEL, 'b', ['a', 'b'])).toBe('b');
  });

  it('matches in any case, spaces around ignored, and returns the canonical spelling', () => {
    expect(parseEnum(LABEL, ' B ', ['a', 'b'])).toBe('b');
    expect(parseEnum(LABEL, 'one_hour', ['One_Hour'])).toBe('One_Hour');
  });

  it('rejects another value, listing the allowed ones, and says what is allowed', () => {
    const error = errorOf(() => parseEnum(LABEL, 'c', ['a', 'b']));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toBe('Invalid option x: received "c"; allowed: a, b');
    expect(error).toMatchObject({ label: LABEL, allowed: 'a, b' });
  });
});

describe('parseBoolean', () => {
  it.each([
    [true, true],
    [false, false],
    ['TRUE', true],
    [' False ', false],
  ])('reads %j as %j', (value, expected) => {
    expect(parseBoolean(LABEL, value)).toBe(expected);
  });

  it.each([['yes'], [1], [null]])('rejects %j', (value) => {
    expect(errorOf(() => parseBoolean(LABEL, value)).message).toMatch(
      /^Invalid option x: received .+; allowed: true, false$/,
    );
  });
});

describe('parseString', () => {
  it('returns the trimmed value when it matches', () => {
    expect(parseString(LABEL, ' ab ', /^[a-z]+$/, 'letters')).toBe('ab');
  });

  it('rejects a value that does not match or is not a string', () => {
    expect(errorOf(() => parseString(LABEL, 'a1', /^[a-z]+$/, 'letters')).message).toBe(
      'Invalid option x: received "a1"; allowed: letters',
    );
    expect(errorOf(() => parseString(LABEL, 7, /^\d+$/, 'digits')).message).toContain('number 7');
  });
});

describe('parseInteger', () => {
  it('reads numbers and strings of digits within the range', () => {
    expect(parseInteger(LABEL, 5, 1, 10)).toBe(5);
    expect(parseInteger(LABEL, ' 10 ', 1, 10)).toBe(10);
  });

  it.each([[0], [11], ['2.5'], [2.5], ['ten']])('rejects %j', (value) => {
    expect(errorOf(() => parseInteger(LABEL, value, 1, 10)).message).toContain(
      'allowed: an integer from 1 to 10',
    );
  });
});

describe('parseList', () => {
  it('reads a comma-separated string or an array, trimming and dropping empty items', () => {
    expect(parseList(LABEL, ' a, b ,,', /^[a-z]$/, 'a letter')).toEqual(['a', 'b']);
    expect(parseList(LABEL, ['a', ' b'], /^[a-z]$/, 'a letter')).toEqual(['a', 'b']);
  });

  it('names the bad item and what an item must be', () => {
    expect(errorOf(() => parseList(LABEL, 'a,1', /^[a-z]$/, 'a letter')).message).toBe(
      'Invalid option x: item "1" of "a,1" is not valid; each item must be a letter',
    );
  });

  it('rejects a value that is neither a string nor an array of strings', () => {
    expect(errorOf(() => parseList(LABEL, [1], /^[a-z]$/, 'a letter')).message).toContain(
      'allowed: a comma-separated list of items, each a letter',
    );
  });
});

describe('received', () => {
  it('describes values of every kind and shortens long strings', () => {
    expect(received('a')).toBe('"a"');
    expect(received(null)).toBe('null');
    expect(received(['a'])).toBe('the array ["a"]');
    expect(received({ a: 1 })).toBe('the object {"a":1}');
    expect(received(3)).toBe('number 3');
    expect(received(undefined)).toBe('nothing');
    expect(received('x'.repeat(300))).toHaveLength(2 + 200 + 1);
  });
});
