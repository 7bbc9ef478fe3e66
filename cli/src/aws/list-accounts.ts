import {
  type Account,
  ListAccountsCommand,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { readAllPages } from './paging.js';

/** An account of the organization. */
export interface OrganizationAccount {
  /** The 12-digit account id. */
  readonly id: string;
  /** The account's name, when Organizations gives one. */
  readonly name?: string;
}

/** What {@link listActiveAccounts} found. */
export interface AccountListing {
  /** The ACTIVE accounts, in the order Organizations listed them. */
  readonly accounts: readonly OrganizationAccount[];
  /** Pages read, empty pages included. */
  readonly pages: number;
}

/**
 * Lists the organization's ACTIVE accounts with `organizations:ListAccounts`,
 * reading every page (a page may be empty and still carry a `NextToken`).
 * Suspended, pending-closure and closed accounts are left out.
 *
 * @throws RuleError when a call fails or a `NextToken` repeats
 */
export async function listActiveAccounts(org: OrganizationsClient): Promise<AccountListing> {
  const accounts: OrganizationAccount[] = [];
  const pages = await readAllPages('organizations:ListAccounts', async (token) => {
    const page = await org.send(new ListAccountsCommand({ NextToken: token }));
    for (const account of page.Accounts ?? []) {
      if (account.Id !== undefined && isActive(account)) {
        accounts.push({ id: account.Id, ...(account.Name ? { name: account.Name } : {}) });
      }
    }
    return page.NextToken;
  });
  return { accounts, pages };
}

/** `State` replaces the deprecated `Status` (retired in 2026); either says ACTIVE. */
function isActive(account: Account): boolean {
  return (account.State ?? account.Status) === 'ACTIVE';
}
