import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { parse } from 'yaml';

/** Account and Region of the test stacks. */
export const TEST_ENV = { account: '111111111111', region: 'eu-west-1' } as const;

/** A function ARN standing in for `Fn::GetAtt <function>.Arn` when a template is resolved. */
export const SAMPLE_FUNCTION_ARN =
  'arn:aws:lambda:eu-west-1:111111111111:function:RootAccessKeyRule-Function-AbCdEf012345';

const PROJECT_ROOT = join(import.meta.dirname, '../..');

/** The feature flags of the project's cdk.json, so tests synthesize what `cdk synth` does. */
export const CDK_JSON_CONTEXT: Readonly<Record<string, unknown>> = JSON.parse(
  readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8'),
).context;

/** An app with the project's feature flags and `context`, that skips bundling. */
export function testApp(context: Readonly<Record<string, unknown>> = {}): App {
  return new App({
    context: { ...CDK_JSON_CONTEXT, 'aws:cdk:bundling-stacks': [], ...context },
  });
}

/** A resource of a synthesized template. */
export interface CfnResourceJson {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
  readonly DependsOn?: string[];
}

/** The single resource of `type` in the template: its logical id and definition. */
export function onlyResource(
  template: Template,
  type: string,
): { id: string; resource: CfnResourceJson } {
  const entries = Object.entries(template.findResources(type));
  if (entries.length !== 1)
    throw new Error(`expected exactly one ${type}, found ${entries.length}`);
  const [id, resource] = entries[0] as [string, CfnResourceJson];
  return { id, resource };
}

/**
 * Resolves the `Fn::GetAtt` and `Fn::Join` of a synthesized value as
 * CloudFormation would, each `Fn::GetAtt` taken from
 * `attributes["<logicalId>.<attribute>"]`; throws on any other intrinsic or a
 * missing attribute.
 */
export function resolveIntrinsics(
  value: unknown,
  attributes: Readonly<Record<string, string>>,
): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveIntrinsics(item, attributes));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  const [key, argument] = entries[0] ?? [];
  if (entries.length === 1 && key === 'Fn::GetAtt') {
    const resolved = attributes[(argument as string[]).join('.')];
    if (resolved === undefined) throw new Error(`no value for ${JSON.stringify(value)}`);
    return resolved;
  }
  if (entries.length === 1 && key === 'Fn::Join') {
    const [separator, parts] = argument as [string, unknown[]];
    return parts.map((part) => resolveIntrinsics(part, attributes)).join(separator);
  }
  if (entries.length === 1 && key?.startsWith('Fn::')) throw new Error(`unexpected ${key}`);
  return Object.fromEntries(entries.map(([k, v]) => [k, resolveIntrinsics(v, attributes)]));
}

/** Parses a conformance pack `TemplateBody` (YAML, of which JSON is a subset). */
export function parseTemplateBody(body: string): Record<string, unknown> {
  return parse(body) as Record<string, unknown>;
}

/**
 * Allowed values of `AWS::Config::ConfigRule`, from the AWS Config API
 * reference (types Source, SourceDetail, ConfigRule); the CloudFormation
 * schema types them as plain strings, so they are checked separately.
 */
export const CONFIG_RULE_ALLOWED_VALUES = {
  Owner: ['CUSTOM_LAMBDA', 'AWS', 'CUSTOM_POLICY'],
  EventSource: ['aws.config'],
  MessageType: [
    'ConfigurationItemChangeNotification',
    'ConfigurationSnapshotDeliveryCompleted',
    'ScheduledNotification',
    'OversizedConfigurationItemChangeNotification',
  ],
  MaximumExecutionFrequency: [
    'One_Hour',
    'Three_Hours',
    'Six_Hours',
    'Twelve_Hours',
    'TwentyFour_Hours',
  ],
} as const;

/**
 * Defects of a `AWS::Config::ConfigRule` resource's properties against
 * {@link CONFIG_RULE_ALLOWED_VALUES} and the documented constraints: a
 * `MaximumExecutionFrequency` in a source detail requires `ScheduledNotification`,
 * and every `InputParameters` value is a string. Empty when none.
 */
