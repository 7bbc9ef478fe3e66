import { getCallerIdentity } from '../aws/caller-identity.js';
import { listActiveAccounts } from '../aws/list-accounts.js';
import { type AwsSession, openSession, organizationsClientFor } from '../aws/session.js';
import { mapWithConcurrency } from '../concurrency.js';
import { UsageError } from '../errors.js';
import type { CallerIdentity } from '../identity.js';
import { DEFAULT_CONCURRENCY } from '../options.js';
import { accountEvaluator } from './account-evaluator.js';
import type { EvaluateOptions, EvaluateResult, Target } from './evaluate-types.js';

export type {
  AccountEvaluatorOptions,
  EvaluateOptions,
  EvaluateResult,
  EvaluationRow,
} from './evaluate-types.js';

/** IAM is global: any Region signs; us-east-1 is the `aws` partition's home. */
const FALLBACK_REGION = 'us-east-1';

/**
 * Evaluates accounts with the rule's own decision (`evaluateAccount`), never
 * calling `PutEvaluations`. The caller's account is evaluated with the
 * caller's credentials; every other account through `roleName`, assumed in
 * the caller's partition. One account's failure becomes its error row and the
 * others still run.
 *
 * @throws RuleError when the run cannot start (no credentials, a denied `ListAccounts`)
 * @throws UsageError when other accounts are to be evaluated without `roleName`
 */
export async function evaluateAccounts(options: EvaluateOptions = {}): Promise<EvaluateResult> {
  const session = await openSession(options, FALLBACK_REGION);
  try {
    const caller = await getCallerIdentity(session.sts);
    const targets = await listTargets(session, caller, options);
    const needsRole = targets.some((target) => target.accountId !== caller.accountId);
    if (needsRole && options.roleName === undefined) {
      throw new UsageError(
        'Evaluating other accounts needs the name of the role to assume in them (--role-name)',
      );
    }
    const evaluator = accountEvaluator(session, caller, options);
    options.onProgress?.(0, targets.length);
    try {
      const rows = await mapWithConcurrency(
        targets,
        options.concurrency ?? DEFAULT_CONCURRENCY,
        evaluator.evaluate,
        (done) => options.onProgress?.(done, targets.length),
      );
      return { caller, rows };
    } finally {
      evaluator.destroy();
    }
  } finally {
    session.destroy();
  }
}

async function listTargets(
  session: AwsSession,
  caller: CallerIdentity,
  options: EvaluateOptions,
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
