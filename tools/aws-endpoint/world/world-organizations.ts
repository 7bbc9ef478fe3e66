import { organizationsResponses } from '../organizations-responses.js';
import type { RecordedCall } from '../request.js';
import type { EndpointResponse } from '../responses.js';
import { memberAccount, pageOf } from './organizations-paging.js';
import type { Identity, SimulatedWorld } from './world.js';
import { describeAccount } from './world-detection.js';
import { answerOrganizationTree } from './world-organization-tree.js';

/** Answered for any account of the organization; the rest for the management account only. */
const MEMBER_ACTIONS: ReadonlySet<string> = new Set(['DescribeOrganization']);

/**
 * Organizations: ListAccounts and the tree (roots, OUs, parents), for the
 * caller (management) account; DescribeOrganization for any member. Actions
 * in the caller account's `deniedActions` (`organizations:ListRoots`) are denied.
 */
export function answerOrganizations(
  world: SimulatedWorld,
  call: RecordedCall,
  identity: Identity,
): EndpointResponse | undefined {
  const denied = world.account(identity.accountId)?.deniedActions ?? [];
  if (denied.includes(`organizations:${call.action}`)) {
    return organizationsResponses.accessDenied();
  }
  if (call.action === 'DescribeAccount') return describeAccount(world, call, identity);
  if (!MEMBER_ACTIONS.has(call.action) && !identity.isCaller) {
    return organizationsResponses.accessDenied();
  }
  if (!world.tree.exists) {
    return organizationsResponses.notInUse();
  }
  if (call.action === 'ListAccounts') {
    return pageOf(call, world.organization, 'ListAccounts', world, (page, token) =>
      organizationsResponses.listAccounts(
        page.map((a) => memberAccount(world, a)),
        token,
      ),
    );
  }
  return answerOrganizationTree(world, call);
}
