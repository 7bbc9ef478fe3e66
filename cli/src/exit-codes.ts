import { ComplianceType } from '../../definition/config.js';

/**
 * Exit codes of the command-line tool. "Could not evaluate" wins over
 * "non-compliant": a gate that sees 1 knows every account was read.
 */
export const ExitCode = {
  /** Every account was evaluated or read and none is NON_COMPLIANT. */
  Ok: 0,
  /** At least one account is NON_COMPLIANT, and every account was evaluated or read. */
  NonCompliant: 1,
  /**
   * At least one account could not be evaluated or read, or the command could
   * not run at all (invalid arguments, no credentials, a denied listing call).
   */
  Error: 2,
} as const;

/** One of the values of {@link ExitCode}. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The part of an output row that decides the exit code. */
export interface ExitCodeInput {
  /** The compliance result, or {@link ERROR_COMPLIANCE} for a failed account. */
  readonly compliance: string;
  /** Why the account could not be evaluated or read; absent when it could. */
  readonly error?: string;
}

/** The `compliance` value of a row whose account could not be evaluated or read. */
export const ERROR_COMPLIANCE = 'ERROR';

/** The `compliance` value Config shows for an account without any evaluation. */
export const INSUFFICIENT_DATA = 'INSUFFICIENT_DATA';

/**
 * The `compliance` value of a report row for an ACTIVE account of the
 * organization that the aggregator holds nothing for.
 */
export const NO_RESULT = 'NO_RESULT';

/**
 * The `compliance` value of a report row for an account that the
 * organization conformance pack excludes on purpose: it needs no result.
 */
export const EXCLUDED = 'EXCLUDED';

/** Options of {@link exitCodeFor}. */
export interface ExitCodeOptions {
  /**
   * INSUFFICIENT_DATA rows without an error do not count as not evaluated
   * (`report --allow-insufficient-data`). @default false
   */
  readonly allowInsufficientData?: boolean;
  /**
   * NO_RESULT rows without an error do not count as not evaluated
   * (`report --allow-missing-accounts`). @default false
   */
  readonly allowMissingAccounts?: boolean;
}

/**
 * The exit code for a set of rows: 2 when any row has an error or no
 * evaluation (ERROR, or INSUFFICIENT_DATA or NO_RESULT unless allowed), else 1
 * when any is NON_COMPLIANT, else 0. An empty set is 0.
 */
export function exitCodeFor(
  rows: readonly ExitCodeInput[],
  options: ExitCodeOptions = {},
): ExitCode {
  const notEvaluated = (row: ExitCodeInput) =>
    row.error !== undefined ||
    row.compliance === ERROR_COMPLIANCE ||
    (row.compliance === INSUFFICIENT_DATA && options.allowInsufficientData !== true) ||
    (row.compliance === NO_RESULT && options.allowMissingAccounts !== true);
  if (rows.some(notEvaluated)) {
    return ExitCode.Error;
  }
  if (rows.some((row) => row.compliance === ComplianceType.NonCompliant)) {
    return ExitCode.NonCompliant;
  }
  return ExitCode.Ok;
}
