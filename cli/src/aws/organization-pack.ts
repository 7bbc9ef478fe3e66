import {
  type ConfigServiceClient,
  DescribeOrganizationConformancePacksCommand,
  GetOrganizationConformancePackDetailedStatusCommand,
} from '@aws-sdk/client-config-service';
import type { Deadline } from '../../../aws/backoff.js';
import { withinDeadline } from '../../../aws/deadline.js';
import { errorName, toAwsError } from '../../../aws/errors.js';
import { readAllPages } from '../../../aws/paging.js';

/** An organization conformance pack, as the account that deployed it sees it. */
export interface OrganizationPack {
  readonly name: string;
  /** Accounts the pack leaves out on purpose (`ExcludedAccounts`). */
  readonly excludedAccounts: readonly string[];
  readonly lastUpdateTime?: Date;
}

/** The pack's deployment in one member account. */
export interface PackAccountStatus {
  readonly accountId: string;
  /** CREATE_ / UPDATE_ / DELETE_ × SUCCESSFUL / IN_PROGRESS / FAILED. */
  readonly status: string;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly lastUpdateTime?: Date;
}

/** Largest page of `GetOrganizationConformancePackDetailedStatus`. */
const STATUS_PAGE_SIZE = 100;

/**
 * Describes one organization conformance pack by name
 * (`config:DescribeOrganizationConformancePacks`; with a name, AWS answers
 * in one page). Packs deployed from the management account and from a
 * delegated administrator do not see each other.
 *
 * @param deadline bounds each call, SDK retries included @default unbounded
 * @returns undefined when no pack of that name was deployed from the caller's account
 * @throws RuleError when the call fails otherwise (denied, not an administrator)
 */
export async function describeOrganizationPack(
  config: ConfigServiceClient,
  name: string,
  deadline?: Deadline,
): Promise<OrganizationPack | undefined> {
  try {
    const answer = await withinDeadline(
      deadline,
      'config:DescribeOrganizationConformancePacks',
      (options) =>
        config.send(
          new DescribeOrganizationConformancePacksCommand({
            OrganizationConformancePackNames: [name],
          }),
          options,
        ),
    );
    const pack = answer.OrganizationConformancePacks?.find(
      (candidate) => candidate.OrganizationConformancePackName === name,
    );
    if (pack === undefined) return undefined;
    return {
      name,
      excludedAccounts: pack.ExcludedAccounts ?? [],
      ...(pack.LastUpdateTime && { lastUpdateTime: pack.LastUpdateTime }),
    };
  } catch (error) {
    if (errorName(error) === 'NoSuchOrganizationConformancePackException') return undefined;
    throw toAwsError(error, 'config:DescribeOrganizationConformancePacks');
  }
}

/**
 * Reads every page of `config:GetOrganizationConformancePackDetailedStatus`:
 * the pack's deployment state in each member account, with Config's error
 * code and message where it failed.
 *
 * @param deadline bounds each call, SDK retries included @default unbounded
 * @throws RuleError when a call fails or a `NextToken` repeats
 */
export async function listPackStatuses(
  config: ConfigServiceClient,
  name: string,
  deadline?: Deadline,
): Promise<PackAccountStatus[]> {
  const statuses: PackAccountStatus[] = [];
  await readAllPages('config:GetOrganizationConformancePackDetailedStatus', async (token) => {
    const page = await withinDeadline(
      deadline,
      'config:GetOrganizationConformancePackDetailedStatus',
      (options) =>
        config.send(
          new GetOrganizationConformancePackDetailedStatusCommand({
            OrganizationConformancePackName: name,
            Limit: STATUS_PAGE_SIZE,
            NextToken: token,
          }),
          options,
        ),
    );
    for (const row of page.OrganizationConformancePackDetailedStatuses ?? []) {
      if (row.AccountId === undefined || row.Status === undefined) continue;
      statuses.push({
        accountId: row.AccountId,
        status: row.Status,
        ...(row.ErrorCode && { errorCode: row.ErrorCode }),
        ...(row.ErrorMessage && { errorMessage: row.ErrorMessage }),
        ...(row.LastUpdateTime && { lastUpdateTime: row.LastUpdateTime }),
      });
    }
    return page.NextToken;
  });
  return statuses;
}
