import { Aws, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { defaultProductArn } from '../../definition/findings/asff.js';
import { RoleName, roleReference } from '../../definition/names.js';
import { ALL_RULE_IAM_ACTIONS, SECURITY_HUB_IMPORT_ACTION } from '../../definition/permissions.js';
import { assertName } from '../prop-validation.js';

/** Properties of a {@link MemberRole}. */
export interface MemberRoleProps {
  /**
   * Name of the role, optionally under an IAM path (`security/RootKeyRule`).
   * The organization conformance pack passes the same name to the rule as
   * `ExecutionRoleName`, so it must be identical in every account.
   */
  readonly roleName: string;
  /**
   * ARN of the central function's execution role: the only principal the
   * role trusts (a role ARN pins both the account and the role).
   */
  readonly centralRoleArn: string;
  /**
   * Also allow `securityhub:BatchImportFindings` on the account's own default
   * product, for the rule's Security Hub findings. @default false
   */
  readonly securityHubFindings?: boolean;
  /**
   * ARN of the alert function's execution role (real-time detection): the
   * role then trusts it too, and lets it have the rule evaluated again in
   * this account (`config:StartConfigRulesEvaluation` on this account's
   * rules in this Region, `config:DescribeConfigRules` to find the rule's name).
   * @default no alert function
   */
  readonly alertRoleArn?: string;
}

/**
 * The role the central rule function assumes in an evaluated account. It is
 * trusted only by the central function's role and allows exactly
 * the rule's actions (`ALL_RULE_IAM_ACTIONS`: the account summary, the credential
 * report and `config:PutEvaluations`). The same construct defines the role in the
 * central account and, rendered by `renderMemberRoleTemplate`, in the
 * StackSet template deployed to every member account.
 *
 * @example
 * new MemberRole(stack, 'MemberRole', {
 *   roleName: 'security/RootKeyRule',
 *   centralRoleArn: centralFunction.role.roleArn,
 * });
 */
export class MemberRole extends Construct {
  /** The role. */
  public readonly role: iam.Role;
  /** The role's name (the rule's `ExecutionRoleName`). */
  public readonly roleName: string;

  constructor(scope: Construct, id: string, props: MemberRoleProps) {
    super(scope, id);
    assertName('MemberRole prop roleName', props.roleName, RoleName);
    const role = roleReference(props.roleName);
    this.roleName = props.roleName;
    this.role = new iam.Role(this, 'Resource', {
      roleName: role?.name ?? props.roleName,
      ...(role === undefined || role.path === '/' ? {} : { path: role.path }),
      description:
        'Lets the central root-access-key-rule function read the root user key facts of this account and report them to AWS Config',
      assumedBy:
        props.alertRoleArn === undefined
          ? new iam.ArnPrincipal(props.centralRoleArn)
          : new iam.CompositePrincipal(
              new iam.ArnPrincipal(props.centralRoleArn),
              new iam.ArnPrincipal(props.alertRoleArn),
            ),
      inlinePolicies: {
        RootAccessKeyEvaluation: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({ actions: [...ALL_RULE_IAM_ACTIONS], resources: ['*'] }),
            ...(props.securityHubFindings === true
              ? [
                  new iam.PolicyStatement({
                    actions: [SECURITY_HUB_IMPORT_ACTION],
                    resources: [defaultProductArn(Aws.PARTITION, Aws.REGION, Aws.ACCOUNT_ID)],
                  }),
                ]
              : []),
            ...(props.alertRoleArn === undefined ? [] : reEvaluationStatements()),
          ],
        }),
      },
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'iam:GetAccountSummary, iam:GenerateCredentialReport, iam:GetCredentialReport and config:PutEvaluations support no resource-level permissions: IAM only accepts "*" for them',
    });
    if (props.alertRoleArn !== undefined) {
      Validations.of(this.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:config:<AWS::Region>:<AWS::AccountId>:config-rule/*]',
        reason:
          'The organization pack gives the rule a name with a suffix in each account, and the permission takes rule ids, known only once deployed: any rule of this account and Region',
      });
    }
  }
}

/** What the alert function needs in an account: the rule's name, and a new evaluation of it. */
function reEvaluationStatements(): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({
      sid: 'ReEvaluateRule',
      actions: ['config:StartConfigRulesEvaluation'],
      resources: [`arn:${Aws.PARTITION}:config:${Aws.REGION}:${Aws.ACCOUNT_ID}:config-rule/*`],
    }),
    new iam.PolicyStatement({
      sid: 'FindRuleNames',
      actions: ['config:DescribeConfigRules'],
      resources: ['*'],
    }),
  ];
}
