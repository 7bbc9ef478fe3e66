import { Aws, CfnOutput, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { CfnPermission } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { OrganizationId, roleReference } from '../../definition/names.js';
import { RootAccessKeyFunction } from '../constructs/root-access-key-function.js';
import { assertName } from '../prop-validation.js';
import type { DeploymentSettings } from '../settings.js';
import { MemberRole } from './member-role.js';
import { MemberRoleStackSet, StackSetCallAs } from './member-role-stack-set.js';
import { OrganizationAggregator } from './organization-aggregator.js';
import { RootAccessKeyOrganizationConformancePack } from './organization-conformance-pack.js';
import type { OrganizationSettings } from './organization-settings.js';
import { RootAccessKeyPreventionPolicy } from './root-access-key-prevention-policy.js';

/** Properties of an {@link OrganizationStack}. */
export interface OrganizationStackProps extends StackProps {
  /** The rule's settings (name, frequency, parameters, log retention). @default the defaults */
  readonly settings?: DeploymentSettings;
  /** The organization: its id, the OUs to cover, the member role and the aggregator. */
  readonly organization: OrganizationSettings;
}

/**
 * The organization rollout, deployed once in the management account or the
 * AWS Config delegated administrator, in one home Region: the central rule
 * function, the member role (here and, by a StackSet, in every account of the
 * target OUs), the organization conformance pack and the aggregator.
 */
export class OrganizationStack extends Stack {
  /** The organization settings in use. */
  public readonly organization: OrganizationSettings;
  /** The central rule function. */
  public readonly ruleFunction: RootAccessKeyFunction;
  /** The permission that lets AWS Config of member accounts invoke the function. */
  public readonly invokePermission: CfnPermission;
  /** The member role of the central account itself (StackSets skip it). */
  public readonly memberRole: MemberRole;
  /** The StackSet that creates the member role in the member accounts. */
  public readonly memberRoleStackSet: MemberRoleStackSet;
  /** The organization conformance pack holding the rule. */
  public readonly conformancePack: RootAccessKeyOrganizationConformancePack;
  /** The organization aggregator, unless turned off. */
  public readonly aggregator?: OrganizationAggregator;
  /** The service control policy against root access keys, with `preventRootAccessKeys`. */
  public readonly preventionPolicy?: RootAccessKeyPreventionPolicy;

  constructor(scope: Construct, id: string, props: OrganizationStackProps) {
    super(scope, id, {
      description:
        'Root access key rule (CIS 1.4, Security Hub IAM.4) across an AWS Organization: central function, member roles, organization conformance pack, aggregator',
      ...props,
    });
    const { logRetentionDays, ...settings } = props.settings ?? {};
    const { organization } = props;
    assertName(
      'OrganizationStack prop organization.organizationId',
      organization.organizationId,
      OrganizationId,
    );
    this.organization = organization;

    this.ruleFunction = new RootAccessKeyFunction(this, 'Function', {
      reservedConcurrentExecutions: organization.maxConcurrency,
      ...(logRetentionDays === undefined ? {} : { logRetention: logRetentionDays }),
      ownAccountPermissions: false,
    });
    const centralRole = this.ruleFunction.role;
    this.invokePermission = this.ruleFunction.allowConfigInvoke({
      id: 'OrganizationConfigPermission',
      anySourceAccount: true,
    });

    this.memberRole = new MemberRole(this, 'MemberRole', {
      roleName: organization.memberRoleName,
      centralRoleArn: centralRole.roleArn,
    });
    // The one name of the member role: the StackSet's role, the assume-role
    // grant and the pack's ExecutionRoleName all read it from here.
    const memberRoleName = this.memberRole.roleName;
    this.allowAssumeMemberRoles(centralRole, memberRoleName, organization.organizationId);

    this.memberRoleStackSet = new MemberRoleStackSet(this, 'MemberRoleStackSet', {
      memberRoleName,
      centralRoleArn: centralRole.roleArn,
      organizationalUnitIds: organization.organizationalUnitIds,
      // The central account has its own copy of the role (above); a stack
      // instance there would collide with it when this is a delegated admin.
      excludedAccounts: [this.account, ...organization.excludedAccounts],
      callAs: organization.delegatedAdmin ? StackSetCallAs.DelegatedAdmin : StackSetCallAs.Self,
    });

    this.conformancePack = new RootAccessKeyOrganizationConformancePack(this, 'ConformancePack', {
      ...settings,
      functionArn: this.ruleFunction.functionArn,
      executionRoleName: memberRoleName,
      excludedAccounts: organization.excludedAccounts,
    });
    // Rules must not run before the roles they assume and the invoke permission exist.
    this.conformancePack.node.addDependency(
      this.memberRoleStackSet,
      this.memberRole,
      this.invokePermission,
    );

    if (organization.aggregator) {
      this.aggregator = new OrganizationAggregator(this, 'Aggregator', {
        aggregatorName: organization.aggregatorName,
      });
    }
    if (organization.preventRootAccessKeys) {
      this.preventionPolicy = new RootAccessKeyPreventionPolicy(this, 'PreventRootAccessKeys', {
        targetIds: organization.organizationalUnitIds,
      });
    }
    this.addOutputs();
  }

  private allowAssumeMemberRoles(role: iam.Role, roleName: string, organizationId: string): void {
    // Aws.PARTITION even where the partition is known: the ARN, and the
    // cdk-nag finding acknowledged below, read the same in every Region.
    const qualifiedName = roleReference(roleName)?.qualifiedName ?? roleName;
    const memberRoleArns = `arn:${Aws.PARTITION}:iam::*:role/${qualifiedName}`;
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'AssumeMemberRolesInOrganization',
        actions: ['sts:AssumeRole'],
        resources: [memberRoleArns],
        conditions: { StringEquals: { 'aws:ResourceOrgID': organizationId } },
      }),
    );
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:iam::*:role/${qualifiedName}]`,
      reason:
        'The rule evaluates every account of the organization, including accounts created later, so the account of the member role is a wildcard; the role name is fixed and aws:ResourceOrgID limits the grant to roles in accounts of this organization',
    });
  }

  private addOutputs(): void {
    new CfnOutput(this, 'FunctionArn', { value: this.ruleFunction.functionArn });
    new CfnOutput(this, 'MemberRoleName', { value: this.memberRole.roleName });
    new CfnOutput(this, 'StackSetName', {
      value: this.memberRoleStackSet.stackSet.stackSetName,
      description: 'StackSet that creates the member role in the member accounts',
    });
    new CfnOutput(this, 'ConformancePackName', {
      value: this.conformancePack.pack.organizationConformancePackName,
      description: 'Organization conformance pack holding the rule',
    });
    if (this.aggregator !== undefined) {
      new CfnOutput(this, 'AggregatorName', { value: this.aggregator.aggregatorName });
    }
  }
}
