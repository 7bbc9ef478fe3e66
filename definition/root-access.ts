/**
 * Centralized root access of AWS Organizations, as the tool uses it
 * (SPEC.md §6): the task policies of `sts:AssumeRoot` and the organization
 * features that allow them.
 */

/** The AWS managed task policies the tool opens root sessions with. */
export const RootTaskPolicy = {
  /** Reads the root user's credentials: `ListAccessKeys`, `GetAccessKeyLastUsed`, `GetAccountSummary`, … */
  Audit: 'IAMAuditRootUserCredentials',
  /** Deletes the root user's credentials; the tool only ever deletes access keys with it. */
  Delete: 'IAMDeleteRootUserCredentials',
} as const;

/** One of the values of {@link RootTaskPolicy}. */
export type RootTaskPolicy = (typeof RootTaskPolicy)[keyof typeof RootTaskPolicy];

/** The ARN of a root task policy in a partition: `arn:<partition>:iam::aws:policy/root-task/<name>`. */
export function rootTaskPolicyArn(partition: string, policy: RootTaskPolicy): string {
  return `arn:${partition}:iam::aws:policy/root-task/${policy}`;
}

/** The longest root session AWS grants, in seconds (`DurationSeconds` ≤ 900). */
export const ROOT_SESSION_MAX_SECONDS = 900;

/** Organization features of centralized root access (`iam:ListOrganizationsFeatures`). */
export const RootAccessFeature = {
  /** Root credentials management: the IAM task policies (audit, delete, create password). */
  RootCredentialsManagement: 'RootCredentialsManagement',
  /** Privileged root sessions for the S3 and SQS unlock tasks. */
  RootSessions: 'RootSessions',
} as const;

/** One of the values of {@link RootAccessFeature}. */
export type RootAccessFeature = (typeof RootAccessFeature)[keyof typeof RootAccessFeature];

/** An IAM policy document, as the project writes them. */
export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly Record<string, unknown>[];
}

/**
 * The least-privilege identity policy for the people or roles that run
 * `evaluate --assume-root` and `remediate` (in the management account or the
 * IAM delegated administrator): root sessions in any member account, limited
 * to the audit and the delete task policies; the organization's accounts and
 * root access features; and the caller's own account summary (AssumeRoot
 * cannot reach the caller's own account, so its keys are counted directly);
 * then, optional, what names the accounts and their OUs and fills the
 * evidence header (read-only Organizations calls; without them the tool runs
 * and says what it could not read). With `auditOnly`, only the audit task
 * policy: enough to plan (dry runs).
 *
 * @param partition `aws`, `aws-cn`, `aws-us-gov`, …
 */
export function rootAccessOperatorPolicy(partition: string, auditOnly = false): PolicyDocument {
  const policies = auditOnly
    ? [RootTaskPolicy.Audit]
    : [RootTaskPolicy.Audit, RootTaskPolicy.Delete];
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'RootSessionsForRootAccessKeys',
        Effect: 'Allow',
        Action: 'sts:AssumeRoot',
        Resource: `arn:${partition}:iam::*:root`,
        Condition: {
          ArnEquals: {
            'sts:TaskPolicyArn': policies.map((policy) => rootTaskPolicyArn(partition, policy)),
          },
        },
      },
      {
        Sid: 'ReadTheOrganization',
        Effect: 'Allow',
        Action: [
          'organizations:ListAccounts',
          'iam:ListOrganizationsFeatures',
          'iam:GetAccountSummary',
        ],
        Resource: '*',
      },
      {
        Sid: 'NamesOusAndEvidence',
        Effect: 'Allow',
        Action: [
          'organizations:DescribeOrganization',
          'organizations:DescribeAccount',
          'organizations:ListParents',
          'organizations:DescribeOrganizationalUnit',
          'organizations:ListRoots',
          'organizations:ListOrganizationalUnitsForParent',
          'organizations:ListAccountsForParent',
        ],
        Resource: '*',
      },
    ],
  };
}

/**
 * The service control policy that keeps root access keys from coming back:
 * it denies `iam:CreateAccessKey` to the root user of every account it
 * applies to (Control Tower's GRRESTRICTROOTUSERACCESSKEYS does the same).
 * SCPs do not apply to the management account.
 *
 * @param partition `aws`, `aws-cn`, `aws-us-gov`, or a CDK token for it
 */
export function preventRootAccessKeysPolicy(partition: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyRootUserAccessKeyCreation',
        Effect: 'Deny',
        Action: 'iam:CreateAccessKey',
        Resource: '*',
        Condition: { StringLike: { 'aws:PrincipalArn': `arn:${partition}:iam::*:root` } },
      },
    ],
  };
}
