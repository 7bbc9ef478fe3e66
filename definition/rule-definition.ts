import { CONFIG_EVENT_SOURCE, CUSTOM_LAMBDA_OWNER, MessageType } from './config.js';
import type { Frequency } from './setting-values.js';
import { PARAMETER_SETTINGS, type RuleSettings } from './settings.js';

/**
 * The Config rule, once: an account-level (no `Scope`) custom Lambda rule on
 * a periodic trigger, its parameters as strings. Its fields are those of
 * `AWS::Config::ConfigRule` as aws-cdk-lib's `CfnConfigRuleProps` spells
 * them, so the standalone rule passes it to `CfnConfigRule` as it is, and the
 * conformance pack template writes it in CloudFormation's spelling
 * (`renderPackTemplate`).
 */
export interface ConfigRuleDefinition {
  readonly configRuleName: string;
  readonly description: string;
  readonly inputParameters: Readonly<Record<string, string>>;
  readonly maximumExecutionFrequency: Frequency;
  readonly source: {
    readonly owner: typeof CUSTOM_LAMBDA_OWNER;
    readonly sourceIdentifier: string;
    // A mutable array type, as CfnConfigRuleProps declares it.
    readonly sourceDetails: {
      readonly eventSource: typeof CONFIG_EVENT_SOURCE;
      readonly messageType: typeof MessageType.ScheduledNotification;
      readonly maximumExecutionFrequency: Frequency;
    }[];
  };
}

/**
 * The rule parameters of resolved settings, every value a string as Config
 * requires: one per row of `SETTINGS` with a `parameter`, absent where the
 * setting has no value.
 */
export function inputParameters(settings: RuleSettings): Record<string, string> {
  const values: Readonly<Record<string, unknown>> = settings;
  return Object.fromEntries(
    PARAMETER_SETTINGS.flatMap((row) => {
      const value = values[row.name];
      return value === undefined ? [] : [[row.parameter, String(value)]];
    }),
  );
}

/**
 * The rule of resolved settings on a function.
 *
 * @param functionArn the function's ARN, or a CDK token standing for it
 * @example
 * const rule = configRuleDefinition(resolveRuleSettings({ frequency: Frequency.OneHour }), arn);
 * rule.inputParameters; // { IgnoreInactiveKeys: 'false', RootWithoutCredentials: 'COMPLIANT' }
 */
export function configRuleDefinition(
  settings: RuleSettings,
  functionArn: string,
): ConfigRuleDefinition {
  return {
    configRuleName: settings.ruleName,
    description: settings.description,
    inputParameters: inputParameters(settings),
    maximumExecutionFrequency: settings.frequency,
    source: {
      owner: CUSTOM_LAMBDA_OWNER,
      sourceIdentifier: functionArn,
      sourceDetails: [
        {
          eventSource: CONFIG_EVENT_SOURCE,
          messageType: MessageType.ScheduledNotification,
          maximumExecutionFrequency: settings.frequency,
        },
      ],
    },
  };
}

/**
 * A value with every object key in CloudFormation's spelling (first letter
 * upper case), as aws-cdk-lib renders L1 props; the keys of
 * `inputParameters` are parameter names and stay as they are.
 */
export function toCloudFormation(value: unknown, keepKeys = false): unknown {
  if (Array.isArray(value)) return value.map((item) => toCloudFormation(item));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      keepKeys ? key : `${key.charAt(0).toUpperCase()}${key.slice(1)}`,
      toCloudFormation(item, key === 'inputParameters'),
    ]),
  );
}
