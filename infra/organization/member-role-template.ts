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
 */
export function renderMemberRoleTemplate(
  options: MemberRoleTemplateOptions,
): CloudFormationTemplate {
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
