import { ComplianceType } from './config.js';
import { DefaultName, RoleName, RuleName, roleReference } from './names.js';
import { fail, parseBoolean, parseEnum, parseName } from './validate.js';

/** Periodic trigger frequencies of AWS Config rules. */
export const Frequency = {
  OneHour: 'One_Hour',
  ThreeHours: 'Three_Hours',
  SixHours: 'Six_Hours',
  TwelveHours: 'Twelve_Hours',
  TwentyFourHours: 'TwentyFour_Hours',
} as const;

/** One of the values of {@link Frequency}. */
export type Frequency = (typeof Frequency)[keyof typeof Frequency];

/** The period of each {@link Frequency}, in hours. */
export const FREQUENCY_HOURS: Readonly<Record<Frequency, number>> = {
  [Frequency.OneHour]: 1,
  [Frequency.ThreeHours]: 3,
  [Frequency.SixHours]: 6,
  [Frequency.TwelveHours]: 12,
  [Frequency.TwentyFourHours]: 24,
};

/** Results allowed for the `RootWithoutCredentials` rule parameter. */
export const RootWithoutCredentialsResult = {
  Compliant: ComplianceType.Compliant,
  NotApplicable: ComplianceType.NotApplicable,
} as const;

/** One of the values of {@link RootWithoutCredentialsResult}. */
export type RootWithoutCredentialsResult =
  (typeof RootWithoutCredentialsResult)[keyof typeof RootWithoutCredentialsResult];

/** Names of the rule parameters (Config `InputParameters`, the event's `ruleParameters`). */
export const ParameterName = {
  IgnoreInactiveKeys: 'IgnoreInactiveKeys',
  RootWithoutCredentials: 'RootWithoutCredentials',
  ExecutionRoleName: 'ExecutionRoleName',
} as const;

/** One of the values of {@link ParameterName}. */
export type ParameterName = (typeof ParameterName)[keyof typeof ParameterName];

/** The rule description used when none is given. */
export const DEFAULT_RULE_DESCRIPTION =
  'Checks that the root user has no access key (CIS AWS Foundations 1.4, AWS Security Hub IAM.4).';

/** Longest rule description AWS Config accepts. */
export const RULE_DESCRIPTION_MAX_LENGTH = 256;

/**
 * The rule's settings as a construct's props, a context key, a pack-template
 * option or a command-line option gives them: every one optional, defaults
 * from {@link DEFAULT_RULE_SETTINGS}. The one definition the pack template,
 * the constructs, the CDK app and the command-line tool derive theirs from.
 */
export interface RuleSettingsProps {
  /**
   * Name of the Config rule (and of the conformance pack holding it).
   * @default 'root-access-key-rule'
   */
  readonly ruleName?: string;
  /** How often AWS Config runs the rule. @default Frequency.TwentyFourHours */
  readonly frequency?: Frequency;
  /**
   * Rule parameter `IgnoreInactiveKeys`: `true` makes only an active root key
   * non-compliant; `false` makes any root key non-compliant (CIS).
   * @default false
   */
  readonly ignoreInactiveKeys?: boolean;
  /**
   * Rule parameter `RootWithoutCredentials`: the result when the root user has
   * neither access keys nor a password.
   * @default RootWithoutCredentialsResult.Compliant
   */
  readonly rootWithoutCredentials?: RootWithoutCredentialsResult;
  /**
   * Rule parameter `ExecutionRoleName`: the role, optionally under an IAM
   * path (`security/RootKeyAudit`), that the function assumes in the evaluated
   * account (organization deployments).
   * @default none: the function evaluates its own account
   */
  readonly executionRoleName?: string;
  /**
   * Description of the Config rule (at most 256 characters).
   * @default DEFAULT_RULE_DESCRIPTION
   */
  readonly description?: string;
}

/** The rule's settings with defaults applied and every value validated. */
export interface RuleSettings
  extends Required<Omit<RuleSettingsProps, 'executionRoleName'>>,
    Pick<RuleSettingsProps, 'executionRoleName'> {}

/** The settings used where nothing is configured. */
export const DEFAULT_RULE_SETTINGS = {
  ruleName: DefaultName.rule,
  frequency: Frequency.TwentyFourHours,
  ignoreInactiveKeys: false,
  rootWithoutCredentials: RootWithoutCredentialsResult.Compliant,
  description: DEFAULT_RULE_DESCRIPTION,
} as const satisfies RuleSettings;

/**
 * How a setting is named in messages, where the user set it: `prop ruleName`,
 * `context key "ruleName"`, `option --rule-name`.
 */
export type SettingLabel = (setting: string) => string;

/** Labels settings as options of the pure renderer: `option ruleName`. */
export const optionLabel: SettingLabel = (setting) => `option ${setting}`;

/**
 * Applies the defaults to `props` and validates every value.
 *
 * @param label names a setting in error messages
 * @throws InvalidSettingError naming the setting, the value received and what is allowed
 */
export function resolveRuleSettings(
  props: RuleSettingsProps,
  label: SettingLabel = optionLabel,
): RuleSettings {
  const defaults = DEFAULT_RULE_SETTINGS;
  const executionRoleName = props.executionRoleName;
  return {
    ruleName: parseName(label('ruleName'), props.ruleName ?? defaults.ruleName, RuleName),
    frequency: parseEnum(
      label('frequency'),
      props.frequency ?? defaults.frequency,
      Object.values(Frequency),
    ),
    ignoreInactiveKeys: parseBoolean(
      label('ignoreInactiveKeys'),
      props.ignoreInactiveKeys ?? defaults.ignoreInactiveKeys,
    ),
    rootWithoutCredentials: parseEnum(
      label('rootWithoutCredentials'),
      props.rootWithoutCredentials ?? defaults.rootWithoutCredentials,
      Object.values(RootWithoutCredentialsResult),
    ),
    ...(executionRoleName === undefined
      ? {}
      : { executionRoleName: parseRoleName(label('executionRoleName'), executionRoleName) }),
    description: parseDescription(label('description'), props.description ?? defaults.description),
  };
}

/**
 * A role name, optionally under an IAM path, as {@link RoleName} describes it.
 *
 * @throws InvalidSettingError when it is not one
 */
export function parseRoleName(label: string, value: unknown): string {
  const name = parseName(label, value, RoleName);
  if (roleReference(name) === undefined) return fail(label, value, RoleName.description);
  return name;
}

function parseDescription(label: string, value: unknown): string {
  if (
    typeof value === 'string' &&
    value.trim() !== '' &&
    value.length <= RULE_DESCRIPTION_MAX_LENGTH
  ) {
    return value;
  }
  return fail(
    label,
    value,
    `a non-blank text of at most ${RULE_DESCRIPTION_MAX_LENGTH} characters`,
  );
}
