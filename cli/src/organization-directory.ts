import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { Deadline } from '../../aws/backoff.js';
import { DeadlineExceededError } from '../../aws/errors.js';
import { placeAccounts } from './aws/account-placement.js';
import { listMemberAccounts } from './aws/list-accounts.js';
import {
  type OrganizationTree,
  parentPath,
  readOrganizationTree,
} from './aws/organization-tree.js';
import { describeError } from './errors.js';
import type { DirectoryAccount } from './organization-types.js';

export type { DirectoryAccount } from './organization-types.js';

/** The organization as read: its accounts, with names and OU paths. */
export interface ReadableDirectory {
  readonly readable: true;
  /** True when every account of the organization was listed (not only the ones asked for). */
  readonly complete: boolean;
  /** In the order Organizations listed them. */
  readonly accounts: readonly DirectoryAccount[];
  readonly byId: ReadonlyMap<string, DirectoryAccount>;
  /** Why accounts have no OU path (the tree was not readable, ListAccounts was). */
  readonly unitsNote?: string;
}

/** The organization could not be read, and why. */
export interface UnreadableDirectory {
  readonly readable: false;
  /** One line: the call that failed and why. */
  readonly reason: string;
  readonly error: unknown;
}

/** What {@link readOrganizationDirectory} found. */
export type OrganizationDirectory = ReadableDirectory | UnreadableDirectory;

/** Up to this many accounts are looked up one by one; more, and the whole tree is walked. */
export const LOOKUP_MAX = 20;

/**
 * Reads the organization once for a run, for names and OU paths. With
 * `accountIds` (at most {@link LOOKUP_MAX}) only those accounts are looked up;
 * otherwise the whole tree is walked top-down, and if the tree calls are not
 * allowed, `ListAccounts` gives the accounts without their OUs. Never
 * throws: an organization that cannot be read says why.
 */
export async function readOrganizationDirectory(
  org: OrganizationsClient,
  options: {
    readonly accountIds?: readonly string[];
    readonly concurrency?: number;
    /** Bounds every call. @default unbounded */
    readonly deadline?: Deadline | undefined;
  } = {},
): Promise<OrganizationDirectory> {
  const { accountIds, concurrency = 8, deadline } = options;
  try {
    if (accountIds !== undefined && accountIds.length <= LOOKUP_MAX) {
      return readable(await placeAccounts(org, accountIds, concurrency, deadline), false);
    }
    return readable(await readOrganizationTree(org, concurrency, deadline), true);
  } catch (treeError) {
    // Out of time, a second listing would only fail too, hiding which call ran out.
    const outOfTime = treeError instanceof DeadlineExceededError;
    if (outOfTime || (accountIds !== undefined && accountIds.length <= LOOKUP_MAX)) {
      return unreadable(treeError);
    }
    try {
      const { accounts } = await listMemberAccounts(org, deadline);
      return {
        readable: true,
        complete: true,
        accounts,
        byId: new Map(accounts.map((account) => [account.id, account])),
        unitsNote: `OU paths not read: ${describeError(treeError)}`,
      };
    } catch (listError) {
      return unreadable(listError);
    }
  }
}

function readable(tree: OrganizationTree, complete: boolean): ReadableDirectory {
  const accounts = tree.accounts.map(({ parentId, ...account }) => ({
    ...account,
    organizationalUnit: parentPath(tree.parents, parentId),
  }));
  return {
    readable: true,
    complete,
    accounts,
    byId: new Map(accounts.map((account) => [account.id, account])),
  };
}

function unreadable(error: unknown): UnreadableDirectory {
  return { readable: false, reason: describeError(error), error };
}

/** The name and OU path of an account, as row fields (absent ones left out). */
export function placementOf(
  directory: OrganizationDirectory,
  accountId: string,
): { accountName?: string; organizationalUnit?: string } {
  const account = directory.readable ? directory.byId.get(accountId) : undefined;
  return {
    ...(account?.name !== undefined && { accountName: account.name }),
    ...(account?.organizationalUnit !== undefined && {
      organizationalUnit: account.organizationalUnit,
    }),
  };
}
