import type { NameFormat } from './names.js';
import {
  fail,
  missing,
  parseBoolean,
  parseEnum,
  parseInteger,
  parseList,
  parseName,
  parseNumberChoice,
  parseString,
} from './validate.js';

/** Which part of a deployment a setting belongs to. */
export const SettingScope = {
  /** A setting of the Config rule itself (its name, frequency, parameters, description). */
  Rule: 'rule',
  /** A setting of every deployment (the function's log retention). */
  Deployment: 'deployment',
  /** A setting of the single-account deployment only. */
  Account: 'account',
  /** A setting of the organization deployment only. */
  Organization: 'organization',
} as const;

/** One of the values of {@link SettingScope}. */
export type SettingScope = (typeof SettingScope)[keyof typeof SettingScope];

/** What a setting's value is, for help texts and generators. */
export const SettingType = {
  Boolean: 'boolean',
  Enum: 'enum',
  Integer: 'integer',
  Name: 'name',
  List: 'list',
  Text: 'text',
} as const;

/** One of the values of {@link SettingType}. */
export type SettingType = (typeof SettingType)[keyof typeof SettingType];

/** The command-line commands that take rule settings as options. */
export const SettingCommand = {
  Evaluate: 'evaluate',
  PackTemplate: 'pack-template',
} as const;

/** One of the values of {@link SettingCommand}. */
export type SettingCommand = (typeof SettingCommand)[keyof typeof SettingCommand];

/** How a setting is given on the command line. */
export interface SettingFlag {
  /** Commander's flag: `--frequency <frequency>`, or `--ignore-inactive-keys` for a boolean. */
  readonly flag: string;
  /** The commands that offer it. */
  readonly commands: readonly SettingCommand[];
}

/**
 * One row of the settings table ({@link SETTINGS}): everything every surface
 * needs to know of one setting. Context keys, construct props, command-line
 * options, the pack template's `InputParameters` and the rule's parameter
 * parser are all derived from these rows.
 */
export interface Setting<T = unknown> {
  /** The setting's name: the construct prop, and the context key where it has one. */
  readonly name: string;
  /** Where it belongs. */
  readonly scope: SettingScope;
  /** The Config rule parameter (`InputParameters`, the event's `ruleParameters`) it is. */
  readonly parameter?: string;
  /** The CDK context key (`-c key=value`) that sets it in this repository's app. */
  readonly contextKey?: string;
  /** Whether constructs take it as a prop (of the same name). */
  readonly prop: boolean;
  /** The command-line option that sets it. */
  readonly cli?: SettingFlag;
  /** What its value is. */
  readonly type: SettingType;
  /** Its value when not set; absent for a setting without one. */
  readonly defaultValue?: T;
  /** A valid value, for docs and tests, where there is no default to show. */
  readonly example?: T;
  /** Whether it must be set (it then has no default). */
  readonly required: boolean;
  /** The values allowed, for an enumeration or a boolean, in their canonical spelling. */
  readonly choices?: readonly T[];
  /** What is allowed, in words, for messages and help texts. */
  readonly allowed: string;
  /** What it does, for help texts and docs. */
  readonly description: string;
  /**
   * Parses a value as any surface receives it (a string from the CDK or
   * Config, a typed prop), by the one spelling rule of `sameKeyword`.
   *
   * @param label the setting as the user named it, for the message
   * @throws InvalidSettingError naming the label, the value received and what is allowed
   */
  parse(label: string, value: unknown): T;
}

/** The value type of a {@link Setting}. */
export type SettingValue<S> = S extends Setting<infer T> ? T : never;

/** What every kind of row is given: a row without its name, its type and its parser. */
export interface SettingSpec<T> {
  readonly scope: SettingScope;
  readonly parameter?: string;
  readonly contextKey?: string;
  /** @default true */
  readonly prop?: boolean;
  readonly cli?: SettingFlag;
  readonly defaultValue?: T;
  readonly example?: T;
  /** @default false */
  readonly required?: boolean;
  readonly description: string;
}

/** A row before the table gives it its name. */
export type UnnamedSetting<T> = Omit<Setting<T>, 'name'>;

/**
 * A row as a builder returns it: the fields the types of the surfaces are
 * derived from (scope, parameter, context key, prop, required) keep the
 * literal types they were given.
 */
export type SettingRow<T, S extends SettingSpec<T>> = UnnamedSetting<T> &
  Readonly<
    Pick<
      S,
      Extract<
        keyof S,
        'scope' | 'parameter' | 'contextKey' | 'prop' | 'required' | 'defaultValue' | 'cli'
      >
    >
  >;

