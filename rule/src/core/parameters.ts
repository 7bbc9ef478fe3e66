import { RoleName, roleReference } from '../../../definition/names.js';
import {
  DEFAULT_RULE_SETTINGS,
  ParameterName,
  RootWithoutCredentialsResult,
  type RuleSettings,
} from '../../../definition/settings.js';
import { InvalidParameterError } from './errors.js';

/** The rule parameters, validated and typed: the rule's part of its settings. */
export type RuleParameters = Pick<
  RuleSettings,
  'ignoreInactiveKeys' | 'rootWithoutCredentials' | 'executionRoleName'
>;

/** What {@link parseRuleParameters} returns: the parameters and the names it ignored. */
export interface ParsedParameters {
  /** The validated parameters, defaults filled in. */
  readonly parameters: RuleParameters;
  /** Parameter names that are not the rule's, to be logged as a warning. */
  readonly unknownNames: readonly string[];
}

const KNOWN_NAMES: ReadonlySet<string> = new Set(Object.values(ParameterName));

/**
 * Parses the `ruleParameters` JSON string of a Config event.
 *
 * @param raw the event's `ruleParameters`; absent or empty means all defaults
 * @throws InvalidParameterError when the JSON is not an object of strings or a
 *   known parameter has a value it does not allow
 */
export function parseRuleParameters(raw: string | undefined): ParsedParameters {
  const values = parseJsonObject(raw);
  const unknownNames = Object.keys(values).filter((name) => !KNOWN_NAMES.has(name));
  const ignoreInactive = readString(values, ParameterName.IgnoreInactiveKeys);
  const withoutCredentials = readString(values, ParameterName.RootWithoutCredentials);
  const roleName = readString(values, ParameterName.ExecutionRoleName);
  const parameters: RuleParameters = {
    ignoreInactiveKeys:
      ignoreInactive === undefined
        ? DEFAULT_RULE_SETTINGS.ignoreInactiveKeys
        : parseBoolean(ParameterName.IgnoreInactiveKeys, ignoreInactive),
    rootWithoutCredentials:
      withoutCredentials === undefined
        ? DEFAULT_RULE_SETTINGS.rootWithoutCredentials
        : parseRootWithoutCredentials(withoutCredentials),
    ...(roleName === undefined ? {} : { executionRoleName: parseRoleName(roleName) }),
  };
  return { parameters, unknownNames };
}

function parseJsonObject(raw: string | undefined): Record<string, unknown> {
  if (raw === undefined || raw.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (cause) {
    throw new InvalidParameterError(
      `ruleParameters is not valid JSON: received ${JSON.stringify(raw.slice(0, 100))}; expected a JSON object such as {"IgnoreInactiveKeys":"false"}`,
      { cause },
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidParameterError(
      `ruleParameters must be a JSON object: received ${describe(value)}; expected an object of string values`,
    );
  }
  return value as Record<string, unknown>;
}

/** Reads a known parameter; an empty or blank value counts as not set. */
function readString(values: Record<string, unknown>, name: ParameterName): string | undefined {
  const value = values[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw new InvalidParameterError(
      `Rule parameter ${name} must be a string: received ${describe(value)}; Config passes every parameter value as a string`,
    );
  }
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function parseBoolean(name: ParameterName, value: string): boolean {
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw new InvalidParameterError(
    `Rule parameter ${name} has an invalid value: received ${JSON.stringify(value)}; expected "true" or "false" (any case)`,
  );
}

function parseRootWithoutCredentials(value: string): RootWithoutCredentialsResult {
  const allowed = Object.values(RootWithoutCredentialsResult);
  const match = allowed.find((result) => result === value.toUpperCase());
  if (match !== undefined) return match;
  throw new InvalidParameterError(
    `Rule parameter ${ParameterName.RootWithoutCredentials} has an invalid value: received ${JSON.stringify(value)}; expected one of ${allowed.join(', ')}`,
  );
}

function parseRoleName(value: string): string {
  if (roleReference(value) !== undefined) return value;
  throw new InvalidParameterError(
    `Rule parameter ${ParameterName.ExecutionRoleName} has an invalid value: received ${JSON.stringify(value)}; expected ${RoleName.description}`,
  );
}

/** A short description of a JSON value, for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 100))}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
