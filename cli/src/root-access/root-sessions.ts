import type { IAMClient } from '@aws-sdk/client-iam';
import { type Deadline, deadlineIn } from '../../../aws/backoff.js';
import { createIamClient } from '../../../aws/clients.js';
import { RootTaskPolicy } from '../../../definition/root-access.js';
import { ACCOUNT_DEADLINE_MS } from '../account-deadline.js';
import { type AwsSession, withinSession } from '../aws/session.js';
import type { CallerIdentity } from '../identity.js';
import { assumeRoot, type RootSession } from './assume-root.js';

/** The root session {@link withRootSession} opens. */
export interface RootSessionTarget {
  readonly accountId: string;
  readonly policy: RootTaskPolicy;
  /**
   * Bounds AssumeRoot and, through `work`'s argument, the session's calls;
   * the caller's session's time limit ends it too. @default ACCOUNT_DEADLINE_MS from now
   */
  readonly deadline?: Deadline;
  /**
   * The session finishes work already under way (listing the keys again to
   * verify deletions that were sent): the caller's session's time limit does
   * not stop it, only the account's deadline, so that what was deleted is
   * known and logged. @default false
   */
  readonly finishing?: boolean;
}

/**
 * Opens a root session in the target account with its task policy, runs
 * `work` with an IAM client signed by it and the deadline its calls must
 * keep, then releases the client. The session itself expires on its own
 * (15 minutes at most).
 *
 * The caller's session's time limit (its signal) stops `sts:AssumeRoot`, so
 * no session is opened once it has run out, and ends the calls of an audit
 * session. The calls of a delete session keep only the account's deadline: a
 * deletion under way is finished, so that its outcome is known and logged;
 * `work` checks the caller's session before starting another. A `finishing`
 * session (the verification of deletions sent) keeps only the account's
 * deadline throughout.
 */
export async function withRootSession<T>(
  session: AwsSession,
  caller: CallerIdentity,
  target: RootSessionTarget,
  work: (iam: IAMClient, root: RootSession, deadline: Deadline) => Promise<T>,
): Promise<T> {
  const own = target.deadline ?? deadlineIn(ACCOUNT_DEADLINE_MS);
  const bounded = target.finishing === true ? own : withinSession(session, own);
  const root = await assumeRoot(session.sts, {
    accountId: target.accountId,
    partition: caller.partition,
    policy: target.policy,
    deadline: bounded,
  });
  const iam = createIamClient({ region: session.region, credentials: root.credentials });
  try {
    return await work(iam, root, target.policy === RootTaskPolicy.Delete ? own : bounded);
  } finally {
    iam.destroy();
  }
}
