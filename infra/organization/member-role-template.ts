import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  App,
  BootstraplessSynthesizer,
  CfnParameter,
  type IStackSynthesizer,
  Stack,
} from 'aws-cdk-lib';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import { MemberRole } from './member-role.js';

/** Name of the member-role template's parameter that receives the central role ARN. */
export const CENTRAL_ROLE_ARN_PARAMETER = 'CentralRoleArn';

/** Logical id of the role in the member-role template. */
export const MEMBER_ROLE_LOGICAL_ID = 'MemberRole';

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
}

/** A CloudFormation template as a plain object. */
export type CloudFormationTemplate = Record<string, unknown>;

const ROLE_ARN_PATTERN = '^arn:aws[a-z-]*:iam::\\d{12}:role/.+$';

/**
 * Renders the CloudFormation template a StackSet deploys to member accounts:
 * the {@link MemberRole} construct alone, in a stack of its own, with the
 * central role ARN as the parameter {@link CENTRAL_ROLE_ARN_PARAMETER}. The
 * central account's copy of the role comes from the same construct, so the
 * two can never drift apart.
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
    const stack = new Stack(app, 'MemberRoleTemplate', {
      // aws-cdk-lib's synthesizer types predate exactOptionalPropertyTypes.
      synthesizer: new BootstraplessSynthesizer() as IStackSynthesizer,
      description:
        'Root access key rule: the role the central rule function assumes in this account',
    });
    const centralRoleArn = new CfnParameter(stack, CENTRAL_ROLE_ARN_PARAMETER, {
      type: 'String',
      allowedPattern: ROLE_ARN_PATTERN,
      description:
        'ARN of the central rule function role, the only principal the member role trusts',
    });
    const memberRole = new MemberRole(stack, 'MemberRole', {
      roleName: options.roleName,
      centralRoleArn: centralRoleArn.valueAsString,
    });
    stack.renameLogicalId(
      stack.getLogicalId(memberRole.role.node.defaultChild as CfnRole),
      MEMBER_ROLE_LOGICAL_ID,
    );
    return app.synth().getStackByName(stack.stackName).template as CloudFormationTemplate;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function featureFlagsOf(context: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(context).filter(([key]) => key.startsWith('@aws-cdk')));
}
