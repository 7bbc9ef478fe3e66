import { Stack } from 'aws-cdk-lib';
import { CfnPolicy } from 'aws-cdk-lib/aws-organizations';
import { Construct } from 'constructs';
import { InvalidSettingError } from '../../definition/errors.js';
import { DeploymentTarget } from '../../definition/names.js';
import { type PolicyDocument, preventRootAccessKeysPolicy } from '../../definition/root-access.js';
import { assertName, propLabel } from '../prop-validation.js';

/** Properties of a {@link RootAccessKeyPreventionPolicy}. */
export interface RootAccessKeyPreventionPolicyProps {
  /** OU ids (`ou-…`) or the root id (`r-…`) the policy is attached to. */
  readonly targetIds: readonly string[];
  /** @default 'deny-root-access-key-creation' */
  readonly policyName?: string;
}

const label = propLabel('RootAccessKeyPreventionPolicy');

/**
 * A service control policy that denies `iam:CreateAccessKey` to the root
 * user of every account under its targets, so that deleted root access keys
 * do not come back. SCPs do not apply to the management account; service
 * control policies must be enabled in the organization, and the stack must be
 * deployed from the management account (or an Organizations delegated
 * administrator for policies).
 *
 * @example
 * new RootAccessKeyPreventionPolicy(stack, 'PreventRootAccessKeys', {
 *   targetIds: ['ou-ab12-abcdefgh', 'r-ab12'],
 * });
 */
export class RootAccessKeyPreventionPolicy extends Construct {
  /** The policy resource. */
  public readonly policy: CfnPolicy;
  /** The policy's content. */
  public readonly document: PolicyDocument;

  constructor(scope: Construct, id: string, props: RootAccessKeyPreventionPolicyProps) {
    super(scope, id);
    if (props.targetIds.length === 0) {
      throw new InvalidSettingError(
        `Invalid ${label('targetIds')}: received an empty list; allowed: a list of at least one item, each ${DeploymentTarget.description}`,
      );
    }
    for (const target of props.targetIds) assertName(label('targetIds'), target, DeploymentTarget);
    this.document = preventRootAccessKeysPolicy(Stack.of(this).partition);
    this.policy = new CfnPolicy(this, 'Resource', {
      name: props.policyName ?? 'deny-root-access-key-creation',
      description:
        'Root access key rule: the root user may not create access keys (CIS 1.4, Security Hub IAM.4)',
      type: 'SERVICE_CONTROL_POLICY',
      content: this.document,
      targetIds: [...props.targetIds],
    });
  }
}
