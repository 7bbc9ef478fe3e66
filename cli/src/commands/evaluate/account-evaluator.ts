import type { IAMClient } from '@aws-sdk/client-iam';
import { AccountClientsPool } from '../../../../aws/account-clients.js';
import { type Deadline, deadlineIn, sleep } from '../../../../aws/backoff.js';
import { sleepUntilAborted } from '../../../../aws/deadline.js';
import { AccessDeniedError, errorMessage, errorName } from '../../../../aws/errors.js';
import { definedFields } from '../../../../definition/objects.js';
import { RootTaskPolicy } from '../../../../definition/root-access.js';
import { DEFAULT_RULE_SETTINGS } from '../../../../definition/settings.js';
import {
  executionRoleArn,
  type RuleError,
  type RuleParameters,
} from '../../../../rule/src/core/index.js';
import {
  type AccountEvaluation,
  type EvaluateAccountInput,
  evaluateAccount,
  readRootKeysFromList,
} from '../../../../rule/src/index.js';
import { ACCOUNT_DEADLINE_MS } from '../../account-deadline.js';
import { type AwsSession, withinSession } from '../../aws/session.js';
import { describeError } from '../../errors.js';
import { ERROR_COMPLIANCE } from '../../exit-codes.js';
import type { CallerIdentity } from '../../identity.js';
import { withRootSession } from '../../root-access/root-sessions.js';
import type { AccountEvaluatorOptions, EvaluationRow, Target } from './evaluate-types.js';
import { keyFields } from './key-fields.js';

/** The `RoleSessionName` of the sessions the tool opens, visible in CloudTrail. */
const SESSION_NAME = 'root-access-key-rule-cli';

/**
 * Builds the function that evaluates one account into one row: the caller's
 * account with the caller's credentials, any other through `roleName`
 * assumed in the caller's partition, or in a root session (`assumeRoot`). It never throws: a failure becomes the
 * account's error row. `destroy` releases the clients.
 */
export function accountEvaluator(
  session: AwsSession,
  caller: CallerIdentity,
  options: AccountEvaluatorOptions,
) {
  const parameters: RuleParameters = { ...DEFAULT_RULE_SETTINGS, ...options.parameters };
  const clients = new AccountClientsPool({
    clientOptions: session.clientOptions,
    sessionName: SESSION_NAME,
    sts: async () => session.sts,
    // Each account is evaluated once: a role's clients go when its account is done.
    maxIdleRoles: 0,
    describeAssumeRoleError: (error, roleArn) => assumeRoleDenied(error, roleArn, caller),
  });
  const inputFor = (iam: IAMClient, deadline: Deadline): EvaluateAccountInput => ({
    iam,
    parameters,
    deadline,
    // Credential-report polling waits end with the command's time limit too.
    sleep: sleepUntilAborted(options.sleep ?? sleep, session.deadline?.signal),
    ...definedFields({ backoff: options.backoff }),
  });
  const evaluateOne = (target: Target): Promise<AccountEvaluation> => {
    // One deadline per account, for every call made for it (AssumeRole and AssumeRoot included).
    const deadline = withinSession(
      session,
      deadlineIn(options.reportTimeoutMs ?? ACCOUNT_DEADLINE_MS),
    );
    if (target.accountId === caller.accountId) {
      return clients.use(undefined, ({ iam }) => evaluateAccount(inputFor(iam, deadline)), {
        deadline,
      });
    }
    if (options.assumeRoot === true) {
      // A root session reads the keys themselves: exact, no credential report.
      const root = { accountId: target.accountId, policy: RootTaskPolicy.Audit, deadline };
      return withRootSession(session, caller, root, (iam) =>
        evaluateAccount({
          ...inputFor(iam, deadline),
          readKeys: (rootIam) => readRootKeysFromList(rootIam, deadline),
        }),
      );
    }
    const roleArn = executionRoleArn(caller.partition, target.accountId, options.roleName ?? '');
    return clients.use(roleArn, ({ iam }) => evaluateAccount(inputFor(iam, deadline)), {
      deadline,
    });
  };
  const evaluate = async (target: Target): Promise<EvaluationRow> => {
    const name = definedFields({
      accountName: target.accountName,
      organizationalUnit: target.organizationalUnit,
    });
    try {
      const { decision, summary, keys } = await evaluateOne(target);
      return {
        accountId: target.accountId,
        ...name,
        compliance: decision.compliance,
        annotation: decision.annotation,
        accessKeysPresent: summary.accessKeysPresent,
        ...keyFields(keys),
      };
    } catch (error) {
      return {
        accountId: target.accountId,
        ...name,
        compliance: ERROR_COMPLIANCE,
        error: describeError(error),
      };
    }
  };
  return { evaluate, destroy: () => clients.destroy() };
}

/**
 * A denied audit role has two possible causes, and STS does not say which:
 * the role is missing or does not trust the caller, or the caller may not call
 * sts:AssumeRole on it. The error row names both.
 */
function assumeRoleDenied(error: RuleError, roleArn: string, caller: CallerIdentity): RuleError {
  if (!(error instanceof AccessDeniedError)) return error;
  const cause = error.cause ?? error;
  return new AccessDeniedError(
    `sts:AssumeRole on ${roleArn} was denied (${errorName(cause)}: ${errorMessage(cause)}); the role must exist and trust the caller (${caller.arn}), and the caller needs sts:AssumeRole on it`,
    { cause: error },
  );
}
