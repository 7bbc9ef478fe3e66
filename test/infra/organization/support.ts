import { Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readOrganizationSettings } from '../../../infra/app/organization-context.js';
import {
  OrganizationStack,
  type OrganizationStackProps,
} from '../../../infra/organization/index.js';
import { TEST_ENV, testApp } from '../support.js';

/** The smallest valid organization context. */
export const ORGANIZATION_CONTEXT = {
  organizationId: 'o-abcdefghij',
  organizationalUnitIds: 'ou-ab12-abcdefgh,r-ab12',
} as const;

/** What {@link synthOrganization} returns. */
export interface SynthesizedOrganization {
  readonly stack: OrganizationStack;
  readonly template: Template;
}

/**
 * Builds an {@link OrganizationStack} from context, as the app does, with the
 * cdk-nag AwsSolutions checks, and synthesizes it: an unacknowledged finding
 * fails the synthesis.
 */
export function synthOrganization(context: Record<string, unknown> = {}): SynthesizedOrganization {
  const app = testApp({ ...ORGANIZATION_CONTEXT, ...context });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new OrganizationStack(app, 'RootAccessKeyRuleOrganization', {
    env: TEST_ENV,
    ...readOrganizationSettings(app),
  });
  app.synth();
  return { stack, template: Template.fromStack(stack) };
}

/** The organization props of {@link ORGANIZATION_CONTEXT}. */
export const ORGANIZATION_PROPS = {
  organizationId: 'o-abcdefghij',
  organizationalUnitIds: ['ou-ab12-abcdefgh', 'r-ab12'],
} as const;

/**
 * Organization stacks of the given props (besides {@link ORGANIZATION_PROPS}),
 * each a stack named by its key in one app with the cdk-nag AwsSolutions
 * checks, built and synthesized once on first use: an unacknowledged finding
 * fails the synthesis.
 */
export function synthesizeOrganizations<K extends string>(
  configurations: Readonly<Record<K, Partial<OrganizationStackProps>>>,
): () => Readonly<Record<K, SynthesizedOrganization>> {
  let synthesized: Readonly<Record<K, SynthesizedOrganization>> | undefined;
  return () => {
    if (synthesized !== undefined) return synthesized;
    const app = testApp();
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    const stacks = Object.entries<Partial<OrganizationStackProps>>(configurations).map(
      ([id, props]) =>
        [
          id,
          new OrganizationStack(app, id, { env: TEST_ENV, ...ORGANIZATION_PROPS, ...props }),
        ] as const,
    );
    app.synth();
    synthesized = Object.fromEntries(
      stacks.map(([id, stack]) => [id, { stack, template: Template.fromStack(stack) }]),
    ) as Record<K, SynthesizedOrganization>;
    return synthesized;
  };
}

/**
 * The value at `path` inside a JSON value (object keys or array indexes);
 * throws naming the path when a step is missing.
 */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const [index, step] of path.entries()) {
    const next =
      typeof current === 'object' && current !== null
        ? (current as Record<string | number, unknown>)[step]
        : undefined;
    if (next === undefined) {
      throw new Error(
        `nothing at ${path.slice(0, index + 1).join('.')} in ${JSON.stringify(value).slice(0, 300)}`,
      );
    }
    current = next;
  }
  return current;
}
