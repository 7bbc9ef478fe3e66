import { ExitCode } from '../../exit-codes.js';
import { RemediationAction } from './plan.js';

/** Actions that leave a root access key in place, or may (an account left out). */
const REMAINS = new Set<string>([
  RemediationAction.WouldDelete,
  RemediationAction.Skipped,
  RemediationAction.Kept,
  RemediationAction.LeftOut,
]);

/**
 * The exit code of `remediate`: 2 when any account or key failed, else 1 when
 * a root access key remains or may (a dry run, kept keys, accounts left out), else 0: no root access
 * key remains, or none existed.
 */
export function remediationExitCode(rows: readonly { readonly action: string }[]): ExitCode {
  if (rows.some((row) => row.action === RemediationAction.Failed)) return ExitCode.Error;
  const remains = rows.some((row) => REMAINS.has(row.action));
  return remains ? ExitCode.NonCompliant : ExitCode.Ok;
}
