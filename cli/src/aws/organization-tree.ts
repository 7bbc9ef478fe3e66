import {
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import type { Deadline } from '../../../aws/backoff.js';
import { withinDeadline } from '../../../aws/deadline.js';
import { AwsCallError } from '../../../aws/errors.js';
import { readAllPages } from '../../../aws/paging.js';
import { mapWithConcurrency } from '../concurrency.js';
import { type MemberAccount, toMemberAccount } from './list-accounts.js';

/** A root or organizational unit: a parent of accounts and OUs. */
export interface OrganizationParent {
  readonly id: string;
  readonly name: string;
  /** The parent's parent; absent for a root. */
  readonly parentId?: string;
}

/** An account and the root or OU it sits in. */
export interface PlacedAccount extends MemberAccount {
  readonly parentId: string;
}

/** The organization's tree as read. */
export interface OrganizationTree {
  /** Roots and OUs by id. */
  readonly parents: ReadonlyMap<string, OrganizationParent>;
  /** Every account, in the order of the walk. */
  readonly accounts: readonly PlacedAccount[];
  /** Calls made (pages read). */
  readonly calls: number;
}

/** Organizations calls at once while walking: its APIs are throttled per account. */
export const TREE_CONCURRENCY = 8;

/**
 * Reads the whole tree top-down: `ListRoots`, then for every parent of a
 * level `ListOrganizationalUnitsForParent` and `ListAccountsForParent` (every
 * page), `concurrency` listings at once. Thousands of accounts cost about one
 * call per 20 accounts plus two per OU, not calls per account.
 *
 * @param deadline bounds each call, SDK retries included @default unbounded
 * @throws RuleError when a call fails, a `NextToken` repeats or no root is listed
 */
export async function readOrganizationTree(
  org: OrganizationsClient,
  concurrency = TREE_CONCURRENCY,
  deadline?: Deadline,
): Promise<OrganizationTree> {
  const parents = new Map<string, OrganizationParent>();
  const accounts: PlacedAccount[] = [];
  let calls = 0;
  calls += await readAllPages('organizations:ListRoots', async (token) => {
    const page = await withinDeadline(deadline, 'organizations:ListRoots', (options) =>
      org.send(new ListRootsCommand({ NextToken: token }), options),
    );
    for (const root of page.Roots ?? []) {
      if (root.Id !== undefined) parents.set(root.Id, { id: root.Id, name: root.Name ?? 'Root' });
    }
    return page.NextToken;
  });
  if (parents.size === 0) {
    throw new AwsCallError(
      'organizations:ListRoots listed no root: the organization cannot be walked',
    );
  }
  let level = [...parents.keys()];
  while (level.length > 0) {
    const listings = level.flatMap((parentId) => [
      { parentId, kind: 'units' as const },
      { parentId, kind: 'accounts' as const },
    ]);
    const found = await mapWithConcurrency(listings, concurrency, async ({ parentId, kind }) =>
      kind === 'units' ? listUnits(org, parentId, deadline) : listAccounts(org, parentId, deadline),
    );
    level = [];
    for (const listing of found) {
      calls += listing.pages;
      for (const unit of listing.units) {
        parents.set(unit.id, unit);
        level.push(unit.id);
      }
      accounts.push(...listing.accounts);
    }
  }
  return { parents, accounts, calls };
}

interface Listing {
  readonly units: readonly OrganizationParent[];
  readonly accounts: readonly PlacedAccount[];
  readonly pages: number;
}

async function listUnits(
  org: OrganizationsClient,
  parentId: string,
  deadline: Deadline | undefined,
): Promise<Listing> {
  const units: OrganizationParent[] = [];
  const pages = await readAllPages(
    'organizations:ListOrganizationalUnitsForParent',
    async (token) => {
      const page = await withinDeadline(
        deadline,
        'organizations:ListOrganizationalUnitsForParent',
        (options) =>
          org.send(
            new ListOrganizationalUnitsForParentCommand({ ParentId: parentId, NextToken: token }),
            options,
          ),
      );
      for (const unit of page.OrganizationalUnits ?? []) {
        if (unit.Id !== undefined)
          units.push({ id: unit.Id, name: unit.Name ?? unit.Id, parentId });
      }
      return page.NextToken;
    },
  );
  return { units, accounts: [], pages };
}

async function listAccounts(
  org: OrganizationsClient,
  parentId: string,
  deadline: Deadline | undefined,
): Promise<Listing> {
  const accounts: PlacedAccount[] = [];
  const pages = await readAllPages('organizations:ListAccountsForParent', async (token) => {
    const page = await withinDeadline(deadline, 'organizations:ListAccountsForParent', (options) =>
      org.send(new ListAccountsForParentCommand({ ParentId: parentId, NextToken: token }), options),
    );
    for (const account of page.Accounts ?? []) {
      const member = toMemberAccount(account);
      if (member !== undefined) accounts.push({ ...member, parentId });
    }
    return page.NextToken;
  });
  return { units: [], accounts, pages };
}

/**
 * The path of a parent from its root, by names: `Root/Workloads/Prod`.
 * Unknown parents along the way are named by their id.
 */
export function parentPath(
  parents: ReadonlyMap<string, OrganizationParent>,
  parentId: string,
): string {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let id: string | undefined = parentId; id !== undefined && !seen.has(id); ) {
    seen.add(id);
    const parent = parents.get(id);
    names.unshift(parent?.name ?? id);
    id = parent?.parentId;
  }
  return names.join('/');
}
