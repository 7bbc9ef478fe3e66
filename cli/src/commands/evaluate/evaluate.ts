import { createIamClient } from '../../../../aws/clients.js';
import { sessionCaller } from '../../aws/caller-identity.js';
import { openSession, organizationsClientFor } from '../../aws/session.js';
import { mapWithConcurrency } from '../../concurrency.js';
import { UsageError } from '../../errors.js';
import { readEvidence } from '../../evidence.js';
import { DEFAULT_CONCURRENCY } from '../../options.js';
import { assertRootAccessUsable } from '../../root-access/root-access.js';
import type { RootAccessState } from '../../root-access/root-access-state.js';
import { listTargets } from '../../targets.js';
import { accountEvaluator } from './account-evaluator.js';
import type { EvaluateOptions, EvaluateResult, EvaluationRow } from './evaluate-types.js';

export type {
  AccountEvaluatorOptions,
  EvaluateOptions,
  EvaluateResult,
  EvaluationRow,
} from './evaluate-types.js';

/**
 * Evaluates accounts with the rule's own decision (`evaluateAccount`), never
 * calling `PutEvaluations`. The caller's account is evaluated with the
 * caller's credentials; every other account through `roleName`, assumed in
 * the caller's partition, or in a root session (`assumeRoot`). One account's failure becomes its error row and the
 * others still run. Rows carry the account's name and OU path when
 * Organizations is readable; when it is not, they simply have none.
 *
 * @throws ProjectError when the run cannot start (no credentials, an organization that cannot be listed)
 * @throws UsageError when other accounts are to be evaluated without `roleName`
 *
 * @example
 * ```ts
 * import { evaluateAccounts } from 'root-access-key-rule/cli';
 *
 * const { rows } = await evaluateAccounts({
 *   organization: true,
 *   roleName: 'RootKeyAudit',
 *   region: 'eu-west-1',
 * });
 * const failing = rows.filter((row) => row.compliance === 'NON_COMPLIANT');
 * ```
 */
export async function evaluateAccounts(options: EvaluateOptions = {}): Promise<EvaluateResult> {
  const startedAt = new Date();
  const session = await openSession(options);
  const org = organizationsClientFor(session);
  const iam = createIamClient(session.clientOptions);
  try {
    const caller = await sessionCaller(session);
    const { deadline } = session;
    const [{ targets, leftOut }, evidence] = await Promise.all([
      listTargets(org, caller, options, deadline),
      readEvidence({ org, iam, deadline }, caller, startedAt),
    ]);
    const needsRole = targets.some((target) => target.accountId !== caller.accountId);
    if (needsRole && options.roleName === undefined && options.assumeRoot !== true) {
      throw new UsageError(
        'Evaluating other accounts needs the name of the role to assume in them (--role-name), or root sessions (--assume-root)',
      );
    }
    const { rootAccess } = evidence;
    if (options.assumeRoot === true) assertRootAccessUsable(session.region, rootAccess);
    const evaluator = accountEvaluator(session, caller, options);
    options.onProgress?.(0, targets.length);
    try {
      const rows = await mapWithConcurrency(
        targets,
        options.concurrency ?? DEFAULT_CONCURRENCY,
        evaluator.evaluate,
        (done) => options.onProgress?.(done, targets.length),
      );
      const withState = rows.map((row) => withRootAccess(row, rootAccess));
      return { caller, rows: withState, rootAccess, evidence, leftOut, region: session.region };
    } finally {
      evaluator.destroy();
    }
  } finally {
    org.destroy();
    iam.destroy();
    session.destroy();
  }
}

/** Every row says whether the features are enabled, where that could be read. */
function withRootAccess(row: EvaluationRow, state: RootAccessState): EvaluationRow {
  if (!state.readable) return row;
  return {
    ...row,
    rootCredentialsManagement: state.rootCredentialsManagement,
    rootSessions: state.rootSessions,
  };
}
