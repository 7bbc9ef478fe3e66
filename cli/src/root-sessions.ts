import type { IAMClient } from '@aws-sdk/client-iam';
import type { RootTaskPolicy } from '../../definition/root-access.js';
import { createIamClient } from '../../rule/src/aws/clients.js';
import { assumeRoot, type RootSession } from './aws/assume-root.js';
import type { AwsSession } from './aws/session.js';
import type { CallerIdentity } from './identity.js';

/**
 * Opens a root session in `accountId` with the task policy `policy`, runs
 * `work` with an IAM client signed by it, then releases the client. The
 * session itself expires on its own (15 minutes at most).
 */
export async function withRootSession<T>(
  session: AwsSession,
  caller: CallerIdentity,
  accountId: string,
  policy: RootTaskPolicy,
  work: (iam: IAMClient, root: RootSession) => Promise<T>,
): Promise<T> {
  const root = await assumeRoot(session.sts, { accountId, partition: caller.partition, policy });
  const iam = createIamClient({ region: session.region, credentials: root.credentials });
  try {
    return await work(iam, root);
  } finally {
    iam.destroy();
  }
}
