import { resolveSetting, type Setting, SettingScope, type SettingValue } from './setting.js';
import { SETTING_ROWS, SETTINGS, type SettingsTable } from './settings-table.js';

export * from './setting-values.js';

type Table = SettingsTable;
type Row = Table[keyof Table];

/** Whether row `R` is of one of `Scope`. */
type InScope<R, Scope> = R extends { readonly scope: infer S }
  ? S extends Scope
    ? true
    : false
  : false;
/** Whether row `R` is a construct prop. */
type IsProp<R> = R extends { readonly prop: false } ? false : true;
/** Whether row `R` always has a value once resolved: required, or with a default. */
type HasValue<R> = R extends { readonly required: true }
  ? true
  : R extends { readonly defaultValue: unknown }
    ? true
    : false;
/** Whether row `R` must be given. */
type IsRequired<R> = R extends { readonly required: true } ? true : false;

/**
 * The props of the settings of `Scope`, as constructs take them: the
 * required ones required, every other one optional (its default is the
 * table's). Derived from {@link SETTINGS}.
 */
export type SettingProps<Scope extends SettingScope> = {
  readonly [K in keyof Table as InScope<Table[K], Scope> extends true
    ? IsProp<Table[K]> extends true
      ? IsRequired<Table[K]> extends true
        ? K
        : never
      : never
    : never]: SettingValue<Table[K]>;
} & {
  readonly [K in keyof Table as InScope<Table[K], Scope> extends true
    ? IsProp<Table[K]> extends true
      ? IsRequired<Table[K]> extends true
        ? never
        : K
      : never
    : never]?: SettingValue<Table[K]>;
};

/**
 * The settings of `Scope` resolved: defaults applied, every value parsed;
 * a setting without a default stays optional. Derived from {@link SETTINGS}.
 */
export type ResolvedSettings<Scope extends SettingScope> = {
  readonly [K in keyof Table as InScope<Table[K], Scope> extends true
    ? HasValue<Table[K]> extends true
      ? K
      : never
    : never]: SettingValue<Table[K]>;
} & {
  readonly [K in keyof Table as InScope<Table[K], Scope> extends true
    ? HasValue<Table[K]> extends true
      ? never
      : K
    : never]?: SettingValue<Table[K]>;
};

/** The rows of {@link SETTINGS} that are Config rule parameters. */
type ParameterRow = Extract<Row, { readonly parameter: string }>;

/**
 * Names of the rule parameters (Config `InputParameters`, the event's
 * `ruleParameters`), from the rows of {@link SETTINGS} that have one.
 */
export type ParameterName = ParameterRow['parameter'];

/** The rule parameters by name: `ParameterName.IgnoreInactiveKeys` is `'IgnoreInactiveKeys'`. */
export const ParameterName = Object.fromEntries(
  SETTING_ROWS.flatMap((row) => ('parameter' in row ? [[row.parameter, row.parameter]] : [])),
) as { readonly [P in ParameterName]: P };

/** The rows of {@link SETTINGS} that are rule parameters, in table order. */
export const PARAMETER_SETTINGS: readonly (Setting & { readonly parameter: ParameterName })[] =
  SETTING_ROWS.filter((row): row is ParameterRow => 'parameter' in row);

/** The rows of {@link SETTINGS} of the given scopes, in table order. */
export function settingsIn(...scopes: readonly SettingScope[]): readonly Setting[] {
  return SETTING_ROWS.filter((row) => scopes.includes(row.scope));
}

/**
 * The rule's settings as a construct's props, a context key, a pack-template
 * option or a command-line option gives them: every one optional, defaults
 * from {@link DEFAULT_RULE_SETTINGS}; the rows of scope `rule` of {@link SETTINGS}.
 */
export interface RuleSettingsProps extends SettingProps<typeof SettingScope.Rule> {}

/** The rule's settings with defaults applied and every value validated. */
export interface RuleSettings extends ResolvedSettings<typeof SettingScope.Rule> {}

/** The rule parameters, validated and typed: the rule's part of its settings. */
export type RuleParameters = Pick<RuleSettings, Extract<ParameterRow['name'], keyof RuleSettings>>;

/** The defaults of the rows of `rows` that have one, by name. */
export function defaultsOf(rows: readonly Setting[]): Readonly<Record<string, unknown>> {
  return Object.fromEntries(
    rows.flatMap((row) => (row.defaultValue === undefined ? [] : [[row.name, row.defaultValue]])),
  );
}

/** The settings used where nothing is configured. */
export const DEFAULT_RULE_SETTINGS = defaultsOf(settingsIn(SettingScope.Rule)) as Required<
  Omit<RuleSettings, 'executionRoleName'>
>;

/**
 * How a setting is named in messages, where the user set it: `prop ruleName`,
 * `context key "ruleName"`, `option --rule-name`.
 */
export type SettingLabel = (setting: string) => string;

/** Labels settings as options of the pure renderer: `option ruleName`. */
export const optionLabel: SettingLabel = (setting) => `option ${setting}`;

/**
 * Resolves the values of `rows` given by name in `values`: defaults applied,
 * each value parsed by its row; values for which `keep` is true (a CDK
 * token) are kept as they are.
 *
 * @throws InvalidSettingError naming the first setting that is not allowed or missing
 */
export function resolveSettings(
  rows: readonly Setting[],
  values: Readonly<Record<string, unknown>>,
  label: SettingLabel,
  keep: (value: unknown) => boolean = () => false,
): Record<string, unknown> {
  const resolved: Record<string, unknown> = {};
  for (const row of rows) {
    const value = values[row.name];
    const result =
      value !== undefined && keep(value) ? value : resolveSetting(row, label(row.name), value);
    if (result !== undefined) resolved[row.name] = result;
  }
  return resolved;
}

/**
 * Applies the defaults to `props` and validates every value.
 *
 * @param label names a setting in error messages
 * @throws InvalidSettingError naming the setting, the value received and what is allowed
 */
export function resolveRuleSettings(
  props: RuleSettingsProps,
  label: SettingLabel = optionLabel,
  keep?: (value: unknown) => boolean,
): RuleSettings {
  return resolveSettings(settingsIn(SettingScope.Rule), props, label, keep) as RuleSettings;
}

/**
 * A role name, optionally under an IAM path, as {@link RoleName} describes it.
 *
 * @throws InvalidSettingError when it is not one
 */
export function parseRoleName(label: string, value: unknown): string {
  return SETTINGS.executionRoleName.parse(label, value);
}

export { SETTINGS };
