import {
  type ConfigServiceClient,
  type Evaluation,
  PutEvaluationsCommand,
} from '@aws-sdk/client-config-service';
import {
  type BackoffOptions,
  backoffDelay,
  type Deadline,
  type Sleep,
  sleep,
} from '../../../aws/backoff.js';
import { sleepWithin, withinDeadline } from '../../../aws/deadline.js';
import { AwsCallError, toAwsError } from '../../../aws/errors.js';
import { ACCOUNT_RESOURCE_TYPE, type ComplianceType } from '../../../definition/config.js';
import { truncateAtWord } from '../core/annotation.js';
import { ANNOTATION_MAX_LENGTH } from '../core/constants.js';
import { PutEvaluationsError } from '../core/errors.js';

/**
 * The AWS Config side of a custom rule, in one place: what `PutEvaluations`
 * accepts and how the rule talks to it (as rdklib keeps it).
 */
export const ConfigProtocol = {
  /** Most evaluations one `PutEvaluations` call takes. */
  maxEvaluationsPerCall: 100,
  /** The result token of a dry run; `TestMode` is then set and nothing is recorded. */
  testModeToken: 'TESTMODE',
  /** Longest annotation accepted. */
  annotationMaxLength: ANNOTATION_MAX_LENGTH,
  /** Resends of evaluations that came back in `FailedEvaluations`. */
  maxResends: 3,
} as const;

/** One account's result, ready to report. */
export interface AccountVerdict {
  readonly accountId: string;
  readonly compliance: ComplianceType;
  readonly annotation: string;
  /** `notificationCreationTime` of a periodic trigger, or the item's capture time. */
  readonly orderingTimestamp: Date;
}

/** Options of {@link putEvaluations}. */
export interface PutEvaluationsOptions {
  /** Backoff between resends of failed evaluations. @default base 500 ms, cap 8 s */
  readonly backoff?: BackoffOptions;
  /** @default real timers */
  readonly sleep?: Sleep;
  /** Time left for the calls and the waits between resends. @default unbounded */
  readonly deadline?: Deadline;
}

const OPERATION = 'config:PutEvaluations';

/** The Config evaluation of an account verdict, annotation within the limit. */
export function toEvaluation(verdict: AccountVerdict): Evaluation {
  return {
    ComplianceResourceType: ACCOUNT_RESOURCE_TYPE,
    ComplianceResourceId: verdict.accountId,
    ComplianceType: verdict.compliance,
    Annotation: truncateAtWord(verdict.annotation, ConfigProtocol.annotationMaxLength),
    OrderingTimestamp: verdict.orderingTimestamp,
  };
}

/** Whether a result token asks for a dry run. */
export function isTestMode(resultToken: string): boolean {
  return resultToken === ConfigProtocol.testModeToken;
}

/** Splits evaluations into the batches `PutEvaluations` accepts. */
export function toBatches<T>(
  items: readonly T[],
  size: number = ConfigProtocol.maxEvaluationsPerCall,
): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    batches.push(items.slice(start, start + size));
  }
  return batches;
}

/**
 * Reports verdicts to Config: batches of at most 100, `TestMode` for the
 * `TESTMODE` token, failed evaluations resent with backoff.
 *
 * @throws AccessDeniedError when `config:PutEvaluations` is denied
 * @throws PutEvaluationsError when evaluations still fail after every resend
 * @throws DeadlineExceededError when the time left runs out during a call or
 *   before a resend
 */
export async function putEvaluations(
  config: ConfigServiceClient,
  verdicts: readonly AccountVerdict[],
  resultToken: string,
  options: PutEvaluationsOptions = {},
): Promise<void> {
  for (const batch of toBatches(verdicts.map(toEvaluation))) {
    await sendBatch(config, batch, resultToken, options);
  }
}

async function sendBatch(
  config: ConfigServiceClient,
  batch: Evaluation[],
  resultToken: string,
  options: PutEvaluationsOptions,
): Promise<void> {
  let pending = batch;
  for (let resend = 0; ; resend++) {
    const failed = await sendOnce(config, pending, resultToken, options.deadline);
    if (failed.length === 0) return;
    if (resend >= ConfigProtocol.maxResends) {
      const ids = failed.map((evaluation) => evaluation.ComplianceResourceId).join(', ');
      throw new PutEvaluationsError(
        `Config rejected the evaluation(s) of ${ids} after ${resend + 1} attempts (FailedEvaluations); no result was recorded`,
      );
    }
    pending = asSent(failed, batch);
    await sleepWithin(
      options.deadline,
      backoffDelay(resend, options.backoff),
      `the wait to resend evaluations Config returned in FailedEvaluations (attempt ${resend + 1} of ${ConfigProtocol.maxResends + 1})`,
      options.sleep ?? sleep,
    );
  }
}

/**
 * The failed evaluations as they were first sent: the answer names them, but
 * is not relied on to echo every field (such as the annotation). Only what
 * was sent is ever resent.
 *
 * @throws AwsCallError when the answer names an evaluation that was not sent
 */
function asSent(failed: readonly Evaluation[], sent: readonly Evaluation[]): Evaluation[] {
  const key = (evaluation: Evaluation) =>
    `${evaluation.ComplianceResourceType}/${evaluation.ComplianceResourceId}`;
  const byKey = new Map(sent.map((evaluation) => [key(evaluation), evaluation]));
  return failed.map((evaluation) => {
    const original = byKey.get(key(evaluation));
    if (original !== undefined) return original;
    throw new AwsCallError(
      `${OPERATION} answered with FailedEvaluations naming ${JSON.stringify(key(evaluation))}, which was not sent (sent: ${[...byKey.keys()].join(', ')}); whether the evaluation was recorded is unknown`,
    );
  });
}

async function sendOnce(
  config: ConfigServiceClient,
  evaluations: Evaluation[],
  resultToken: string,
  deadline: Deadline | undefined,
): Promise<Evaluation[]> {
  const command = new PutEvaluationsCommand({
    Evaluations: evaluations,
    ResultToken: resultToken,
    ...(isTestMode(resultToken) ? { TestMode: true } : {}),
  });
  let failed: unknown;
  try {
    ({ FailedEvaluations: failed } = await withinDeadline(deadline, OPERATION, (options) =>
      config.send(command, options),
    ));
  } catch (error) {
    throw toAwsError(error, OPERATION);
  }
  if (failed === undefined) return [];
  // The SDK does not check the shape of what it parsed: an odd answer must not crash the resends.
  if (!Array.isArray(failed) || failed.some((item) => typeof item !== 'object' || item === null)) {
    throw new AwsCallError(
      `${OPERATION} answered with FailedEvaluations that is not a list of evaluations (received ${JSON.stringify(failed).slice(0, 80)}); whether the evaluation was recorded is unknown`,
    );
  }
  return failed as Evaluation[];
}
