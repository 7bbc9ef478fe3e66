import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { expect } from 'vitest';
import { buildApp } from '../../../infra/app/build-app.js';
import { TEST_ENV, testApp } from '../support.js';

/** A synthesized app of the repository, with every stack's template by stack id. */
export interface SynthesizedApp {
  readonly main: Stack;
  readonly templates: ReadonlyMap<string, Template>;
}

/**
 * Builds the repository's app from context in the test environment
 * (eu-west-1), synthesizes it with cdk-nag, and checks that no stack carries
 * an error or warning annotation.
 */
export function synthApp(
  context: Record<string, unknown> = {},
  env: { readonly account: string; readonly region: string } = TEST_ENV,
): SynthesizedApp {
  const app = testApp(context);
  const main = buildApp(app, env);
  app.synth();
  const templates = new Map<string, Template>();
  for (const stack of app.node.children) {
    if (!Stack.isStack(stack)) continue;
    const annotations = Annotations.fromStack(stack);
    expect(annotations.findError('*', Match.anyValue())).toEqual([]);
    expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
    templates.set(stack.node.id, Template.fromStack(stack));
  }
  return { main, templates };
}

/** The template of a stack of the app, by its id; throws when there is none. */
export function templateOf(app: SynthesizedApp, id: string): Template {
  const template = app.templates.get(id);
  if (template === undefined) {
    throw new Error(`no stack ${id}; stacks: ${[...app.templates.keys()].join(', ')}`);
  }
  return template;
}

/** The logical ids of the resources of a type whose properties match. */
export function idsOf(template: Template, type: string, props: unknown = Match.anyValue()) {
  return Object.keys(template.findResources(type, { Properties: props }));
}

/** The pattern of the root key events rule, as the template must carry it. */
export const ROOT_KEY_PATTERN = {
  source: ['aws.iam'],
  'detail-type': ['AWS API Call via CloudTrail'],
  detail: {
    eventSource: ['iam.amazonaws.com'],
    eventName: ['CreateAccessKey', 'UpdateAccessKey'],
    userIdentity: { type: ['Root'] },
  },
} as const;

/** The pattern of the NON_COMPLIANT transitions of the default rule name. */
export const NON_COMPLIANT_PATTERN = {
  source: ['aws.config'],
  'detail-type': ['Config Rules Compliance Change'],
  detail: {
    configRuleName: [
      'root-access-key-rule',
      { prefix: 'root-access-key-rule-conformance-pack-' },
      { prefix: 'OrgConfigRule-root-access-key-rule-' },
    ],
    newEvaluationResult: { complianceType: ['NON_COMPLIANT'] },
  },
} as const;
