import { stringify } from 'yaml';
import type { CONFIG_EVENT_SOURCE, CUSTOM_LAMBDA_OWNER, MessageType } from './config.js';
import { InvalidSettingError } from './errors.js';
import { FunctionArn } from './names.js';
import { configRuleDefinition, toCloudFormation } from './rule-definition.js';
import type { Frequency } from './setting-values.js';
import {
  optionLabel,
  type RuleSettings,
  type RuleSettingsProps,
  resolveRuleSettings,
  type SettingLabel,
} from './settings.js';
import { missing, parseName } from './validate.js';

/** Largest conformance pack `TemplateBody` AWS Config accepts, in bytes. */
export const PACK_TEMPLATE_MAX_BYTES = 51_200;

/** Logical id of the rule inside the pack template. */
export const PACK_RULE_LOGICAL_ID = 'RootAccessKeyRule';

/** Longest `SourceIdentifier` AWS Config accepts: the worst case for a token ARN. */
const SOURCE_IDENTIFIER_MAX_LENGTH = 256;

/** The string form of an unresolved CDK token, e.g. `${Token[TOKEN.123]}`. */
const TOKEN_PATTERN = /^\$\{Token\[[^\]]+\]\}$/;

/** Options of {@link renderPackTemplate}: the rule's settings and its function. */
export interface PackTemplateOptions extends RuleSettingsProps {
  /**
   * ARN of the rule's Lambda function. A CDK token that resolves to the ARN at
   * deploy time is accepted as is.
   */
  readonly functionArn: string;
}

/** The `AWS::Config::ConfigRule` resource of the pack template. */
export interface PackConfigRule {
  readonly Type: 'AWS::Config::ConfigRule';
  readonly Properties: {
    readonly ConfigRuleName: string;
    readonly Description: string;
    readonly InputParameters: Readonly<Record<string, string>>;
    readonly MaximumExecutionFrequency: Frequency;
    readonly Source: {
      readonly Owner: typeof CUSTOM_LAMBDA_OWNER;
      readonly SourceIdentifier: string;
      readonly SourceDetails: readonly {
        readonly EventSource: typeof CONFIG_EVENT_SOURCE;
        readonly MessageType: typeof MessageType.ScheduledNotification;
        readonly MaximumExecutionFrequency: Frequency;
      }[];
    };
  };
}

/** The conformance pack template, as an object. */
export interface PackTemplateBody {
  readonly Resources: { readonly [PACK_RULE_LOGICAL_ID]: PackConfigRule };
}

/** A rendered conformance pack template. */
export interface PackTemplate {
  /** The settings the template was rendered from, defaults applied. */
  readonly settings: RuleSettings;
  /** The template as an object. */
  readonly body: PackTemplateBody;
  /** The template as YAML, the form `TemplateBody` takes. */
  toYaml(): string;
  /** The template as pretty-printed JSON. */
  toJson(): string;
}

/**
 * Renders the conformance pack template holding the rule: one account-level
 * (no `Scope`) custom Lambda rule on a periodic trigger, its parameters as
 * strings in `InputParameters`. Pure: the constructs, the CDK app and the
 * command-line tool all render the rule with it.
 *
 * @param label names a setting in error messages @default `option <name>`
 * @throws InvalidSettingError when an option has a value it does not allow,
 *   or the template would exceed {@link PACK_TEMPLATE_MAX_BYTES}
 * @example
 * import { renderPackTemplate } from 'root-access-key-rule/pack-template';
 *
 * const pack = renderPackTemplate({
 *   functionArn: 'arn:aws:lambda:eu-west-1:111111111111:function:root-access-key-rule',
 *   frequency: 'Twelve_Hours',
 * });
 * pack.toYaml(); // the TemplateBody of a conformance pack
 */
export function renderPackTemplate(
  options: PackTemplateOptions,
  label: SettingLabel = optionLabel,
): PackTemplate {
  const { functionArn: given, ...props } = options;
  const settings = resolveRuleSettings(props, label);
  const functionArn = checkFunctionArn(given, label);
  const body: PackTemplateBody = {
    Resources: {
      [PACK_RULE_LOGICAL_ID]: {
        Type: 'AWS::Config::ConfigRule',
        // The rule's one definition, in CloudFormation's spelling.
        Properties: toCloudFormation(
          configRuleDefinition(settings, functionArn),
        ) as PackConfigRule['Properties'],
      },
    },
  };
  const yaml = toYaml(body);
  assertPackTemplateSize(yaml, functionArn);
  return {
    settings,
    body,
    toYaml: () => yaml,
    toJson: () => `${JSON.stringify(body, null, 2)}\n`,
  };
}

/**
 * A function ARN, or a CDK token standing for one.
 *
 * @throws InvalidSettingError for anything else
 */
function checkFunctionArn(value: unknown, label: SettingLabel): string {
  if (value === undefined) return missing(label('functionArn'), FunctionArn.description);
  if (typeof value === 'string' && TOKEN_PATTERN.test(value)) return value;
  return parseName(label('functionArn'), value, FunctionArn);
}

function toYaml(body: PackTemplateBody): string {
  // lineWidth 0: never fold a line, so a CDK token inside a value stays whole.
  return stringify(body, { lineWidth: 0 });
}

/**
 * Size of a pack template body in bytes, as AWS Config counts it. When
 * `functionArn` is an unresolved CDK token, it is counted at the longest
 * `SourceIdentifier` Config accepts, since the real ARN replaces it at deploy time.
 */
export function packTemplateBytes(body: string, functionArn?: string): number {
  const encoder = new TextEncoder();
  const bytes = encoder.encode(body).length;
  if (functionArn === undefined || !TOKEN_PATTERN.test(functionArn)) return bytes;
  return bytes + Math.max(SOURCE_IDENTIFIER_MAX_LENGTH - encoder.encode(functionArn).length, 0);
}

/**
 * Checks that a pack template body fits in a `TemplateBody`.
 *
 * @throws InvalidSettingError when it exceeds {@link PACK_TEMPLATE_MAX_BYTES}
 */
export function assertPackTemplateSize(body: string, functionArn?: string): void {
  const bytes = packTemplateBytes(body, functionArn);
  if (bytes <= PACK_TEMPLATE_MAX_BYTES) return;
  throw new InvalidSettingError(
    `The conformance pack template is ${bytes} bytes; AWS Config accepts at most ${PACK_TEMPLATE_MAX_BYTES} bytes in TemplateBody`,
  );
}