/**
 * A row of any kind: its type, what is allowed in words and its parser.
 * The kinds below ({@link booleanSetting}, …) are made with it.
 */
export function customSetting<T, const S extends SettingSpec<T>>(
  spec: S,
  type: SettingType,
  allowed: string,
  parse: (label: string, value: unknown) => T,
  choices?: readonly T[],
): SettingRow<T, S> {
  return {
    ...spec,
    prop: spec.prop ?? true,
    required: spec.required ?? false,
    type,
    allowed,
    ...(choices === undefined ? {} : { choices }),
    parse,
  } as SettingRow<T, S>;
}

/** A `true` / `false` setting. */
export function booleanSetting<const S extends SettingSpec<boolean>>(
  spec: S,
): SettingRow<boolean, S> {
  return customSetting(spec, SettingType.Boolean, 'true, false', parseBoolean, [true, false]);
}

/** A setting that takes one of `choices` (strings). */
export function enumSetting<T extends string, const S extends SettingSpec<T>>(
  spec: S,
  choices: readonly T[],
): SettingRow<T, S> {
  return customSetting(
    spec,
    SettingType.Enum,
    choices.join(', '),
    (label, value) => parseEnum(label, value, choices),
    choices,
  );
}

/** A setting that takes one of `choices` (numbers, given as numbers or digits). */
export function numberChoiceSetting<T extends number, const S extends SettingSpec<T>>(
  spec: S,
  choices: readonly T[],
): SettingRow<T, S> {
  return customSetting(
    spec,
    SettingType.Enum,
    choices.join(', '),
    (label, value) => parseNumberChoice(label, value, choices),
    choices,
  );
}

/** A whole number from `min` to `max`. */
export function integerSetting<const S extends SettingSpec<number>>(
  spec: S,
  range: { readonly min: number; readonly max: number },
): SettingRow<number, S> {
  return customSetting(
    spec,
    SettingType.Integer,
    `an integer from ${range.min} to ${range.max}`,
    (l, v) => parseInteger(l, v, range.min, range.max),
  );
}

/**
 * A name of a {@link NameFormat}, trimmed; `accepts` adds a check the pattern
 * cannot express (an IAM path's length).
 */
export function nameSetting<const S extends SettingSpec<string>>(
  spec: S,
  format: NameFormat,
  accepts: (value: string) => boolean = () => true,
): SettingRow<string, S> {
  return customSetting(spec, SettingType.Name, format.description, (label, value) => {
    const name = parseName(label, value, format);
    return accepts(name) ? name : fail(label, value, format.description);
  });
}

/**
 * A list of names of a {@link NameFormat}: an array, or a comma-separated
 * string (as `-c key=a,b` gives); items trimmed, empty ones and duplicates
 * dropped. A required list must have an item.
 */
export function listSetting<const S extends SettingSpec<readonly string[]>>(
  spec: S,
  format: NameFormat,
): SettingRow<readonly string[], S> {
  const allowed = `a comma-separated list of items, each ${format.description}`;
  return customSetting<readonly string[], S>(spec, SettingType.List, allowed, (label, value) => {
    const items = [...new Set(parseList(label, value, format.pattern, format.description))];
    if (items.length === 0 && spec.required === true) return missing(label, allowed);
    return items;
  });
}

/** A text that `pattern` accepts, trimmed. */
export function textSetting<const S extends SettingSpec<string>>(
  spec: S,
  pattern: RegExp,
  allowed: string,
): SettingRow<string, S> {
  return customSetting(spec, SettingType.Text, allowed, (label, value) =>
    parseString(label, value, pattern, allowed),
  );
}

/** The rows of a table, each given the name it has in the table. */
export type NamedSettings<T extends Record<string, UnnamedSetting<unknown>>> = {
  readonly [K in keyof T]: T[K] & { readonly name: K };
};

/** Gives each row of a table its key as its name. */
export function settingsTable<T extends Record<string, UnnamedSetting<unknown>>>(
  rows: T,
): NamedSettings<T> {
  return Object.fromEntries(
    Object.entries(rows).map(([name, setting]) => [name, { ...setting, name }]),
  ) as NamedSettings<T>;
}

/**
 * The value of one setting as a surface received it, defaults applied:
 * `undefined` is not set and gives the default, or `undefined` when the
 * setting has none.
 *
 * @throws InvalidSettingError when the value is not allowed, or a required setting is not set
 */
export function resolveSetting<T>(
  setting: Setting<T>,
  label: string,
  value: unknown,
): T | undefined {
  if (value === undefined) {
    if (setting.required) return missing(label, setting.allowed);
    return setting.defaultValue;
  }
  return setting.parse(label, value);
}
