import type { IAMClient } from '@aws-sdk/client-iam';
import type { AwsSession } from '../../aws/session.js';
import type { CallerIdentity } from '../../identity.js';
import type { Target } from '../../organization-types.js';
import type { AwsClock } from '../../root-access/aws-clock.js';
import type { AuditLog } from './audit-log.js';
import type { KeyPlan } from './plan.js';
import type { RemediationRow } from './row.js';

/** What every account's remediation needs. */
export interface RemediationContext {
  readonly session: AwsSession;
  readonly caller: CallerIdentity;
  /** IAM signed as the caller, for the caller's own account. */
  readonly callerIam: IAMClient;
  readonly log: AuditLog;
  readonly minIdleDays: number;
  /** AWS's clock (the `Date` of its answers): idle times and the plan's age count by it. */
  readonly clock: AwsClock;
  /** Says why no further deletion may start (the log broke, the run was stopped), or undefined. */
  readonly stopped: () => string | undefined;
  /** Notes a key whose deletion was sent but whose outcome is not in the log. */
  readonly unlogged: (accountId: string, accessKeyId: string) => void;
}

/** One account after the plan: its keys' plans, or the rows that end it already. */
export type AccountPlan =
  | { readonly target: Target; readonly kind: 'planned'; readonly keys: readonly KeyPlan[] }
  | { readonly target: Target; readonly kind: 'done'; readonly rows: readonly RemediationRow[] };

/** Logs a root session opened for an account. */
export function sessionOpened(
  ctx: RemediationContext,
  target: Target,
  taskPolicy: string,
  sessionAccessKeyId: string,
) {
  ctx.log.write({
    event: 'session-opened',
    account: target.accountId,
    taskPolicy,
    sessionAccessKeyId,
    action: 'AssumeRoot',
    outcome: 'ok',
  });
}
