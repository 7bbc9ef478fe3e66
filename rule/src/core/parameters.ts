import { InvalidSettingError } from '../../../definition/errors.js';
import type { Setting } from '../../../definition/setting.js';
import {
  DEFAULT_RULE_SETTINGS,
  PARAMETER_SETTINGS,
  type ParameterName,
  type RuleParameters,
} from '../../../definition/settings.js';
import { InvalidParameterError } from './errors.js';

export type { RuleParameters } from '../../../definition/settings.js';

/** What {@link parseRuleParameters} returns: the parameters and the names it ignored. */
export interface ParsedParameters {
  /** The validated parameters, defaults filled in. */
  readonly parameters: RuleParameters;
  /** Parameter names that are not the rule's, to be logged as a warning. */
  readonly unknownNames: readonly string[];
}

const KNOWN_NAMES: ReadonlySet<string> = new Set(PARAMETER_SETTINGS.map((row) => row.parameter));

/**
 * Parses the `ruleParameters` JSON string of a Config event: each parameter
 * of the settings table (`SETTINGS`) by its row's parser, so keywords are
 * matched in any case as on every other surface.
 *
 * @param raw the event's `ruleParameters`; absent or empty means all defaults
 * @throws InvalidParameterError when the JSON is not an object of strings or a
 *   known parameter has a value it does not allow
 */
export function parseRuleParameters(raw: string | undefined): ParsedParameters {
  const values = parseJsonObject(raw);
  const unknownNames = Object.keys(values).filter((name) => !KNOWN_NAMES.has(name));
  const parameters: Record<string, unknown> = { ...DEFAULT_RULE_SETTINGS };
  for (const row of PARAMETER_SETTINGS) {
    const value = readString(values, row.parameter);
    if (value !== undefined) parameters[row.name] = parseParameter(row, value);
  }
  // Only the rows with a parameter were read: the cast names their values.
  return { parameters: pickParameters(parameters), unknownNames };
}

function pickParameters(values: Record<string, unknown>): RuleParameters {
  return Object.fromEntries(
    PARAMETER_SETTINGS.flatMap((row) =>
      values[row.name] === undefined ? [] : [[row.name, values[row.name]]],
    ),
  ) as unknown as RuleParameters;
}

/** A parameter's value by its row's parser; its neutral error becomes the rule's. */
function parseParameter(row: Setting & { readonly parameter: ParameterName }, value: string) {
  try {
    return row.parse(`rule parameter ${row.parameter}`, value);
  } catch (cause) {
    if (!(cause instanceof InvalidSettingError)) throw cause;
    const expected = row.choices === undefined ? row.allowed : `one of ${row.allowed} (any case)`;
    throw new InvalidParameterError(
      `Rule parameter ${row.parameter} has an invalid value: received ${JSON.stringify(value)}; expected ${expected}`,
      { cause },
    );
  }
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
function readString(values: Record<string, unknown>, name: string): string | undefined {
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

/** A short description of a JSON value, for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 100))}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
