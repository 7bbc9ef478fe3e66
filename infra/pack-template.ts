import { stringify } from 'yaml';
import {
  DEFAULT_PARAMETERS,
  Frequency,
  MessageType,
  ParameterName,
  RootWithoutCredentialsResult,
} from '../rule/src/core/constants.js';
import { InvalidSettingError } from './errors.js';
import {
  DEFAULT_RULE_NAME,
  ROLE_NAME_DESCRIPTION,
  ROLE_NAME_PATTERN,
  RULE_NAME_DESCRIPTION,
  RULE_NAME_PATTERN,
} from './settings.js';
import { parseBoolean, parseEnum, parseString, received } from './validate.js';

/** Largest conformance pack `TemplateBody` AWS Config accepts, in bytes. */
export const PACK_TEMPLATE_MAX_BYTES = 51_200;

/** Logical id of the rule inside the pack template. */
export const PACK_RULE_LOGICAL_ID = 'RootAccessKeyRule';

/** The rule description used when none is given. */
export const DEFAULT_RULE_DESCRIPTION =
  'Checks that the root user has no access key (CIS AWS Foundations 1.4, AWS Security Hub IAM.4).';

/** `Source.Owner` of a custom rule backed by a Lambda function. */
export const CUSTOM_LAMBDA_OWNER = 'CUSTOM_LAMBDA';

/** `SourceDetails[].EventSource` of every Config rule trigger. */
export const CONFIG_EVENT_SOURCE = 'aws.config';

/** Longest rule description AWS Config accepts. */
const DESCRIPTION_MAX_LENGTH = 256;

/** Longest `SourceIdentifier` AWS Config accepts: the worst case for a token ARN. */
const SOURCE_IDENTIFIER_MAX_LENGTH = 256;

const FUNCTION_ARN_PATTERN =
  /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]{1,128})?$/;

/** The string form of an unresolved CDK token, e.g. `${Token[TOKEN.123]}`. */
const TOKEN_PATTERN = /^\$\{Token\[[^\]]+\]\}$/;

/** Options of {@link renderPackTemplate}. */
export interface PackTemplateOptions {
  /**
   * ARN of the rule's Lambda function. A CDK token that resolves to the ARN at
   * deploy time is accepted as is.
   */
  readonly functionArn: string;
  /** Name of the Config rule. @default 'root-access-key-rule' */
  readonly ruleName?: string;
  /** How often Config runs the rule. @default TwentyFour_Hours */
  readonly frequency?: Frequency;
  /** Rule parameter `IgnoreInactiveKeys`. @default false */
  readonly ignoreInactiveKeys?: boolean;
  /** Rule parameter `RootWithoutCredentials`. @default COMPLIANT */
  readonly rootWithoutCredentials?: RootWithoutCredentialsResult;
  /**
   * Rule parameter `ExecutionRoleName`: the role the function assumes in the
   * evaluated account (organization packs).
   * @default none: the function evaluates its own account
   */
  readonly executionRoleName?: string;
  /** Description of the Config rule (at most 256 characters). @default DEFAULT_RULE_DESCRIPTION */
  readonly description?: string;
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
 * strings in `InputParameters`. Pure: used by the CDK app and the CLI.
 *
 * @throws InvalidSettingError when an option has a value it does not allow,
 *   or the template would exceed {@link PACK_TEMPLATE_MAX_BYTES}
 */
export function renderPackTemplate(options: PackTemplateOptions): PackTemplate {
  const frequency = parseEnum(
    'option frequency',
    options.frequency ?? Frequency.TwentyFourHours,
    Object.values(Frequency),
  );
  const body: PackTemplateBody = {
    Resources: {
      [PACK_RULE_LOGICAL_ID]: {
        Type: 'AWS::Config::ConfigRule',
        Properties: {
          ConfigRuleName: parseString(
            'option ruleName',
            options.ruleName ?? DEFAULT_RULE_NAME,
            RULE_NAME_PATTERN,
            RULE_NAME_DESCRIPTION,
          ),
          Description: checkDescription(options.description ?? DEFAULT_RULE_DESCRIPTION),
          InputParameters: inputParameters(options),
          MaximumExecutionFrequency: frequency,
          Source: {
            Owner: CUSTOM_LAMBDA_OWNER,
            SourceIdentifier: checkFunctionArn(options.functionArn),
            SourceDetails: [
              {
                EventSource: CONFIG_EVENT_SOURCE,
                MessageType: MessageType.ScheduledNotification,
                MaximumExecutionFrequency: frequency,
              },
            ],
          },
        },
      },
    },
  };
  const yaml = toYaml(body);
  assertPackTemplateSize(yaml, options.functionArn);
  return { body, toYaml: () => yaml, toJson: () => `${JSON.stringify(body, null, 2)}\n` };
}

/** The rule parameters, every value a string as Config requires. */
function inputParameters(options: PackTemplateOptions): Record<string, string> {
  const ignoreInactiveKeys = parseBoolean(
    'option ignoreInactiveKeys',
    options.ignoreInactiveKeys ?? DEFAULT_PARAMETERS.ignoreInactiveKeys,
  );
  const rootWithoutCredentials = parseEnum(
    'option rootWithoutCredentials',
    options.rootWithoutCredentials ?? DEFAULT_PARAMETERS.rootWithoutCredentials,
    Object.values(RootWithoutCredentialsResult),
  );
  return {
    [ParameterName.IgnoreInactiveKeys]: String(ignoreInactiveKeys),
    [ParameterName.RootWithoutCredentials]: rootWithoutCredentials,
    ...(options.executionRoleName === undefined
      ? {}
      : {
          [ParameterName.ExecutionRoleName]: parseString(
            'option executionRoleName',
            options.executionRoleName,
            ROLE_NAME_PATTERN,
            ROLE_NAME_DESCRIPTION,
          ),
        }),
  };
}

function checkFunctionArn(value: unknown): string {
  if (typeof value === 'string' && TOKEN_PATTERN.test(value)) return value;
  return parseString(
    'option functionArn',
    value,
    FUNCTION_ARN_PATTERN,
    'a Lambda function ARN such as arn:aws:lambda:us-east-1:123456789012:function:name',
  );
}

function checkDescription(value: unknown): string {
  if (typeof value === 'string' && value.trim() !== '' && value.length <= DESCRIPTION_MAX_LENGTH) {
    return value;
  }
  throw new InvalidSettingError(
    `Invalid option description: received ${received(value)}; allowed: a non-blank text of at most ${DESCRIPTION_MAX_LENGTH} characters`,
  );
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
