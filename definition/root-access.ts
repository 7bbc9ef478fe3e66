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
