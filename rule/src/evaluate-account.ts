import type { IAMClient } from '@aws-sdk/client-iam';
import type { BackoffOptions, Deadline, Sleep } from '../../aws/backoff.js';
import { definedFields } from '../../definition/objects.js';
import { getAccountSummary } from './aws/account-summary.js';
import { fetchCredentialReport } from './aws/credential-report.js';
import { decide } from './core/decide.js';
import type { AccountSummaryFacts, Decision, RootKeysOutcome } from './core/facts.js';
import type { RuleParameters } from './core/parameters.js';

/** What {@link evaluateAccount} needs. */
export interface EvaluateAccountInput {
  /** An IAM client signed as the evaluated account. */
  readonly iam: IAMClient;
  /** The rule parameters. */
  readonly parameters: RuleParameters;
  /** Time left for credential-report polling. */
  readonly deadline: Deadline;
  /**
   * Time left for the account summary call. The Lambda handler gives it more
   * than `deadline`, which keeps time back for `PutEvaluations` only after the
   * polling. @default deadline
   */
  readonly summaryDeadline?: Deadline;
  /** Poll backoff, for tests and tools. @default see fetchCredentialReport */
  readonly backoff?: BackoffOptions;
  /** @default real timers */
  readonly sleep?: Sleep;
  /**
   * Reads the keys' details when keys exist.
   * @default the IAM credential report (polled until the deadline)
   */
  readonly readKeys?: (iam: IAMClient) => Promise<RootKeysOutcome>;
}

/** The verdict for one account with the facts behind it, for logs and tools. */
export interface AccountEvaluation {
  readonly decision: Decision;
  /** The account summary counts. */
  readonly summary: AccountSummaryFacts;
  /** What became of reading the keys' details; absent when no key exists. */
  readonly keys?: RootKeysOutcome;
  /** Milliseconds spent on IAM calls. */
  readonly timings: { readonly summaryMs: number; readonly reportMs?: number };
}

/**
 * Evaluates one account: the account summary, the keys' details (the
 * credential report, or what `readKeys` reads) only when root keys exist,
 * then the pure decision. Shared by the Lambda handler
 * and the command-line tool.
 *
 * @throws RuleError when a fact cannot be had or the verdict needs a report
 *   that cannot be had (DeadlineExceededError when the account summary
 *   outlasts its deadline)
 */
export async function evaluateAccount(input: EvaluateAccountInput): Promise<AccountEvaluation> {
  const started = performance.now();
  const summary = await getAccountSummary(input.iam, input.summaryDeadline ?? input.deadline);
  const summaryMs = elapsed(started);
  if (summary.accessKeysPresent === 0) {
    const decision = decide({ eventLeftScope: false, summary }, input.parameters);
    return { decision, summary, timings: { summaryMs } };
  }
  const reportStarted = performance.now();
  const keys = await (input.readKeys ?? readCredentialReport(input))(input.iam);
  const reportMs = elapsed(reportStarted);
  const decision = decide({ eventLeftScope: false, summary, keys }, input.parameters);
  return { decision, summary, keys, timings: { summaryMs, reportMs } };
}

function readCredentialReport(input: EvaluateAccountInput) {
  return (iam: IAMClient) =>
    fetchCredentialReport(iam, {
      deadline: input.deadline,
      ...definedFields({ backoff: input.backoff, sleep: input.sleep }),
    });
}

function elapsed(since: number): number {
  return Math.round(performance.now() - since);
}
