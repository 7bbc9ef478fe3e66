/**
 * The command-line tool as functions (`import { … } from 'root-access-key-rule/cli'`),
 * with the same credential, Region and endpoint resolution as the command
 * line: run the whole command line with your own streams, or a command's work
 * with typed options and rows.
 *
 * @packageDocumentation
 */

export type {
  EvaluateOptions,
  EvaluateResult,
  EvaluationRow,
} from './commands/evaluate/evaluate.js';
export { evaluateAccounts } from './commands/evaluate/evaluate.js';
export type {
  ConsentAnswer,
  RemediateOptions,
  RemediateResult,
  RemediationRow,
} from './commands/remediate/remediate.js';
export { remediateAccounts } from './commands/remediate/remediate.js';
export type {
  Coverage,
  Freshness,
  PackDeployment,
  PackStatusRow,
  ReportOptions,
  ReportResult,
  ReportRow,
} from './commands/report/report.js';
export { readAggregatorReport } from './commands/report/report.js';
export type { Evidence, EvidenceRootAccess } from './evidence-types.js';
export { ExitCode, RowState } from './exit-codes.js';
export type { CliIo, OutputStream } from './io.js';
export { runCli } from './main.js';
export type { DirectoryAccount } from './organization-types.js';
export type { RootAccessState } from './root-access/root-access-state.js';
