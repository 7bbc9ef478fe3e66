import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import { getCallerIdentity } from '../aws/caller-identity.js';
import { ACTIVE_STATE } from '../aws/list-accounts.js';
import { iamClientFor, openSession, organizationsClientFor } from '../aws/session.js';
import { mapWithConcurrency } from '../concurrency.js';
import { UsageError } from '../errors.js';
import { readEvidence } from '../evidence.js';
import type { CallerIdentity } from '../identity.js';
import { DEFAULT_CONCURRENCY } from '../options.js';
import { placementOf, readOrganizationDirectory } from '../organization-directory.js';
import type { DirectoryAccount } from '../organization-types.js';
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
 * others still run. Rows carry the account's name and OU path when
 * Organizations is readable; when it is not, they simply have none.
 *
 * @throws RuleError when the run cannot start (no credentials, an organization that cannot be listed)
 * @throws UsageError when other accounts are to be evaluated without `roleName`
 */
export async function evaluateAccounts(options: EvaluateOptions = {}): Promise<EvaluateResult> {
  const startedAt = new Date();
  const session = await openSession(options, FALLBACK_REGION);
  const org = organizationsClientFor(session);
  const iam = iamClientFor(session);
  try {
    const caller = await getCallerIdentity(session.sts);
    const [{ targets, leftOut }, evidence] = await Promise.all([
      listTargets(org, caller, options),
      readEvidence({ org, iam }, caller, startedAt),
    ]);
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
      return { caller, rows, evidence, leftOut };
    } finally {
      evaluator.destroy();
    }
  } finally {
    org.destroy();
    iam.destroy();
    session.destroy();
  }
}

/**
 * The accounts to evaluate: with `organization`, every ACTIVE account (the
 * others are left out, and said so); else the given ones or the caller's,
 * named from Organizations where it answers.
 */
async function listTargets(
  org: OrganizationsClient,
  caller: CallerIdentity,
  options: EvaluateOptions,
): Promise<{ targets: Target[]; leftOut: DirectoryAccount[] }> {
  if (options.organization === true) {
    const directory = await readOrganizationDirectory(org);
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
  const directory = await readOrganizationDirectory(org, { accountIds: ids });
  return {
    targets: ids.map((accountId) => ({ accountId, ...placementOf(directory, accountId) })),
    leftOut: [],
  };
}
