import { ExitCode } from '../../exit-codes.js';
import { RemediationAction } from './plan.js';

/**
 * The exit code of `remediate`: 2 when any account or key failed, else 1 when
 * a root access key remains (a dry run, kept keys), else 0: no root access
 * key remains, or none existed.
 */
export function remediationExitCode(rows: readonly { readonly action: string }[]): ExitCode {
  if (rows.some((row) => row.action === RemediationAction.Failed)) return ExitCode.Error;
  const remains = rows.some(
    (row) =>
      row.action === RemediationAction.WouldDelete || row.action === RemediationAction.Skipped,
  );
  return remains ? ExitCode.NonCompliant : ExitCode.Ok;
}
