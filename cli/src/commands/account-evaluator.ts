import { DEFAULT_RULE_SETTINGS } from '../../../definition/settings.js';
import { assumeRole, type TemporaryCredentials } from '../../../rule/src/aws/assume-role.js';
import { deadlineIn } from '../../../rule/src/aws/backoff.js';
import { errorMessage, errorName } from '../../../rule/src/aws/errors.js';
import { executionRoleArn } from '../../../rule/src/core/arn.js';
import { AccessDeniedError } from '../../../rule/src/core/errors.js';
import type { RuleParameters } from '../../../rule/src/core/parameters.js';
import { evaluateAccount } from '../../../rule/src/evaluate-account.js';
import { type AwsSession, iamClientFor } from '../aws/session.js';
import { CliError, describeError } from '../errors.js';
import { ERROR_COMPLIANCE } from '../exit-codes.js';
import type { CallerIdentity } from '../identity.js';
import type { AccountEvaluatorOptions, EvaluationRow, Target } from './evaluate-types.js';

/** The `RoleSessionName` of the sessions the tool opens, visible in CloudTrail. */
const SESSION_NAME = 'root-access-key-rule-cli';

/**
 * Builds the function that evaluates one account into one row: the caller's
 * account with the caller's credentials, any other through `roleName`
 * assumed in the caller's partition. It never throws: a failure becomes the
 * account's error row. `destroy` releases the caller's IAM client.
 */
export function accountEvaluator(
  session: AwsSession,
  caller: CallerIdentity,
  options: AccountEvaluatorOptions,
) {
  const parameters: RuleParameters = { ...DEFAULT_RULE_SETTINGS, ...options.parameters };
  const ownIam = iamClientFor(session);
  const evaluate = async (target: Target): Promise<EvaluationRow> => {
    const name = target.accountName === undefined ? {} : { accountName: target.accountName };
    const own = target.accountId === caller.accountId;
    let iam = ownIam;
    try {
      if (!own) {
        const roleArn = executionRoleArn(
          caller.partition,
          target.accountId,
          options.roleName ?? '',
        );
        iam = iamClientFor(session, await assumeRoleIn(session, caller, roleArn));
      }
      const { decision, summary } = await evaluateAccount({
        iam,
        parameters,
        deadline: deadlineIn(options.reportTimeoutMs ?? 120_000),
        ...(options.backoff === undefined ? {} : { backoff: options.backoff }),
        ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
      });
      return {
        accountId: target.accountId,
        ...name,
        compliance: decision.compliance,
        annotation: decision.annotation,
        accessKeysPresent: summary.accessKeysPresent,
      };
    } catch (error) {
      return {
        accountId: target.accountId,
        ...name,
        compliance: ERROR_COMPLIANCE,
        error: describeError(error),
      };
    } finally {
      if (iam !== ownIam) iam.destroy();
    }
  };
  return { evaluate, destroy: () => ownIam.destroy() };
}

/**
 * Assumes the audit role. A denial has two possible causes, and STS does not
 * say which: the role is missing or does not trust the caller, or the caller
 * may not call sts:AssumeRole on it. The error row names both.
 */
async function assumeRoleIn(
  session: AwsSession,
  caller: CallerIdentity,
  roleArn: string,
): Promise<TemporaryCredentials> {
  try {
    return await assumeRole(session.sts, roleArn, SESSION_NAME);
  } catch (error) {
    if (!(error instanceof AccessDeniedError)) throw error;
    const cause = error.cause ?? error;
    throw new CliError(
      `sts:AssumeRole on ${roleArn} was denied (${errorName(cause)}: ${errorMessage(cause)}); the role must exist and trust the caller (${caller.arn}), and the caller needs sts:AssumeRole on it`,
      { cause: error },
    );
  }
}
