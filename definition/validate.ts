import { InvalidSettingError } from './errors.js';
import type { NameFormat } from './names.js';

/**
 * Small validators of settings, free of CDK and of the AWS SDK, so that the
 * CDK app, the constructs and the command-line tool share them. Each takes the name the
 * user knows the setting by (`label`, e.g. `context key "frequency"` or
 * `option functionArn`) and raises an {@link InvalidSettingError} that names it,
 * shows the value received and says what is allowed.
 */

/** Renders a received value for an error message. */
export function received(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return `the array ${JSON.stringify(value)}`;
  if (typeof value === 'object') return `the object ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

/**
 * Throws the {@link InvalidSettingError} of a value that is not allowed.
 *
 * @param allowed what is allowed, in words
 */
export function fail(label: string, value: unknown, allowed: string): never {
  throw new InvalidSettingError(
    `Invalid ${label}: received ${received(value)}; allowed: ${allowed}`,
    { label, allowed },
  );
}

/**
 * Throws the {@link InvalidSettingError} of a required setting that is not set.
 *
 * @param allowed what is allowed, in words
 */
export function missing(label: string, allowed: string): never {
  throw new InvalidSettingError(`Missing ${label}: it is required; allowed: ${allowed}`, {
    label,
    allowed,
  });
}

/**
 * The project's one spelling rule for keywords (booleans and the values of
 * an enumeration): matched in any case, surrounding spaces ignored, and
 * returned in their one canonical spelling. Every surface (CDK context,
 * construct props, command-line options, rule parameters) parses them so.
 */
export function sameKeyword(candidate: string, value: string): boolean {
  return candidate.toLowerCase() === value.trim().toLowerCase();
}

/**
 * One of `allowed`, in any case ({@link sameKeyword}), returned as `allowed`
 * spells it.
 *
 * @throws InvalidSettingError when the value is not one of them
 */
export function parseEnum<T extends string>(
  label: string,
  value: unknown,
  allowed: readonly T[],
): T {
  const match =
    typeof value === 'string'
      ? allowed.find((candidate) => sameKeyword(candidate, value))
      : undefined;
  if (match !== undefined) return match;
  return fail(label, value, allowed.join(', '));
}

/**
 * One of `allowed` numbers, given as a number or a string of digits.
 *
 * @throws InvalidSettingError when the value is not one of them
 */
export function parseNumberChoice<T extends number>(
  label: string,
  value: unknown,
  allowed: readonly T[],
): T {
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  const match = allowed.find((candidate) => candidate === number);
  if (match !== undefined) return match;
  return fail(label, value, allowed.join(', '));
}

/**
 * A boolean, or the string `true` / `false` in any case ({@link sameKeyword};
 * CDK's `-c key=value` and Config's rule parameters always give strings).
 *
 * @throws InvalidSettingError for anything else
 */
export function parseBoolean(label: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (sameKeyword('true', value)) return true;
    if (sameKeyword('false', value)) return false;
  }
  return fail(label, value, 'true, false');
}

/**
 * A string matching `pattern`, trimmed.
 *
 * @param description what the pattern means, for the error message
 * @throws InvalidSettingError when the value is not a string or does not match
 */
export function parseString(
  label: string,
  value: unknown,
  pattern: RegExp,
  description: string,
): string {
  if (typeof value === 'string' && pattern.test(value.trim())) return value.trim();
  return fail(label, value, description);
}

/**
 * An integer between `min` and `max` inclusive, given as a number or a string
 * of digits.
 *
 * @throws InvalidSettingError for anything else
 */
export function parseInteger(label: string, value: unknown, min: number, max: number): number {
  const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number === 'number' && Number.isInteger(number) && number >= min && number <= max) {
    return number;
  }
  return fail(label, value, `an integer from ${min} to ${max}`);
}

/**
 * A list of strings each matching `pattern`, given as an array or a
 * comma-separated string; items are trimmed and empty items dropped.
 *
 * @param description what one item must look like, for the error message
 * @throws InvalidSettingError when an item does not match or the value is
 *   neither an array of strings nor a string
 */
export function parseList(
  label: string,
  value: unknown,
  pattern: RegExp,
  description: string,
): string[] {
  const items = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(items) || !items.every((item) => typeof item === 'string')) {
    return fail(label, value, `a comma-separated list of items, each ${description}`);
  }
  const trimmed = items.map((item) => item.trim()).filter((item) => item !== '');
  const bad = trimmed.find((item) => !pattern.test(item));
  if (bad !== undefined) {
    throw new InvalidSettingError(
      `Invalid ${label}: item ${received(bad)} of ${received(value)} is not valid; each item must be ${description}`,
      { label, allowed: description },
    );
  }
  return trimmed;
}

/**
 * A string that `format` accepts, trimmed.
 *
 * @throws InvalidSettingError when the value is not a string or `format` refuses it
 */
export function parseName(label: string, value: unknown, format: NameFormat): string {
  return parseString(label, value, format.pattern, format.description);
}
