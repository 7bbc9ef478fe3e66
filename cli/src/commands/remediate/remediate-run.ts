import { canAsk, confirm } from '../../confirm.js';
import type { ExitCode } from '../../exit-codes.js';
import { type GlobalOptions, outputFormat, sessionOptions } from '../../global-options.js';
import type { CliIo } from '../../io.js';
import { renderRows } from '../../output/render.js';
import { withProgress } from '../../progress.js';
import { rootAccessLine } from '../../root-access/root-access-state.js';
import { remediationExitCode } from './exit-code.js';
import { remediateAccounts } from './remediate.js';
import type { RemediateCommandOptions } from './remediate-command-options.js';
import type { RemediateResult } from './remediate-types.js';
import { remediationView } from './remediate-view.js';

const CLOSING: Record<RemediateResult['outcome'], string> = {
  'dry-run':
    'Dry run: nothing was changed. Run again with --apply to delete the WOULD_DELETE keys.',
  applied: 'Applied: DELETED keys were deleted and verified gone.',
  cancelled: 'Cancelled: nothing was deleted.',
};

/** Runs `remediate` (loaded only when it runs): plans, asks, applies, prints, gives the exit code. */
export async function runRemediate(
  options: RemediateCommandOptions,
  global: GlobalOptions,
  io: CliIo,
): Promise<ExitCode> {
  const format = outputFormat(global, io);
  const ask = options.apply === true && options.yes !== true && canAsk(io);
  const result = await withProgress(io.stderr, 'Remediating accounts', (onProgress) =>
    remediateAccounts({
      ...sessionOptions(global),
      ...(options.accounts === undefined ? {} : { accounts: options.accounts }),
      organization: options.organization === true,
      apply: options.apply === true,
      minIdleDays: options.minIdleDays,
      ...(options.auditLog === undefined ? {} : { auditLogPath: options.auditLog }),
      concurrency: options.concurrency,
      onProgress,
      ...(ask
        ? {
            confirm: ({ keys, accounts }) =>
              confirm(
                io,
                `Delete ${keys} root access key${keys === 1 ? '' : 's'} in ${accounts} account${accounts === 1 ? '' : 's'}? This cannot be undone.`,
              ),
          }
        : {}),
    }),
  );
  const closing = `${CLOSING[result.outcome]}\n${rootAccessLine(result.rootAccess)}`;
  io.stdout.write(await renderRows(result.rows, format, remediationView(result.rows, closing)));
  io.stderr.write(`audit log: ${result.auditLogPath}\n`);
  return remediationExitCode(result.rows);
}
