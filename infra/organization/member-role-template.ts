import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, BootstraplessSynthesizer, type IStackSynthesizer } from 'aws-cdk-lib';
import { MemberRoleStack } from './member-role-stack.js';

/** Options of {@link renderMemberRoleTemplate}. */
export interface MemberRoleTemplateOptions {
  /** Name of the member role (the rule's `ExecutionRoleName`). */
  readonly roleName: string;
  /**
   * Feature flags (`@aws-cdk/...` context keys) of the enclosing app, so the
   * role renders exactly as the central account's copy does. Other keys are ignored.
   * @default - none: CDK's defaults
   */
  readonly featureFlags?: Readonly<Record<string, unknown>>;
  /** Let the role import the rule's Security Hub findings. @default false */
  readonly securityHubFindings?: boolean;
  /** Real-time detection: the role trusts the alert function's role too. @default false */
  readonly detection?: boolean;
}

/** A CloudFormation template as a plain object. */
export type CloudFormationTemplate = Record<string, unknown>;

/**
 * Renders the CloudFormation template a StackSet deploys to member accounts:
 * a {@link MemberRoleStack}, with the central role ARN as the parameter
 * {@link CENTRAL_ROLE_ARN_PARAMETER}. The central account's copy of the role
 * comes from the same construct, so the two can never drift apart.
 *
 * The stack is synthesized in an isolated app into a temporary directory that
 * is removed afterwards, so it never touches the enclosing app's `cdk.out`.
 *
 * @example
 * const template = renderMemberRoleTemplate({ roleName: 'RootAccessKeyRuleMember' });
 * JSON.stringify(template); // the TemplateBody of a StackSet
 */
export function renderMemberRoleTemplate(
  options: MemberRoleTemplateOptions,
): CloudFormationTemplate {
  // Synthesizing an app takes a second or more: a template is rendered once
  // per set of options (every one of them, the feature flags included), and
  // each caller gets its own copy.
  const { featureFlags, ...rest } = options;
  const key = JSON.stringify([
    Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)),
    featureFlagsOf(featureFlags),
  ]);
  const cached = rendered.get(key) ?? synthesizeMemberRoleTemplate(options);
  rendered.set(key, cached);
  return structuredClone(cached);
}

/** Templates already rendered, by their options. */
const rendered = new Map<string, CloudFormationTemplate>();

function synthesizeMemberRoleTemplate(options: MemberRoleTemplateOptions): CloudFormationTemplate {
  const outdir = mkdtempSync(join(tmpdir(), 'member-role-template-'));
  try {
    const app = new App({
      outdir,
      autoSynth: false,
      analyticsReporting: false,
      stackTraces: false,
      context: { ...featureFlagsOf(options.featureFlags), 'aws:cdk:enable-path-metadata': false },
    });
    const stack = new MemberRoleStack(app, 'MemberRoleTemplate', {
      roleName: options.roleName,
      ...(options.securityHubFindings === true && { securityHubFindings: true }),
      detection: options.detection ?? false,
      // aws-cdk-lib's synthesizer types predate exactOptionalPropertyTypes.
      synthesizer: new BootstraplessSynthesizer() as IStackSynthesizer,
    });
    return app.synth().getStackByName(stack.stackName).template as CloudFormationTemplate;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function featureFlagsOf(context: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(context).filter(([key]) => key.startsWith('@aws-cdk')));
}
