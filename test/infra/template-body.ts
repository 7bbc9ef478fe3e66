import type { Template } from 'aws-cdk-lib/assertions';
import { expect } from 'vitest';
import { PACK_RULE_LOGICAL_ID } from '../../definition/pack-template.js';
import {
  type CfnResourceJson,
  configRuleValueDefects,
  onlyResource,
  parseTemplateBody,
  resolveIntrinsics,
  SAMPLE_FUNCTION_ARN,
  schemaDiagnostics,
} from './support.js';

/** A synthesized `TemplateBody` property, which must be a plain string. */
export function templateBodyText(templateBody: unknown): string {
  if (typeof templateBody !== 'string') {
    throw new Error(`TemplateBody is not a string: ${JSON.stringify(templateBody).slice(0, 300)}`);
  }
  return templateBody;
}

/** Parses a synthesized `TemplateBody` property, which must be a plain string. */
export function bodyOf(templateBody: unknown): Record<string, unknown> {
  return parseTemplateBody(templateBodyText(templateBody));
}

/** Options of {@link resolvedPackBody}. */
export interface ResolvedPackBodyOptions {
  /** Resource type of the pack. @default 'AWS::Config::ConformancePack' */
  readonly packType?: string;
  /** ARN CloudFormation gives the template's function. @default SAMPLE_FUNCTION_ARN */
  readonly functionArn?: string;
}

/**
 * The `TemplateBody` of the template's single pack as AWS Config receives it,
 * once CloudFormation has put in the ARN of the template's single function.
 */
export function resolvedPackBody(
  template: Template,
  options: ResolvedPackBodyOptions = {},
): string {
  const { packType = 'AWS::Config::ConformancePack', functionArn = SAMPLE_FUNCTION_ARN } = options;
  const functionId = onlyResource(template, 'AWS::Lambda::Function').id;
  const pack = onlyResource(template, packType).resource;
  return templateBodyText(
    resolveIntrinsics(pack.Properties.TemplateBody, { [`${functionId}.Arn`]: functionArn }),
  );
}

/**
 * Expects `template` (object or YAML/JSON text) to hold exactly one resource,
 * an `AWS::Config::ConfigRule` with logical id `ruleId`, that matches the
 * CloudFormation schema ({@link schemaDiagnostics}) and uses only values
 * AWS Config allows ({@link configRuleValueDefects}).
 */
export function expectValidRuleTemplate(
  template: object | string,
  ruleId: string = PACK_RULE_LOGICAL_ID,
): void {
  expect(schemaDiagnostics(template)).toEqual([]);
  const parsed = typeof template === 'string' ? parseTemplateBody(template) : template;
  const resources = (parsed as { Resources: Record<string, CfnResourceJson> }).Resources;
  expect(Object.keys(resources)).toEqual([ruleId]);
  const rule = resources[ruleId] as CfnResourceJson;
  expect(rule.Type).toBe('AWS::Config::ConfigRule');
  expect(configRuleValueDefects(rule.Properties)).toEqual([]);
}
