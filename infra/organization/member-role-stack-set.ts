import { Stack, Token } from 'aws-cdk-lib';
import { CfnStackSet } from 'aws-cdk-lib/aws-cloudformation';
import { Construct } from 'constructs';
import { InvalidSettingError } from '../../definition/errors.js';
import { AccountId, DeploymentTarget, RoleName } from '../../definition/names.js';
import { assertName, propLabel } from '../prop-validation.js';
import { ALERT_ROLE_ARN_PARAMETER, CENTRAL_ROLE_ARN_PARAMETER } from './member-role-stack.js';
import { renderMemberRoleTemplate } from './member-role-template.js';

/** Who creates the StackSet: the management account or a delegated administrator. */
export const StackSetCallAs = {
  /** The organization's management account. */
  Self: 'SELF',
  /** A StackSets delegated administrator account. */
  DelegatedAdmin: 'DELEGATED_ADMIN',
} as const;

/** One of the values of {@link StackSetCallAs}. */
export type StackSetCallAs = (typeof StackSetCallAs)[keyof typeof StackSetCallAs];

/**
 * Operation preferences for organizations of hundreds of accounts: a quarter
 * of the accounts at a time, Regions in parallel, and failures that neither
 * throttle the rollout (soft tolerance) nor stop it before 10 % of accounts fail.
 * StackSets applies them to stack set operations, not to auto-deployment.
 */
export const MEMBER_ROLE_OPERATION_PREFERENCES: CfnStackSet.OperationPreferencesProperty = {
  maxConcurrentPercentage: 25,
  failureTolerancePercentage: 10,
  concurrencyMode: 'SOFT_FAILURE_TOLERANCE',
  regionConcurrencyType: 'PARALLEL',
};

/** Properties of a {@link MemberRoleStackSet}. */
export interface MemberRoleStackSetProps {
  /** Name of the member role (the rule's `ExecutionRoleName`); a concrete value. */
  readonly memberRoleName: string;
  /** ARN of the central function's role, the only principal the member roles trust. */
  readonly centralRoleArn: string;
  /** OU ids (`ou-…`) or the root id (`r-…`) whose accounts get the role. */
  readonly organizationalUnitIds: readonly string[];
  /**
   * Accounts of those OUs that get no role, such as the central account (which
   * has its own copy of the role) and accounts the pack excludes.
   * @default - none
   */
  readonly excludedAccounts?: readonly string[];
  /**
   * Regions of the stack instances. IAM is global, so one Region suffices.
   * @default - the stack's Region
   */
  readonly regions?: readonly string[];
  /**
   * `DELEGATED_ADMIN` when the stack is deployed from a StackSets delegated
   * administrator account instead of the management account.
   * @default SELF
   */
  readonly callAs?: StackSetCallAs;
  /**
   * ARN of the alert function's role (real-time detection), which the member
   * roles then trust too. @default none
   */
  readonly alertRoleArn?: string;
  /** @default - `<stack name>-MemberRole` */
  readonly stackSetName?: string;
  /** Let the member roles import the rule's Security Hub findings. @default false */
  readonly securityHubFindings?: boolean;
  /** @default MEMBER_ROLE_OPERATION_PREFERENCES */
  readonly operationPreferences?: CfnStackSet.OperationPreferencesProperty;
}

/**
 * A service-managed StackSet that creates the member role in every account of
 * the target OUs, including accounts that join them later (auto-deployment),
 * and deletes it from accounts that leave them.
 *
 * @example
 * new MemberRoleStackSet(stack, 'MemberRoles', {
 *   memberRoleName: 'RootAccessKeyRuleMember',
 *   centralRoleArn: centralFunction.role.roleArn,
 *   organizationalUnitIds: ['ou-ab12-abcdefgh'],
 *   excludedAccounts: [stack.account],
 * });
 */
export class MemberRoleStackSet extends Construct {
  /** The StackSet resource. */
  public readonly stackSet: CfnStackSet;
  /** The template deployed to each account, as an object. */
  public readonly template: Record<string, unknown>;

  constructor(scope: Construct, id: string, props: MemberRoleStackSetProps) {
    super(scope, id);
    validateProps(props);
    const stack = Stack.of(this);
    this.template = renderMemberRoleTemplate({
      roleName: props.memberRoleName,
      featureFlags: this.node.getAllContext(),
      ...(props.securityHubFindings === true && { securityHubFindings: true }),
      detection: props.alertRoleArn !== undefined,
    });
    const excluded = [...new Set(props.excludedAccounts ?? [])];
    this.stackSet = new CfnStackSet(this, 'Resource', {
      stackSetName: props.stackSetName ?? `${stack.stackName}-MemberRole`,
      description: `Root access key rule: role ${props.memberRoleName} that the central rule function assumes`,
      permissionModel: 'SERVICE_MANAGED',
      callAs: props.callAs ?? StackSetCallAs.Self,
      autoDeployment: { enabled: true, retainStacksOnAccountRemoval: false },
      managedExecution: { Active: true },
      capabilities: ['CAPABILITY_NAMED_IAM'],
      operationPreferences: props.operationPreferences ?? MEMBER_ROLE_OPERATION_PREFERENCES,
      parameters: [
        { parameterKey: CENTRAL_ROLE_ARN_PARAMETER, parameterValue: props.centralRoleArn },
        ...(props.alertRoleArn === undefined
          ? []
          : [{ parameterKey: ALERT_ROLE_ARN_PARAMETER, parameterValue: props.alertRoleArn }]),
      ],
      templateBody: JSON.stringify(this.template, undefined, 2),
      stackInstancesGroup: [
        {
          regions: [...(props.regions ?? [stack.region])],
          deploymentTargets: {
            organizationalUnitIds: [...props.organizationalUnitIds],
            ...(excluded.length === 0
              ? {}
              : { accountFilterType: 'DIFFERENCE', accounts: excluded }),
          },
        },
      ],
    });
  }
}

function validateProps(props: MemberRoleStackSetProps): void {
  const label = propLabel('MemberRoleStackSet');
  if (Token.isUnresolved(props.memberRoleName)) {
    throw new InvalidSettingError(
      `Invalid ${label('memberRoleName')}: received a token; allowed: a concrete role name, since it is written into the StackSet template and the rule parameters`,
    );
  }
  assertName(label('memberRoleName'), props.memberRoleName, RoleName);
  if (props.organizationalUnitIds.length === 0) {
    throw new InvalidSettingError(
      `Invalid ${label('organizationalUnitIds')}: received an empty list; allowed: a list of at least one item, each ${DeploymentTarget.description}`,
    );
  }
  for (const target of props.organizationalUnitIds) {
    assertName(label('organizationalUnitIds'), target, DeploymentTarget);
  }
  for (const account of props.excludedAccounts ?? []) {
    assertName(label('excludedAccounts'), account, AccountId);
  }
}
