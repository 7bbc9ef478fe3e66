import { DefaultName } from '../../../../definition/names.js';
import { getCallerIdentity } from '../../aws/caller-identity.js';
import {
  configClientFor,
  iamClientFor,
  openSession,
  organizationsClientFor,
} from '../../aws/session.js';
import { readEvidence } from '../../evidence.js';
import { readOrganizationDirectory } from '../../organization-directory.js';
import { readAggregatorRows } from './report-aggregator.js';
import { applyCoverage } from './report-coverage.js';
import { readPackDeployment } from './report-deployment.js';
import type { ReportOptions, ReportResult } from './report-types.js';

export { NO_RESULT_REASON } from './report-reasons.js';
export type {
  Coverage,
  PackDeployment,
  PackStatusRow,
  ReportOptions,
  ReportResult,
  ReportRow,
} from './report-types.js';

/**
 * Reads the rule's results across an organization from a Config aggregator
 * (see `readAggregatorRows`), and at the same time the organization's tree
 * and the organization conformance pack's deployment, to give every ACTIVE
 * account a row: its results, or why it has none. When the organization
 * cannot be listed, the coverage says so and only the aggregator's accounts
 * are reported.
 *
 * @throws RuleError when the summary cannot be read (unknown aggregator, denied)
 * @throws MissingRegionError when no Region is configured
 */
export async function readAggregatorReport(options: ReportOptions): Promise<ReportResult> {
  const startedAt = new Date();
  const session = await openSession(options);
  const config = configClientFor(session);
  const org = organizationsClientFor(session);
  const iam = iamClientFor(session);
  const ruleName = options.ruleName ?? DefaultName.rule;
  const aggregator = { name: options.aggregatorName, region: session.region };
  try {
    const [aggregate, directory, { deployment, statuses }, evidence] = await Promise.all([
      readAggregatorRows(config, options),
      readOrganizationDirectory(org),
      readPackDeployment(config, options.packName ?? ruleName, session.region),
      getCallerIdentity(session.sts).then((caller) =>
        readEvidence({ org, iam }, caller, startedAt, aggregator),
      ),
    ]);
    const { rows, coverage } = applyCoverage({
      rows: aggregate.rows,
      directory,
      deployment,
      statuses,
      ruleName,
      region: session.region,
      allowMissingAccounts: options.allowMissingAccounts === true,
    });
    return { ...aggregate, rows, evidence, coverage, deployment };
  } finally {
    for (const client of [config, org, iam, session]) client.destroy();
  }
}
