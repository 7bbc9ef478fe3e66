import { type HttpAnswer, queryError, queryResult } from './responses.js';
import { xmlMap } from './xml.js';

/** Credential report generation states (`GenerateCredentialReport` `State`). */
export const REPORT_STATES = {
  started: 'STARTED',
  inProgress: 'INPROGRESS',
  complete: 'COMPLETE',
} as const;

/** A credential report generation state. */
export type ReportState = (typeof REPORT_STATES)[keyof typeof REPORT_STATES];

/** Options of {@link iamResponses}.getAccountSummary. */
export interface AccountSummaryOptions {
  /** `AccountAccessKeysPresent`: the root user's keys, active and inactive. */
  readonly accessKeysPresent: number;
  /** `AccountPasswordPresent`. */
  readonly passwordPresent: boolean;
  /** More or overridden `SummaryMap` entries. @default none */
  readonly extra?: Readonly<Record<string, number>>;
}

/** `SummaryMap` entries other than the two the rule reads, with realistic values. */
const TYPICAL_SUMMARY = {
  Users: 4,
  UsersQuota: 5000,
  Groups: 2,
  GroupsQuota: 300,
  Roles: 27,
  RolesQuota: 1000,
  Policies: 9,
  PoliciesQuota: 1500,
  AccountMFAEnabled: 1,
  AccountSigningCertificatesPresent: 0,
  MFADevices: 2,
  MFADevicesInUse: 2,
  AccessKeysPerUserQuota: 2,
  ServerCertificates: 0,
  ServerCertificatesQuota: 20,
  GlobalEndpointTokenVersion: 1,
} as const;

const REPORT_DESCRIPTIONS: Record<ReportState, string> = {
  STARTED: 'No report exists. Starting a new report generation task',
  INPROGRESS: 'Report generation in progress',
  COMPLETE: 'Report generation completed',
};

/** One access key as `ListAccessKeys` lists it. */
export interface AccessKeyMetadataAnswer {
  readonly accessKeyId: string;
  readonly status: 'Active' | 'Inactive';
  readonly createDate: Date;
  /** Absent for the root user's keys. */
  readonly userName?: string;
}

/** A key's last use as `GetAccessKeyLastUsed` reports it; absent fields mean never used. */
export interface AccessKeyLastUsedAnswer {
  readonly lastUsedDate?: Date;
  readonly serviceName?: string;
  readonly region?: string;
}

