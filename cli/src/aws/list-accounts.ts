import {
  type Account,
  ListAccountsCommand,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import type { Deadline } from '../../../aws/backoff.js';
import { withinDeadline } from '../../../aws/deadline.js';
import { readAllPages } from '../../../aws/paging.js';

/** An account of the organization. */
export interface OrganizationAccount {
  /** The 12-digit account id. */
  readonly id: string;
  /** The account's name, when Organizations gives one. */
  readonly name?: string;
}

/** An account of the organization with its state. */
export interface MemberAccount extends OrganizationAccount {
  /** `State` (ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED), else the older `Status`, else `UNKNOWN`. */
  readonly state: string;
}

/** What {@link listActiveAccounts} found. */
export interface AccountListing {
  /** The ACTIVE accounts, in the order Organizations listed them. */
  readonly accounts: readonly OrganizationAccount[];
  /** Pages read, empty pages included. */
  readonly pages: number;
}

/** The `State` Organizations gives an account that can be evaluated. */
export const ACTIVE_STATE = 'ACTIVE';

/**
 * Lists every account of the organization, whatever its state, with
 * `organizations:ListAccounts`, reading every page (a page may be empty and
 * still carry a `NextToken`).
 *
 * @param deadline bounds each call, SDK retries included @default unbounded
 * @throws RuleError when a call fails or a `NextToken` repeats
 */
export async function listMemberAccounts(
  org: OrganizationsClient,
  deadline?: Deadline,
): Promise<{ readonly accounts: readonly MemberAccount[]; readonly pages: number }> {
  const accounts: MemberAccount[] = [];
  const pages = await readAllPages('organizations:ListAccounts', async (token) => {
    const page = await withinDeadline(deadline, 'organizations:ListAccounts', (options) =>
      org.send(new ListAccountsCommand({ NextToken: token }), options),
    );
    for (const account of page.Accounts ?? []) {
      const member = toMemberAccount(account);
      if (member !== undefined) accounts.push(member);
    }
    return page.NextToken;
  });
  return { accounts, pages };
}

/**
 * Lists the organization's ACTIVE accounts (see {@link listMemberAccounts}).
 * Suspended, pending-closure and closed accounts are left out.
 *
 * @throws RuleError when a call fails or a `NextToken` repeats
 */
export async function listActiveAccounts(
  org: OrganizationsClient,
  deadline?: Deadline,
): Promise<AccountListing> {
  const { accounts, pages } = await listMemberAccounts(org, deadline);
  return {
    accounts: accounts
      .filter((account) => account.state === ACTIVE_STATE)
      .map(({ id, name }) => ({ id, ...(name === undefined ? {} : { name }) })),
    pages,
  };
}

/**
 * An SDK `Account` as the tool keeps it; undefined without an id. `State`
 * replaces the deprecated `Status` (retired in 2026); either may say ACTIVE.
 */
export function toMemberAccount(account: Account): MemberAccount | undefined {
  if (account.Id === undefined) return undefined;
  return {
    id: account.Id,
    ...(account.Name ? { name: account.Name } : {}),
    state: account.State ?? account.Status ?? 'UNKNOWN',
  };
}
