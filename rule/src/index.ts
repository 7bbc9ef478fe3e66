/**
 * The rule's decision and its account evaluation, for embedding in tools of
 * your own (`import { evaluateAccount } from 'root-access-key-rule/rule'`):
 * give `evaluateAccount` an IAM client signed as the account to evaluate and
 * the rule parameters; it reads the facts and returns the verdict the
 * deployed rule would report. Needs `@aws-sdk/client-iam` (a peer dependency).
 * The Lambda handler itself ships prebuilt with the constructs.
 *
 * @packageDocumentation
 */

export type { BackoffOptions, Deadline, Sleep } from '../../aws/backoff.js';
export { deadlineIn } from '../../aws/backoff.js';
export {
  AccessDeniedError,
  AwsCallError,
  AwsError,
  DeadlineExceededError,
  InvalidCredentialsError,
} from '../../aws/errors.js';
export { getAccountSummary } from './aws/account-summary.js';
export {
  listRootAccessKeys,
  listRootAccessKeysTimed,
  readRootKeysFromList,
} from './aws/root-access-keys.js';
export * from './core/index.js';
export type { AccountEvaluation, EvaluateAccountInput } from './evaluate-account.js';
export { evaluateAccount } from './evaluate-account.js';
