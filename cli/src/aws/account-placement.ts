import {
  DescribeAccountCommand,
  DescribeOrganizationalUnitCommand,
  ListParentsCommand,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import type { Deadline } from '../../../aws/backoff.js';
import { withinDeadline } from '../../../aws/deadline.js';
import { AwsCallError, errorName, toAwsError } from '../../../aws/errors.js';
import { mapWithConcurrency } from '../concurrency.js';
import { toMemberAccount } from './list-accounts.js';
import type { OrganizationParent, OrganizationTree, PlacedAccount } from './organization-tree.js';

/** What Organizations answers for an account that is not a member. */
const NOT_MEMBER: ReadonlySet<string> = new Set([
  'AccountNotFoundException',
  'ChildNotFoundException',
]);

/** Deepest nesting Organizations allows (five OU levels under the root), with margin. */
const MAX_DEPTH = 8;

/**
 * Finds a few accounts in the organization without walking all of it:
 * `DescribeAccount` for the name and state, `ListParents` up to the root and
 * `DescribeOrganizationalUnit` once per OU met (shared by the accounts, and
 * asked at once for accounts read at once).
 * The answer has the shape of a walked tree holding only these accounts.
 *
 * @param deadline bounds each call, SDK retries included @default unbounded
 * @returns the accounts found; an account that is not a member is left out
 * @throws RuleError when a call fails otherwise
 */
export async function placeAccounts(
  org: OrganizationsClient,
  accountIds: readonly string[],
  concurrency: number,
  deadline?: Deadline,
): Promise<OrganizationTree> {
  const units = new Map<string, Promise<void>>();
  const parents = new Map<string, OrganizationParent>();
  let calls = 0;
  const call = async <T>(permission: string, send: () => Promise<T>): Promise<T> => {
    calls++;
    try {
      return await send();
    } catch (error) {
      throw toAwsError(error, permission);
    }
  };
  const parentOf = async (childId: string): Promise<{ id: string; type?: string }> => {
    const answer = await call('organizations:ListParents', () =>
      withinDeadline(deadline, 'organizations:ListParents', (options) =>
        org.send(new ListParentsCommand({ ChildId: childId }), options),
      ),
    );
    const [parent] = answer.Parents ?? [];
    if (parent?.Id === undefined) {
      throw new AwsCallError(`organizations:ListParents named no parent of ${childId}`);
    }
    return { id: parent.Id, ...(parent.Type && { type: parent.Type }) };
  };
  /** Records a parent and, once per OU, its name and the parents above it. */
  const record = (parent: { id: string; type?: string }, depth: number): Promise<void> => {
    if (parent.type === 'ROOT') {
      parents.set(parent.id, { id: parent.id, name: 'Root' });
      return Promise.resolve();
    }
    if (depth > MAX_DEPTH) {
      throw new AwsCallError(
        `organizations:ListParents gave more than ${MAX_DEPTH} levels above ${parent.id}`,
      );
    }
    let known = units.get(parent.id);
    if (known === undefined) {
      known = (async () => {
        const [described, above] = await Promise.all([
          call('organizations:DescribeOrganizationalUnit', () =>
            withinDeadline(deadline, 'organizations:DescribeOrganizationalUnit', (options) =>
              org.send(
                new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: parent.id }),
                options,
              ),
            ),
          ),
          parentOf(parent.id),
        ]);
        const name = described.OrganizationalUnit?.Name ?? parent.id;
        parents.set(parent.id, { id: parent.id, name, parentId: above.id });
        await record(above, depth + 1);
      })();
      units.set(parent.id, known);
    }
    return known;
  };
  const place = async (accountId: string): Promise<PlacedAccount> => {
    const [answer, parent] = await Promise.all([
      call('organizations:DescribeAccount', () =>
        withinDeadline(deadline, 'organizations:DescribeAccount', (options) =>
          org.send(new DescribeAccountCommand({ AccountId: accountId }), options),
        ),
      ),
      parentOf(accountId),
    ]);
    await record(parent, 0);
    const member = toMemberAccount(answer.Account ?? {}) ?? { id: accountId, state: 'UNKNOWN' };
    return { ...member, parentId: parent.id };
  };
  const placed = await mapWithConcurrency(accountIds, concurrency, (accountId) =>
    place(accountId).catch((error: unknown) => {
      // An account outside the organization is simply not in the answer.
      if (NOT_MEMBER.has(errorName((error as { cause?: unknown }).cause ?? error)))
        return undefined;
      throw error;
    }),
  );
  const accounts = placed.filter((account) => account !== undefined);
  return { parents, accounts, calls };
}
