import { InvalidArgumentError, Option } from 'commander';
import { InvalidSettingError } from '../../definition/errors.js';
import {
  AggregatorName,
  ConformancePackName,
  FunctionArn,
  isAccountId,
  type NameFormat,
} from '../../definition/names.js';
import {
  type Setting,
  type SettingCommand,
  SettingType,
  type SettingValue,
} from '../../definition/setting.js';
import type { RuleParameters } from '../../definition/settings.js';
import { SETTING_ROWS, SETTINGS, type SettingsTable } from '../../definition/settings-table.js';

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
 * The commander parser of a setting's option: the row's own parser, its
 * neutral `InvalidSettingError` turned into commander's error, which names
 * the option and the value.
 */
export function settingParser<T>(setting: Setting<T>): (value: string) => T {
  return (value) => {
    try {
      return setting.parse(`option ${setting.name}`, value);
    } catch (error) {
      if (!(error instanceof InvalidSettingError)) throw error;
      throw new InvalidArgumentError(`Allowed: ${error.allowed ?? setting.allowed}.`);
    }
  };
}

/**
 * Parses `--role-name` and `--execution-role-name`: an IAM role name,
 * optionally under a path (`security/RootKeyAudit`).
 */
export const parseRoleName = settingParser(SETTINGS.executionRoleName);

/** Parses `--rule-name`: a Config rule name as the project deploys it. */
export const parseRuleName = settingParser(SETTINGS.ruleName);

/** Parses `--pack-name`: an organization conformance pack name. */
export const parsePackName = nameParser(ConformancePackName);

/** Parses `--aggregator`: a Config aggregator name. */
export const parseAggregatorName = nameParser(AggregatorName);

/** Parses `--function-arn`: a Lambda function ARN. */
export const parseFunctionArn = nameParser(FunctionArn);

type Row = SettingsTable[keyof SettingsTable];
/** The rows among `R` whose option `C` offers (distributes over a union of rows). */
type CommandRowOf<R, C> = R extends { readonly cli: { readonly commands: readonly (infer K)[] } }
  ? C extends K
    ? R
    : never
  : never;
type CommandRow<C extends SettingCommand> = CommandRowOf<Row, C>;

/**
 * The options of the settings a command offers, as commander parses them:
 * one per row of `SETTINGS` whose `cli` names the command.
 */
export type SettingOptions<C extends SettingCommand> = {
  readonly [R in CommandRow<C> as R['name']]?: SettingValue<R>;
};

/**
 * The command-line option of a setting: a flag for a boolean, else an
 * option with a value parsed by the row, its default the row's. The help
 * text is the row's description, its allowed values and its rule parameter.
 */
export function settingOption(setting: Setting): Option {
  const flag = setting.cli?.flag ?? `--${setting.name}`;
  const parameter = setting.parameter === undefined ? '' : ` (rule parameter ${setting.parameter})`;
  if (setting.type === SettingType.Boolean) {
    return new Option(flag, `${setting.description}${parameter}`);
  }
  const allowed = setting.choices === undefined ? '' : `: ${setting.allowed}`;
  const option = new Option(flag, `${setting.description}${allowed}${parameter}`).argParser(
    settingParser(setting),
  );
  return setting.defaultValue === undefined ? option : option.default(setting.defaultValue);
}

/** The options of every setting that `command` offers, in table order. */
export function settingOptions(command: SettingCommand): Option[] {
  return SETTING_ROWS.filter((row) => row.cli?.commands.includes(command) === true).map(
    settingOption,
  );
}

/**
 * The rule parameters among a command's parsed options, each rule parameter
 * the command offers given its value or its default.
 */
export function ruleParametersOf(
  command: SettingCommand,
  options: object,
): Partial<RuleParameters> {
  const values = options as Readonly<Record<string, unknown>>;
  return Object.fromEntries(
    SETTING_ROWS.flatMap((row) =>
      row.parameter !== undefined && row.cli?.commands.includes(command) === true
        ? [[row.name, values[row.name] ?? row.defaultValue]]
        : [],
    ),
  );
}
