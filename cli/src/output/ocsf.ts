import { buildOcsfFinding } from '../../../definition/findings/ocsf.js';
import { type FindingContext, type FindingRow, findingSubjects } from './finding-rows.js';

/**
 * One OCSF Compliance Finding (class 2003, OCSF 1.6.0) per row, as JSON
 * Lines: one event per line, what SIEM collectors and Amazon Security Lake's
 * custom-source pipelines read line by line.
 *
 * @example
 * process.stdout.write(renderOcsf(result.rows, context));
 */
export function renderOcsf(rows: readonly FindingRow[], context: FindingContext): string {
  return findingSubjects(rows, context)
    .map((subject) => `${JSON.stringify(buildOcsfFinding(subject))}\n`)
    .join('');
}
