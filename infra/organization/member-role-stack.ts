import { CfnParameter, Stack, type StackProps } from 'aws-cdk-lib';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { MemberRole } from './member-role.js';

/** Name of the member-role template's parameter that receives the central role ARN. */
export const CENTRAL_ROLE_ARN_PARAMETER = 'CentralRoleArn';

/** Name of the member-role template's parameter that receives the alert function's role ARN. */
export const ALERT_ROLE_ARN_PARAMETER = 'AlertRoleArn';

/** Logical id of the role in the member-role template. */
export const MEMBER_ROLE_LOGICAL_ID = 'MemberRole';

const ROLE_ARN_PATTERN = '^arn:aws[a-z-]*:iam::\\d{12}:role/.+$';

/** Properties of a {@link MemberRoleStack}. */
export interface MemberRoleStackProps extends StackProps {
  /** Name of the member role (the rule's `ExecutionRoleName`). */
  readonly roleName: string;
  /** Let the role import the rule's Security Hub findings (see `MemberRoleProps`). @default false */
  readonly securityHubFindings?: boolean;
  /**
   * Real-time detection: the role trusts the alert function's role too,
   * given as the parameter {@link ALERT_ROLE_ARN_PARAMETER}. @default false
   */
  readonly detection?: boolean;
}

/**
 * The {@link MemberRole} alone, in a stack of its own, trusting the role ARN
 * given as the parameter {@link CENTRAL_ROLE_ARN_PARAMETER}: the template the
 * StackSet deploys to member accounts, and the stack deployed by hand in an
 * account StackSets cannot reach (the management account, when the central
 * account is a delegated administrator).
 *
 * @example
 * // The management account's role, deployed by hand when the central account
 * // is a delegated administrator (a plain template: no CDK bootstrap needed).
 * new MemberRoleStack(app, 'ManagementAccountRole', {
 *   roleName: 'RootAccessKeyRuleMember',
 *   synthesizer: new BootstraplessSynthesizer(),
 * });
 */
export class MemberRoleStack extends Stack {
  /** The member role. */
  public readonly memberRole: MemberRole;
  /** The parameter that names the one principal the role trusts. */
  public readonly centralRoleArn: CfnParameter;

  constructor(scope: Construct, id: string, props: MemberRoleStackProps) {
    super(scope, id, {
      description:
        'Root access key rule: the role the central rule function assumes in this account',
      ...stackProps(props),
    });
    this.centralRoleArn = new CfnParameter(this, CENTRAL_ROLE_ARN_PARAMETER, {
      type: 'String',
      allowedPattern: ROLE_ARN_PATTERN,
      description:
        'ARN of the central rule function role, the only principal the member role trusts',
    });
    const alertRoleArn = props.detection
      ? new CfnParameter(this, ALERT_ROLE_ARN_PARAMETER, {
          type: 'String',
          allowedPattern: ROLE_ARN_PATTERN,
          description:
            'ARN of the alert function role, which has the rule evaluated again in this account',
        }).valueAsString
      : undefined;
    this.memberRole = new MemberRole(this, 'MemberRole', {
      roleName: props.roleName,
      centralRoleArn: this.centralRoleArn.valueAsString,
      ...(props.securityHubFindings === true && { securityHubFindings: true }),
      ...(alertRoleArn === undefined ? {} : { alertRoleArn }),
    });
    this.renameLogicalId(
      this.getLogicalId(this.memberRole.role.node.defaultChild as CfnRole),
      MEMBER_ROLE_LOGICAL_ID,
    );
  }
}

function stackProps(props: MemberRoleStackProps): StackProps {
  const { roleName: _role, securityHubFindings: _findings, ...rest } = props;
  return rest;
}
