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

/**
 * The `compliance` values of the tool's rows besides Config's own: what a
 * row of `evaluate` or `report` says about an account. Renderers of other
 * formats (findings) map each to their own status; STALE, CONFLICT,
 * NO_RESULT, INSUFFICIENT_DATA and ERROR mean "could not be evaluated".
 *
 * @example
 * const current = report.rows.filter((row) => row.compliance !== RowState.Stale);
 */
export const RowState = {
  Compliant: 'COMPLIANT',
  NonCompliant: 'NON_COMPLIANT',
  NotApplicable: 'NOT_APPLICABLE',
  /** Config holds no COMPLIANT or NON_COMPLIANT result (aggregators never return NOT_APPLICABLE). */
  InsufficientData: 'INSUFFICIENT_DATA',
  /** A result older than the maximum age: Config keeps the last result when the rule fails. */
  Stale: 'STALE',
  /** Two rules claim to be the organization conformance pack's rule in one account and Region. */
  Conflict: 'CONFLICT',
  /** A result not from the deployed rule (another name, Region, or a failed pack): never counted. */
  Ignored: 'IGNORED',
  /** An ACTIVE account of the organization that the aggregator holds nothing counted for. */
  NoResult: 'NO_RESULT',
  /** An account the organization conformance pack excludes on purpose: it needs no result. */
  Excluded: 'EXCLUDED',
  /** The account could not be evaluated or read. */
  Error: 'ERROR',
} as const;

/** One of the values of {@link RowState}. */
export type RowState = (typeof RowState)[keyof typeof RowState];

/** The `compliance` value of a row whose account could not be evaluated or read. */
export const ERROR_COMPLIANCE = RowState.Error;

/** The `compliance` value Config shows for an account without any evaluation. */
export const INSUFFICIENT_DATA = RowState.InsufficientData;

/**
 * The `compliance` value of a report row for an ACTIVE account of the
 * organization that the aggregator holds nothing counted for.
 */
export const NO_RESULT = RowState.NoResult;

/**
 * The `compliance` value of a report row for an account that the
 * organization conformance pack excludes on purpose: it needs no result.
 */
export const EXCLUDED = RowState.Excluded;

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
 * current evaluation (ERROR, STALE, CONFLICT, or INSUFFICIENT_DATA or
 * NO_RESULT unless allowed), else 1 when any is NON_COMPLIANT, else 0. An
 * empty set is 0. IGNORED rows never count.
 */
export function exitCodeFor(
  rows: readonly ExitCodeInput[],
  options: ExitCodeOptions = {},
): ExitCode {
  const notEvaluated = (row: ExitCodeInput) =>
    row.error !== undefined ||
    row.compliance === ERROR_COMPLIANCE ||
    row.compliance === RowState.Stale ||
    row.compliance === RowState.Conflict ||
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
