import { epochSeconds, type HttpAnswer, jsonError, jsonResult } from './responses.js';
import type { PackDeploymentStatus } from './world/organization-model.js';

/** An organization conformance pack as `DescribeOrganizationConformancePacks` describes it. */
export interface OrganizationPackAnswer {
  readonly name: string;
  readonly arn: string;
  readonly excludedAccounts: readonly string[];
  readonly lastUpdateTime: Date;
}

/** One row of `GetOrganizationConformancePackDetailedStatus`. */
export interface PackStatusAnswer {
  readonly accountId: string;
  /** The pack's name in the member account (`OrgConformsPack-<name>-<suffix>`). */
  readonly conformancePackName: string;
  readonly status: PackDeploymentStatus;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly lastUpdateTime: Date;
}

/** Builders of Config's organization conformance pack answers (JSON 1.1). */
export const configPackResponses = {
  /** A page of `DescribeOrganizationConformancePacks`. */
  describeOrganizationConformancePacks(
    packs: readonly OrganizationPackAnswer[],
    nextToken?: string,
  ): HttpAnswer {
    return jsonResult({
      OrganizationConformancePacks: packs.map((pack) => ({
        OrganizationConformancePackName: pack.name,
        OrganizationConformancePackArn: pack.arn,
        ConformancePackInputParameters: [],
        ...(pack.excludedAccounts.length > 0 && { ExcludedAccounts: pack.excludedAccounts }),
        LastUpdateTime: epochSeconds(pack.lastUpdateTime),
      })),
      NextToken: nextToken,
    });
  },

  /** A page of `GetOrganizationConformancePackDetailedStatus`. */
  getOrganizationConformancePackDetailedStatus(
    statuses: readonly PackStatusAnswer[],
    nextToken?: string,
  ): HttpAnswer {
    return jsonResult({
      OrganizationConformancePackDetailedStatuses: statuses.map((row) => ({
        AccountId: row.accountId,
        ConformancePackName: row.conformancePackName,
        Status: row.status,
        ErrorCode: row.errorCode,
        ErrorMessage: row.errorMessage,
        LastUpdateTime: epochSeconds(row.lastUpdateTime),
      })),
      NextToken: nextToken,
    });
  },

  /** 400 `NoSuchOrganizationConformancePackException`. */
  noSuchOrganizationConformancePack(): HttpAnswer {
    return jsonError(
      'NoSuchOrganizationConformancePackException',
      'One or more organization conformance packs with specified names are not present. Ensure your names are correct and try your request again later.',
    );
  },

  /** 400 `OrganizationAccessDeniedException`: neither the management account nor a delegated administrator. */
  organizationAccessDenied(): HttpAnswer {
    return jsonError(
      'OrganizationAccessDeniedException',
      'This action can only be performed if you are a registered delegated administrator for AWS Config with permissions to call ListDelegatedAdministrators API.',
    );
  },

  /** 400 `AccessDeniedException` for an action the caller's policy does not allow. */
  accessDenied(action: string, callerArn: string): HttpAnswer {
    return jsonError(
      'AccessDeniedException',
      `User: ${callerArn} is not authorized to perform: ${action}`,
    );
  },
};
