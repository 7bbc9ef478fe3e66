import { type HttpAnswer, queryError, queryResult } from './responses.js';

/** Options of {@link stsResponses}.assumeRole. */
export interface AssumeRoleAnswer {
  /** The role assumed, `arn:<partition>:iam::<account>:role/<name>`. */
  readonly roleArn: string;
  readonly sessionName: string;
  readonly accessKeyId: string;
  /** @default a fixed fake secret */
  readonly secretAccessKey?: string;
  /** @default a token derived from the access key id */
  readonly sessionToken?: string;
  /** @default one hour from now */
  readonly expiration?: Date;
}

/** Options of {@link stsResponses}.getCallerIdentity. */
export interface CallerIdentityAnswer {
  readonly account: string;
  /** @default `arn:aws:iam::<account>:user/auditor` */
  readonly arn?: string;
  /** @default `AIDA` + account id */
  readonly userId?: string;
}

const ROLE_ARN = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;

/** Options of {@link stsResponses}.assumeRoot. */
export interface AssumeRootAnswer {
  readonly accessKeyId: string;
  /** @default a fixed fake secret */
  readonly secretAccessKey?: string;
  /** @default a token derived from the access key id */
  readonly sessionToken?: string;
  /** @default 15 minutes from now */
  readonly expiration?: Date;
  /** The caller's source identity, when it set one. */
  readonly sourceIdentity?: string;
}

/** Builders of STS answers (awsQuery XML). */
export const stsResponses = {
  /** `AssumeRoot`: a root session's `Credentials` and, when set, `SourceIdentity`. */
  assumeRoot(answer: AssumeRootAnswer): HttpAnswer {
    return queryResult('sts', 'AssumeRoot', {
      Credentials: {
        AccessKeyId: answer.accessKeyId,
        SecretAccessKey: answer.secretAccessKey ?? 'root/session/secret/not/a/real/key',
        SessionToken: answer.sessionToken ?? `root-session-token-for-${answer.accessKeyId}`,
        Expiration: answer.expiration ?? new Date(Date.now() + 900_000),
      },
      SourceIdentity: answer.sourceIdentity,
    });
  },

  /** `AssumeRole` with `Credentials` and `AssumedRoleUser` as STS sends them. */
  assumeRole(answer: AssumeRoleAnswer): HttpAnswer {
    const [, partition = 'aws', account = '000000000000', roleName = 'role'] =
      ROLE_ARN.exec(answer.roleArn) ?? [];
    const roleId = `AROA${account}EXAMPLE`;
    return queryResult('sts', 'AssumeRole', {
      Credentials: {
        AccessKeyId: answer.accessKeyId,
        SecretAccessKey: answer.secretAccessKey ?? 'assumed/role/secret/not/a/real/key',
        SessionToken: answer.sessionToken ?? `session-token-for-${answer.accessKeyId}`,
        Expiration: answer.expiration ?? new Date(Date.now() + 3600_000),
      },
      AssumedRoleUser: {
        AssumedRoleId: `${roleId}:${answer.sessionName}`,
        Arn: `arn:${partition}:sts::${account}:assumed-role/${roleName}/${answer.sessionName}`,
      },
    });
  },

  /** `GetCallerIdentity`. */
  getCallerIdentity(answer: CallerIdentityAnswer): HttpAnswer {
    return queryResult('sts', 'GetCallerIdentity', {
      UserId: answer.userId ?? `AIDA${answer.account}EXAMPLE`,
      Account: answer.account,
      Arn: answer.arn ?? `arn:aws:iam::${answer.account}:user/auditor`,
    });
  },

  /** 403 `AccessDenied` for `sts:AssumeRole` (SDK: an `STSServiceException` named `AccessDenied`). */
  accessDenied(
    roleArn: string,
    principalArn = 'arn:aws:iam::111111111111:user/auditor',
    action = 'sts:AssumeRole',
  ): HttpAnswer {
    return queryError({
      service: 'sts',
      code: 'AccessDenied',
      status: 403,
      message: `User: ${principalArn} is not authorized to perform: ${action} on resource: ${roleArn}`,
    });
  },
};
