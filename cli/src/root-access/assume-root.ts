import {
  AssumeRootCommand,
  type AssumeRootCommandOutput,
  type STSClient,
} from '@aws-sdk/client-sts';
import type { TemporaryCredentials } from '../../../aws/assume-role.js';
import type { Deadline } from '../../../aws/backoff.js';
import { withinDeadline } from '../../../aws/deadline.js';
import { AccessDeniedError, AwsCallError, toAwsError } from '../../../aws/errors.js';
import {
  ROOT_SESSION_MAX_SECONDS,
  type RootTaskPolicy,
  rootTaskPolicyArn,
} from '../../../definition/root-access.js';

/** A root session in a member account, opened with `sts:AssumeRoot`. */
export interface RootSession {
  readonly accountId: string;
  /** The task policy's ARN, which limits the session. */
  readonly taskPolicyArn: string;
  readonly credentials: TemporaryCredentials;
  /**
   * The session's access key id: CloudTrail records it in the AssumeRoot
   * event (`responseElements.credentials.accessKeyId`) and on every call of
   * the session in the member account. Not a secret.
   */
  readonly sessionAccessKeyId: string;
}

/** What {@link assumeRoot} opens. */
export interface RootSessionRequest {
  readonly accountId: string;
  /** The caller's partition, for the task policy's ARN. */
  readonly partition: string;
  readonly policy: RootTaskPolicy;
  /** @default 900 (the longest AWS grants) */
  readonly durationSeconds?: number;
  /** Bounds the call. @default none */
  readonly deadline?: Deadline;
}

/**
 * Opens a root session in a member account with `sts:AssumeRoot`, limited by
 * an AWS managed task policy. `sts` must use a Regional endpoint (AWS refuses
 * AssumeRoot on the global one) and the caller's credentials, from the
 * management account or the IAM delegated administrator.
 *
 * @throws AccessDeniedError when STS denies it, saying what the caller needs
 * @throws AwsCallError when STS fails or answers without complete credentials
 * @throws DeadlineExceededError when the deadline runs out
 */
export async function assumeRoot(
  sts: STSClient,
  request: RootSessionRequest,
): Promise<RootSession> {
  const taskPolicyArn = rootTaskPolicyArn(request.partition, request.policy);
  const target = `account ${request.accountId} with task policy ${request.policy}`;
  let answer: AssumeRootCommandOutput;
  try {
    answer = await withinDeadline(request.deadline, 'sts:AssumeRoot', (options) =>
      sts.send(
        new AssumeRootCommand({
          TargetPrincipal: request.accountId,
          TaskPolicyArn: { arn: taskPolicyArn },
          DurationSeconds: Math.min(
            request.durationSeconds ?? ROOT_SESSION_MAX_SECONDS,
            ROOT_SESSION_MAX_SECONDS,
          ),
        }),
        options,
      ),
    );
  } catch (error) {
    const described = toAwsError(error, 'sts:AssumeRoot', target);
    if (!(described instanceof AccessDeniedError)) throw described;
    throw new AccessDeniedError(
      `sts:AssumeRoot into ${target} was denied (${(error as Error).name}: ${(error as Error).message}); the caller needs sts:AssumeRoot on arn:${request.partition}:iam::${request.accountId}:root allowed for ${taskPolicyArn} (sts:TaskPolicyArn), no service control policy may deny it, and AssumeRoot cannot target the management account`,
      { cause: error },
    );
  }
  const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = answer.Credentials ?? {};
  if (
    AccessKeyId === undefined ||
    SecretAccessKey === undefined ||
    SessionToken === undefined ||
    Expiration === undefined
  ) {
    throw new AwsCallError(`sts:AssumeRoot into ${target} answered without complete credentials`);
  }
  return {
    accountId: request.accountId,
    taskPolicyArn,
    sessionAccessKeyId: AccessKeyId,
    credentials: {
      accessKeyId: AccessKeyId,
      secretAccessKey: SecretAccessKey,
      sessionToken: SessionToken,
      expiration: Expiration,
    },
  };
}