/** Builders of IAM answers (awsQuery XML) the project's code reads. */
export const iamResponses = {
  /** `ListAccessKeys`: one page of key metadata. */
  listAccessKeys(keys: readonly AccessKeyMetadataAnswer[], marker?: string): HttpAnswer {
    return queryResult('iam', 'ListAccessKeys', {
      AccessKeyMetadata: keys.map((key) => ({
        UserName: key.userName,
        AccessKeyId: key.accessKeyId,
        Status: key.status,
        CreateDate: key.createDate,
      })),
      IsTruncated: marker !== undefined,
      Marker: marker,
    });
  },

  /** `GetAccessKeyLastUsed`: a never-used key reads `N/A` for service and Region, no date. */
  getAccessKeyLastUsed(lastUsed: AccessKeyLastUsedAnswer, userName?: string): HttpAnswer {
    const used = lastUsed.lastUsedDate !== undefined;
    return queryResult('iam', 'GetAccessKeyLastUsed', {
      UserName: userName,
      AccessKeyLastUsed: {
        LastUsedDate: lastUsed.lastUsedDate,
        ServiceName: used ? (lastUsed.serviceName ?? 's3') : 'N/A',
        Region: used ? (lastUsed.region ?? 'us-east-1') : 'N/A',
      },
    });
  },

  /** `DeleteAccessKey`: an answer without a result. */
  deleteAccessKey(): HttpAnswer {
    return queryResult('iam', 'DeleteAccessKey');
  },

  /** `ListOrganizationsFeatures`. */
  listOrganizationsFeatures(organizationId: string, features: readonly string[]): HttpAnswer {
    return queryResult('iam', 'ListOrganizationsFeatures', {
      OrganizationId: organizationId,
      EnabledFeatures: [...features],
    });
  },

  /** 404 `NoSuchEntity` (SDK: `NoSuchEntityException`). */
  noSuchEntity(message: string): HttpAnswer {
    return queryError({ code: 'NoSuchEntity', status: 404, message });
  },

  /** 400 errors of `ListOrganizationsFeatures` and root sessions, by their code. */
  organizationFeatureError(
    code:
      | 'AccountNotManagementOrDelegatedAdministratorException'
      | 'OrganizationNotFoundException'
      | 'OrganizationNotInAllFeaturesModeException'
      | 'ServiceAccessNotEnabledException',
  ): HttpAnswer {
    const messages = {
      AccountNotManagementOrDelegatedAdministratorException:
        'The request was rejected because the account making the request is not the management account or delegated administrator account for centralized root access.',
      OrganizationNotFoundException:
        'The request was rejected because no organization is associated with your account.',
      OrganizationNotInAllFeaturesModeException:
        'The request was rejected because your organization does not have All features enabled.',
      ServiceAccessNotEnabledException:
        'The request was rejected because trusted access for IAM is not enabled for your organization.',
    } as const;
    return queryError({ code, status: 400, message: messages[code] });
  },

  /** `GetAccountSummary` with the root facts and typical other entries. */
  getAccountSummary(options: AccountSummaryOptions): HttpAnswer {
    const summary = {
      ...TYPICAL_SUMMARY,
      AccountAccessKeysPresent: options.accessKeysPresent,
      AccountPasswordPresent: options.passwordPresent ? 1 : 0,
      ...options.extra,
    };
    return queryResult('iam', 'GetAccountSummary', { SummaryMap: xmlMap(summary) });
  },

  /** `GenerateCredentialReport` answering the given state. */
  generateCredentialReport(state: ReportState): HttpAnswer {
    return queryResult('iam', 'GenerateCredentialReport', {
      State: state,
      Description: REPORT_DESCRIPTIONS[state],
    });
  },

  /** `GetCredentialReport` carrying the CSV (base64 `Content`, `ReportFormat` text/csv). */
  getCredentialReport(csv: string, generatedTime: Date = new Date()): HttpAnswer {
    return queryResult('iam', 'GetCredentialReport', {
      Content: Buffer.from(csv, 'utf8').toString('base64'),
      ReportFormat: 'text/csv',
      GeneratedTime: generatedTime,
    });
  },

  /** 410 `ReportNotPresent` (SDK: `CredentialReportNotPresentException`). */
  reportNotPresent(): HttpAnswer {
    return queryError({
      code: 'ReportNotPresent',
      status: 410,
      message:
        'Credential report does not exist. Use GenerateCredentialReport to generate a report.',
    });
  },

  /** 410 `ReportExpired` (SDK: `CredentialReportExpiredException`). */
  reportExpired(): HttpAnswer {
    return queryError({
      code: 'ReportExpired',
      status: 410,
      message:
        'The credential report is older than 4 hours. Use GenerateCredentialReport to generate a new one.',
    });
  },

  /** 404 `ReportInProgress` (SDK: `CredentialReportNotReadyException`). */
  reportInProgress(): HttpAnswer {
    return queryError({
      code: 'ReportInProgress',
      status: 404,
      message: 'The credential report is being generated.',
    });
  },

  /** 409 `LimitExceeded` (SDK: `LimitExceededException`, which the SDK retries as throttling). */
  limitExceeded(): HttpAnswer {
    return queryError({
      code: 'LimitExceeded',
      status: 409,
      message: 'Cannot generate a credential report: request limit exceeded.',
    });
  },

  /** 400 `Throttling` (SDK: a service exception named `Throttling`, retried as throttling). */
  throttling(): HttpAnswer {
    return queryError({ code: 'Throttling', status: 400, message: 'Rate exceeded' });
  },

  /** 403 `AccessDenied` (SDK: a service exception named `AccessDenied`, not retried). */
  accessDenied(
    action = 'iam:GetAccountSummary',
    principalArn = 'arn:aws:iam::111111111111:user/auditor',
  ): HttpAnswer {
    return queryError({
      code: 'AccessDenied',
      status: 403,
      message: `User: ${principalArn} is not authorized to perform: ${action} on resource: * because no identity-based policy allows the ${action} action`,
    });
  },
};
