import { AsffLimits, buildAsffFinding } from '../../../definition/findings/asff.js';
import { type FindingContext, type FindingRow, findingSubjects } from './finding-rows.js';

/**
 * What `--output asff` says on stderr: where Security Hub takes the findings.
 */
export const ASFF_IMPORT_NOTE = `note: Security Hub accepts a finding with an account's default product ARN only from that account's own credentials, and at most ${AsffLimits.findingsPerImport} findings per BatchImportFindings call: import each account's findings with that account's credentials, in the finding's Region (docs/findings.md)`;

/**
 * The findings the rule would import, one ASFF `AwsSecurityFinding` per row,
 * as one pretty-printed JSON array (what `aws securityhub
 * batch-import-findings --findings file://…` takes, 100 at a time, per account).
 *
 * @example
 * process.stdout.write(renderAsff(result.rows, context));
 */
export function renderAsff(rows: readonly FindingRow[], context: FindingContext): string {
  return `${JSON.stringify(findingSubjects(rows, context).map(buildAsffFinding), null, 2)}\n`;
}