export function configRuleValueDefects(properties: Record<string, unknown>): string[] {
  const defects: string[] = [];
  const allowed = CONFIG_RULE_ALLOWED_VALUES;
  const check = (name: string, value: unknown, values: readonly string[]) => {
    if (!values.includes(value as string))
      defects.push(`${name} ${JSON.stringify(value)} is not one of ${values.join(', ')}`);
  };
  const source = (properties.Source ?? {}) as Record<string, unknown>;
  check('Source.Owner', source.Owner, allowed.Owner);
  if (properties.MaximumExecutionFrequency !== undefined) {
    check(
      'MaximumExecutionFrequency',
      properties.MaximumExecutionFrequency,
      allowed.MaximumExecutionFrequency,
    );
  }
  const details = (source.SourceDetails ?? []) as Record<string, unknown>[];
  for (const [index, detail] of details.entries()) {
    check(`SourceDetails[${index}].EventSource`, detail.EventSource, allowed.EventSource);
    check(`SourceDetails[${index}].MessageType`, detail.MessageType, allowed.MessageType);
    if (detail.MaximumExecutionFrequency !== undefined) {
      check(
        `SourceDetails[${index}].MaximumExecutionFrequency`,
        detail.MaximumExecutionFrequency,
        allowed.MaximumExecutionFrequency,
      );
      if (detail.MessageType !== 'ScheduledNotification') {
        defects.push(
          `SourceDetails[${index}] has a MaximumExecutionFrequency without ScheduledNotification`,
        );
      }
    }
  }
  const parameters = (properties.InputParameters ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(parameters)) {
    if (typeof value !== 'string')
      defects.push(`InputParameters.${name} is not a string: ${JSON.stringify(value)}`);
  }
  return defects;
}

/** A diagnostic of the CloudFormation schema validator. */
export interface SchemaDiagnostic {
  readonly ruleId: string;
  readonly severity: string;
  readonly message: string;
  readonly propertyPath?: string;
}

interface ValidateModule {
  readonly SchemaValidator: new () => {
    validate(template: unknown, region?: string): SchemaDiagnostic[];
  };
  readonly TemplateContent: new (content: string, name?: string) => unknown;
}

let validator:
  | { module: ValidateModule; instance: InstanceType<ValidateModule['SchemaValidator']> }
  | undefined;

/**
 * Validates a template (object or YAML/JSON text) against the CloudFormation
 * resource provider schemas bundled with aws-cdk-lib
 * (`@aws/cloudformation-validate`, offline). Returns diagnostics more severe
 * than INFO: empty when every resource matches its schema.
 */
export function schemaDiagnostics(
  template: object | string,
  region: string = TEST_ENV.region,
): SchemaDiagnostic[] {
  if (validator === undefined) {
    const requireFromTest = createRequire(import.meta.url);
    const requireFromCdkLib = createRequire(
      join(dirname(requireFromTest.resolve('aws-cdk-lib')), 'index.js'),
    );
    const module = requireFromCdkLib('@aws/cloudformation-validate') as ValidateModule;
    validator = { module, instance: new module.SchemaValidator() };
  }
  const text = typeof template === 'string' ? template : JSON.stringify(template);
  const content = new validator.module.TemplateContent(text, 'template.yaml');
  return validator.instance.validate(content, region).filter((d) => d.severity !== 'INFO');
}

/** The error `action` throws; fails when it throws nothing. */
export function errorOf(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, but none was thrown');
}

/** A configuration of a test file: what it builds in its own stack. */
export type Configure<T> = (stack: Stack) => T;

/** One configuration, built and synthesized: its stack, what it built, and its template. */
export interface Configured<T> {
  readonly stack: Stack;
  readonly built: T;
  readonly template: Template;
}

/**
 * The configurations a test file asserts on, each built once in a stack of
 * its own (named by its key) of one app, synthesized once on first use: the
 * tests then assert many things on the same templates instead of building
 * and synthesizing an app each.
 *
 * @example
 * const synthesized = synthesizeOnce({ defaults: (stack) => new RootAccessKeyRule(stack, 'Rule') });
 * it('…', () => synthesized().defaults.template.resourceCountIs('AWS::Config::ConfigRule', 1));
 */
export function synthesizeOnce<C extends Record<string, Configure<unknown>>>(
  configurations: C,
  context: Readonly<Record<string, unknown>> = {},
): () => { readonly [K in keyof C]: Configured<ReturnType<C[K]>> } {
  let synthesized: { readonly [K in keyof C]: Configured<ReturnType<C[K]>> } | undefined;
  return () => {
    if (synthesized !== undefined) return synthesized;
    const app = testApp(context);
    const built = Object.entries(configurations).map(([name, configure]) => {
      const stack = new Stack(app, name, { env: TEST_ENV });
      return [name, stack, configure(stack)] as const;
    });
    app.synth();
    synthesized = Object.fromEntries(
      built.map(([name, stack, value]) => [
        name,
        { stack, built: value, template: Template.fromStack(stack) },
      ]),
    ) as { readonly [K in keyof C]: Configured<ReturnType<C[K]>> };
    return synthesized;
  };
}
