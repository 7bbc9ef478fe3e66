import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { Deadline } from '../../aws/backoff.js';
import { ACTIVE_STATE } from './aws/list-accounts.js';
import type { EvaluateOptions, Target } from './commands/evaluate/evaluate-types.js';
import type { CallerIdentity } from './identity.js';
import { placementOf, readOrganizationDirectory } from './organization-directory.js';
import type { DirectoryAccount } from './organization-types.js';

/**
 * The accounts to evaluate: with `organization`, every ACTIVE account (the
 * others are left out, and said so); else the given ones or the caller's,
 * named from Organizations where it answers. `deadline` bounds every call.
 */
export async function listTargets(
  org: OrganizationsClient,
  caller: CallerIdentity,
  options: Pick<EvaluateOptions, 'accounts' | 'organization'>,
  deadline?: Deadline,
): Promise<{ targets: Target[]; leftOut: DirectoryAccount[] }> {
  if (options.organization === true) {
    const directory = await readOrganizationDirectory(org, { deadline });
    if (!directory.readable) throw directory.error;
    const active = directory.accounts.filter((account) => account.state === ACTIVE_STATE);
    return {
      targets: active.map((account) => ({
        accountId: account.id,
        ...placementOf(directory, account.id),
      })),
      leftOut: directory.accounts.filter((account) => account.state !== ACTIVE_STATE),
    };
  }
  const ids = [...new Set(options.accounts ?? [caller.accountId])];
  const directory = await readOrganizationDirectory(org, { accountIds: ids, deadline });
  return {
    targets: ids.map((accountId) => ({ accountId, ...placementOf(directory, accountId) })),
    leftOut: [],
  };
}
