import { Aws, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { roleReference } from '../../definition/names.js';

/** Properties of a {@link MemberRolesGrant}. */
export interface MemberRolesGrantProps {
  /** The central function's execution role. */
  readonly role: iam.IRole;
  /** ARN of the central function: only its own code may use the grant. */
  readonly functionArn: string;
  /** Name of the member roles, optionally under an IAM path. */
  readonly memberRoleName: string;
  /** The organization (`o-…`) whose accounts hold the member roles. */
  readonly organizationId: string;
}

/**
 * The central function role's grant to assume the member roles:
 * `sts:AssumeRole` on the role of that name in any account, only for roles
 * in accounts of the organization (`aws:ResourceOrgID`) and only from the
 * central function's own code (`lambda:SourceFunctionArn`), so that another
 * function given the same role cannot use it.
 *
 * A policy of its own rather than a statement of the role's default policy:
 * the function depends on its role's default policy, and the function's ARN
 * in it would make the two depend on each other.
 *
 * @example
 * new MemberRolesGrant(stack, 'AssumeMemberRoles', {
 *   role: centralFunction.role,
 *   functionArn: centralFunction.functionArn,
 *   memberRoleName: 'RootAccessKeyRuleMember',
 *   organizationId: 'o-abcdefghij',
 * });
 */
export class MemberRolesGrant extends Construct {
  /** The policy holding the grant, attached to the role. */
  public readonly policy: iam.Policy;

  constructor(scope: Construct, id: string, props: MemberRolesGrantProps) {
    super(scope, id);
    // Aws.PARTITION even where the partition is known: the ARN, and the
    // cdk-nag finding acknowledged below, read the same in every Region.
    const qualifiedName =
      roleReference(props.memberRoleName)?.qualifiedName ?? props.memberRoleName;
    this.policy = new iam.Policy(this, 'Resource', {
      roles: [props.role],
      statements: [
        new iam.PolicyStatement({
          sid: 'AssumeMemberRolesInOrganization',
          actions: ['sts:AssumeRole'],
          resources: [`arn:${Aws.PARTITION}:iam::*:role/${qualifiedName}`],
          conditions: {
            StringEquals: { 'aws:ResourceOrgID': props.organizationId },
            ArnEquals: { 'lambda:SourceFunctionArn': props.functionArn },
          },
        }),
      ],
    });
    Validations.of(this.policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:iam::*:role/${qualifiedName}]`,
      reason:
        'The rule evaluates every account of the organization, including accounts created later, so the account of the member role is a wildcard; the role name is fixed, aws:ResourceOrgID limits the grant to roles in accounts of this organization and lambda:SourceFunctionArn to the central function',
    });
  }
}
