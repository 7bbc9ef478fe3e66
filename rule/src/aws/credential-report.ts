import {
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import {
  type BackoffOptions,
  backoffDelay,
  type Deadline,
  type Sleep,
  sleep,
} from '../../../aws/backoff.js';
import { withinDeadline } from '../../../aws/deadline.js';
import {
  DeadlineExceededError,
  errorMessage,
  errorName,
  isAccessDenied,
} from '../../../aws/errors.js';
import { ProjectError } from '../../../definition/errors.js';
import { RootKeySource, type RootKeysOutcome } from '../core/facts.js';

/** How {@link fetchCredentialReport} waits for a report being generated. */
export interface ReportPollOptions {
  /** Time left for polling; when it would run out, polling stops. */
  readonly deadline: Deadline;
  /** Backoff between polls. @default base 500 ms, cap 8 s, jittered */
  readonly backoff?: BackoffOptions;
  /** @default real timers */
  readonly sleep?: Sleep;
}

/** Report states that mean "ask again later". */
const NOT_READY = new Set(['CredentialReportNotReadyException', 'ReportInProgress']);
/** Report states that mean "generate one first". */
const MISSING = new Set([
  'CredentialReportNotPresentException',
  'CredentialReportExpiredException',
  'ReportNotPresent',
  'ReportExpired',
]);
const LIMIT_EXCEEDED = new Set(['LimitExceededException', 'LimitExceeded']);

/**
 * Reads the root user's keys from the IAM credential report, generating the
 * report when none is current and polling with jittered exponential backoff
 * until the deadline. Never throws for IAM answers: it says why the report is
 * unavailable, and the decision chooses what that means.
 */
export async function fetchCredentialReport(
  iam: IAMClient,
  options: ReportPollOptions,
): Promise<RootKeysOutcome> {
  const wait = options.sleep ?? sleep;
  let immediate = false;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const step = await tryReadReport(iam, options.deadline);
    if (step.kind === 'done') return step.outcome;
    // A just-completed report is read at once, but never twice in a row: IAM
    // answering COMPLETE while the report stays absent must not become a busy loop.
    immediate = step.ready && !immediate;
    const delay = immediate ? 0 : backoffDelay(attempt, options.backoff);
    if (delay >= options.deadline()) {
      const attempts = `${attempt + 1} ${attempt === 0 ? 'attempt' : 'attempts'}`;
      return notAvailable(
        `the credential report was still being generated when the time left ran out (${attempts})`,
      );
    }
    await wait(delay);
  }
  return notAvailable(`the credential report was not ready after ${MAX_ATTEMPTS} attempts`);
}

/** A bound on polls even when IAM keeps answering at once. */
const MAX_ATTEMPTS = 30;

type Step =
  | { kind: 'done'; outcome: RootKeysOutcome }
  /** `ready`: a report was just completed, so read it without waiting. */
  | { kind: 'retry'; ready: boolean };

async function tryReadReport(iam: IAMClient, deadline: Deadline): Promise<Step> {
  try {
    // Throttling retries and stalled answers must not carry polling past the deadline.
    const { Content, GeneratedTime } = await withinDeadline(
      deadline,
      'iam:GetCredentialReport',
      (options) => iam.send(new GetCredentialReportCommand({}), options),
    );
    return { kind: 'done', outcome: await parseReport(Content, GeneratedTime) };
  } catch (error) {
    const name = errorName(error);
    if (NOT_READY.has(name)) return { kind: 'retry', ready: false };
    if (MISSING.has(name)) return generateReport(iam, deadline);
    return { kind: 'done', outcome: unavailable(error, 'iam:GetCredentialReport') };
  }
}

async function generateReport(iam: IAMClient, deadline: Deadline): Promise<Step> {
  try {
    const { State } = await withinDeadline(deadline, 'iam:GenerateCredentialReport', (options) =>
      iam.send(new GenerateCredentialReportCommand({}), options),
    );
    if (State === undefined) return unknownState();
    return { kind: 'retry', ready: State === 'COMPLETE' };
  } catch (error) {
    return { kind: 'done', outcome: unavailable(error, 'iam:GenerateCredentialReport') };
  }
}

function unknownState(): Step {
  return {
    kind: 'done',
    outcome: notAvailable('GenerateCredentialReport returned no State'),
  };
}

async function parseReport(
  content: Uint8Array | undefined,
  generatedTime: Date | undefined,
): Promise<RootKeysOutcome> {
  if (content === undefined || content.length === 0) {
    return notAvailable('GetCredentialReport returned an empty report');
  }
  const { findRootKeys } = await loadReportParser();
  try {
    const root = findRootKeys(new TextDecoder().decode(content));
    return {
      kind: 'available',
      root: generatedTime ? { ...root, generatedAt: generatedTime.toISOString() } : root,
    };
  } catch (error) {
    if (error instanceof ProjectError) return notAvailable(error.message);
    throw error;
  }
}

let reportParser: Promise<typeof import('../core/credential-report.js')> | undefined;

/**
 * The CSV parsing module, loaded on first use and only once: only accounts
 * with root keys need the CSV parser.
 */
function loadReportParser(): Promise<typeof import('../core/credential-report.js')> {
  reportParser ??= import('../core/credential-report.js');
  return reportParser;
}

function unavailable(error: unknown, permission: string): RootKeysOutcome {
  if (isAccessDenied(error)) {
    return notAvailable(`access denied: the role needs ${permission}`);
  }
  if (error instanceof DeadlineExceededError) {
    return notAvailable(`the time left ran out during ${permission}`);
  }
  if (LIMIT_EXCEEDED.has(errorName(error))) {
    return notAvailable(`IAM refused ${permission} (LimitExceeded)`);
  }
  return notAvailable(`${permission} failed: ${errorName(error)}: ${errorMessage(error)}`);
}

/** The outcome of a report that could not be had, and why. */
function notAvailable(reason: string): RootKeysOutcome {
  return { kind: 'unavailable', source: RootKeySource.CredentialReport, reason };
}
