import { InvalidArgumentError } from 'commander';
import {
  AggregatorName,
  ConformancePackName,
  FunctionArn,
  isAccountId,
  type NameFormat,
  RoleName,
  RuleName,
  roleReference,
} from '../../definition/names.js';
import { Frequency, RootWithoutCredentialsResult } from '../../definition/settings.js';

/**
 * Parsers of option values. Each returns the parsed value or throws an
 * `InvalidArgumentError` saying what is allowed; commander prefixes it with
 * the option's name and the value received, e.g.
 * `error: option '--concurrency <n>' argument '0' is invalid. Allowed: …`.
 * Names are checked against their one definition (`definition/names.ts`).
 */

/** Largest `--concurrency`: beyond it AWS throttling, not the tool, sets the pace. */
export const MAX_CONCURRENCY = 100;

/** Default `--concurrency`. */
export const DEFAULT_CONCURRENCY = 10;

/** Parses `--concurrency`: a whole number from 1 to {@link MAX_CONCURRENCY}. */
export function parseConcurrency(value: string): number {
  const number = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (Number.isInteger(number) && number >= 1 && number <= MAX_CONCURRENCY) return number;
  throw new InvalidArgumentError(`Allowed: a whole number from 1 to ${MAX_CONCURRENCY}.`);
}

/** Parses `--accounts`: comma-separated 12-digit account ids, duplicates dropped. */
export function parseAccountIds(value: string): string[] {
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const invalid = ids.filter((id) => !isAccountId(id));
  if (ids.length === 0 || invalid.length > 0) {
    const which = invalid.length > 0 ? ` (${invalid.map((id) => `'${id}'`).join(', ')})` : '';
    throw new InvalidArgumentError(
      `Allowed: comma-separated 12-digit account ids such as 111111111111,222222222222${which}.`,
    );
  }
  return [...new Set(ids)];
}

/** A parser of values of one {@link NameFormat}. */
function nameParser(format: NameFormat, accepts: (value: string) => boolean = () => true) {
  return (value: string): string => {
    if (format.pattern.test(value) && accepts(value)) return value;
    throw new InvalidArgumentError(`Allowed: ${format.description}.`);
  };
}

/**
 * Parses `--role-name` and `--execution-role-name`: an IAM role name,
 * optionally under a path (`security/RootKeyAudit`).
 */
export const parseRoleName = nameParser(RoleName, (value) => roleReference(value) !== undefined);

/** Parses `--rule-name`: a Config rule name as the project deploys it. */
export const parseRuleName = nameParser(RuleName);

/** Parses `--pack-name`: an organization conformance pack name. */
export const parsePackName = nameParser(ConformancePackName);

/** Parses `--aggregator`: a Config aggregator name. */
export const parseAggregatorName = nameParser(AggregatorName);

/** Parses `--function-arn`: a Lambda function ARN. */
export const parseFunctionArn = nameParser(FunctionArn);

/** Parses `--root-without-credentials`, in any case. */
export function parseRootWithoutCredentials(value: string): RootWithoutCredentialsResult {
  return parseChoice(value, Object.values(RootWithoutCredentialsResult));
}

/** Parses `--frequency`, in any case. */
export function parseFrequency(value: string): Frequency {
  return parseChoice(value, Object.values(Frequency));
}

function parseChoice<T extends string>(value: string, allowed: readonly T[]): T {
  const match = allowed.find((choice) => choice.toLowerCase() === value.trim().toLowerCase());
  if (match !== undefined) return match;
  throw new InvalidArgumentError(`Allowed: ${allowed.join(', ')}.`);
}
