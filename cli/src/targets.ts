import { listActiveAccounts } from './aws/list-accounts.js';
import { type AwsSession, organizationsClientFor } from './aws/session.js';
import type { EvaluateOptions, Target } from './commands/evaluate-types.js';
import type { CallerIdentity } from './identity.js';

/** The accounts to work on: the organization's ACTIVE accounts, the ones given, or the caller's. */
export async function listTargets(
  session: AwsSession,
  caller: CallerIdentity,
  options: Pick<EvaluateOptions, 'accounts' | 'organization'>,
): Promise<Target[]> {
  if (options.organization === true) {
    const org = organizationsClientFor(session);
    try {
      const { accounts } = await listActiveAccounts(org);
      return accounts.map(({ id, name }) => ({
        accountId: id,
        ...(name ? { accountName: name } : {}),
      }));
    } finally {
      org.destroy();
    }
  }
  const ids = options.accounts ?? [caller.accountId];
  return [...new Set(ids)].map((accountId) => ({ accountId }));
}
