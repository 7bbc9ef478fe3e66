import { organizationsResponses } from '../organizations-responses.js';
import type { RecordedCall } from '../request.js';
import type { EndpointResponse } from '../responses.js';
import { takePage } from './paging.js';
import type { Identity, SimulatedWorld } from './world.js';

const MAX_RESULTS = 20;

/** Organizations: ListAccounts, for the caller (management) account only. */
export function answerOrganizations(
  world: SimulatedWorld,
  call: RecordedCall,
  identity: Identity,
): EndpointResponse | undefined {
  if (call.action !== 'ListAccounts') {
    return undefined;
  }
  if (!identity.isCaller) {
    return organizationsResponses.accessDenied();
  }
  const limit = call.params.MaxResults === undefined ? MAX_RESULTS : Number(call.params.MaxResults);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RESULTS) {
    return organizationsResponses.invalidInput(
      `MaxResults ${String(call.params.MaxResults)} is not between 1 and ${MAX_RESULTS}`,
    );
  }
  const page = takePage(world.organization, {
    listing: 'ListAccounts',
    limit,
    nextToken: call.params.NextToken as string | undefined,
    emptyPages: world.options.emptyPages?.ListAccounts ?? [],
  });
  if (!page) {
    return organizationsResponses.invalidInput('The NextToken is not valid.');
  }
  const accounts = page.items.map((account) => ({
    id: account.id,
    name: account.name ?? `account-${account.id}`,
    status: account.status ?? 'ACTIVE',
    managementAccountId: world.callerAccountId,
  }));
  return organizationsResponses.listAccounts(accounts, page.nextToken);
}
