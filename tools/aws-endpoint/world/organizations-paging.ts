import { type OrganizationAccount, organizationsResponses } from '../organizations-responses.js';
import type { RecordedCall } from '../request.js';
import type { EndpointResponse } from '../responses.js';
import type { PagedAction, SimAccount } from './model.js';
import { takePage } from './paging.js';
import type { SimulatedWorld } from './world.js';

const MAX_RESULTS = 20;

/** An account as Organizations lists it. */
export function memberAccount(world: SimulatedWorld, account: SimAccount): OrganizationAccount {
  return {
    id: account.id,
    name: account.name ?? `account-${account.id}`,
    status: account.status ?? 'ACTIVE',
    organizationId: world.tree.id,
    managementAccountId: world.callerAccountId,
  };
}

/**
 * One page of a listing, as Organizations cuts them: `MaxResults` 1 to 20
 * (default 20), opaque tokens bound to the listing, and the world's empty pages.
 */
export function pageOf<T>(
  call: RecordedCall,
  items: readonly T[],
  listing: string,
  world: SimulatedWorld,
  answer: (page: readonly T[], nextToken: string | undefined) => EndpointResponse,
  emptyPagesOf?: PagedAction,
): EndpointResponse {
  const limit = call.params.MaxResults === undefined ? MAX_RESULTS : Number(call.params.MaxResults);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RESULTS) {
    return organizationsResponses.invalidInput(
      `MaxResults ${String(call.params.MaxResults)} is not between 1 and ${MAX_RESULTS}`,
    );
  }
  const emptyPages = world.options.emptyPages?.[emptyPagesOf ?? (call.action as PagedAction)];
  const page = takePage(items, {
    listing,
    limit,
    nextToken: call.params.NextToken as string | undefined,
    emptyPages: emptyPages ?? [],
  });
  if (!page) {
    return organizationsResponses.invalidInput('The NextToken is not valid.');
  }
  return answer(page.items, page.nextToken);
}
