import { configPackResponses as answers, type PackStatusAnswer } from '../config-pack-responses.js';
import { configResponses } from '../config-responses.js';
import type { RecordedCall } from '../request.js';
import type { EndpointResponse } from '../responses.js';
import { PACK_UPDATED, type SimOrganizationConformancePack } from './organization-model.js';
import { takePage } from './paging.js';
import type { Identity, SimulatedWorld } from './world.js';

const PAGE_MAX = 100;

/**
 * Config's organization conformance packs, as the account that deployed them
 * sees them: DescribeOrganizationConformancePacks (with names, one answer
 * without paging, as AWS documents) and GetOrganizationConformancePackDetailedStatus.
 */
export function answerOrganizationPacks(
  world: SimulatedWorld,
  call: RecordedCall,
  identity: Identity,
): EndpointResponse | undefined {
  if (
    call.action !== 'DescribeOrganizationConformancePacks' &&
    call.action !== 'GetOrganizationConformancePackDetailedStatus'
  ) {
    return undefined;
  }
  if (world.account(identity.accountId)?.deniedActions?.includes(`config:${call.action}`)) {
    return answers.accessDenied(`config:${call.action}`, identity.arn);
  }
  if (!identity.isCaller || !world.tree.exists) {
    return answers.organizationAccessDenied();
  }
  const limit = Number(call.params.Limit ?? 0) || PAGE_MAX;
  if (limit > PAGE_MAX) {
    return configResponses.invalidLimit(limit, PAGE_MAX);
  }
  const packs = world.options.conformancePacks ?? [];
  return call.action === 'DescribeOrganizationConformancePacks'
    ? describePacks(world, call, packs, limit)
    : detailedStatus(world, call, packs, limit);
}

function describePacks(
  world: SimulatedWorld,
  call: RecordedCall,
  packs: readonly SimOrganizationConformancePack[],
  limit: number,
): EndpointResponse {
  const names = call.params.OrganizationConformancePackNames as readonly string[] | undefined;
  const chosen =
    names === undefined || names.length === 0
      ? packs
      : names.map((name) => packs.find((pack) => pack.name === name));
  if (chosen.some((pack) => pack === undefined)) {
    return answers.noSuchOrganizationConformancePack();
  }
  const toAnswer = (pack: SimOrganizationConformancePack) => ({
    name: pack.name,
    arn: `arn:aws:config:${call.region}:${world.callerAccountId}:organization-conformance-pack/${pack.name}-${suffixOf(pack.name)}`,
    excludedAccounts: pack.excludedAccounts ?? [],
    lastUpdateTime: pack.lastUpdateTime ?? PACK_UPDATED,
  });
  const page = takePage(chosen as readonly SimOrganizationConformancePack[], {
    listing: 'describe-packs',
    limit: names === undefined || names.length === 0 ? limit : Number.MAX_SAFE_INTEGER,
    nextToken: call.params.NextToken as string | undefined,
    emptyPages: [],
  });
  return page
    ? answers.describeOrganizationConformancePacks(page.items.map(toAnswer), page.nextToken)
    : configResponses.invalidNextToken();
}

function detailedStatus(
  world: SimulatedWorld,
  call: RecordedCall,
  packs: readonly SimOrganizationConformancePack[],
  limit: number,
): EndpointResponse {
  const name = String(call.params.OrganizationConformancePackName ?? '');
  const pack = packs.find((candidate) => candidate.name === name);
  if (!pack) {
    return answers.noSuchOrganizationConformancePack();
  }
  const filters = (call.params.Filters ?? {}) as { AccountId?: string; Status?: string };
  const rows: PackStatusAnswer[] = (pack.statuses ?? [])
    .filter((row) => filters.AccountId === undefined || row.accountId === filters.AccountId)
    .filter((row) => filters.Status === undefined || row.status === filters.Status)
    .map((row) => ({
      ...row,
      conformancePackName: `OrgConformsPack-${name}-${suffixOf(name)}`,
      lastUpdateTime: row.lastUpdateTime ?? PACK_UPDATED,
    }));
  const page = takePage(rows, {
    listing: `pack-status:${name}:${JSON.stringify(filters)}`,
    limit,
    nextToken: call.params.NextToken as string | undefined,
    emptyPages: world.options.emptyPages?.GetOrganizationConformancePackDetailedStatus ?? [],
  });
  return page
    ? answers.getOrganizationConformancePackDetailedStatus(page.items, page.nextToken)
    : configResponses.invalidNextToken();
}

/** A stable 8-character suffix, as Config appends to the names it derives. */
function suffixOf(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash.toString(36).padStart(8, '0').slice(-8);
}
