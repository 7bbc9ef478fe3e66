import { type ConfigRuleSchedule, listConfigRules } from '../../../../aws/config-rules.js';
import { DefaultName } from '../../../../definition/names.js';
import { packRuleMatcher, ruleNameMatcher } from '../../../../definition/rule-names.js';
import { sessionCaller } from '../../aws/caller-identity.js';
import {
  configClientFor,
  iamClientFor,
  openSession,
  organizationsClientFor,
} from '../../aws/session.js';
import { describeError } from '../../errors.js';
import { readEvidence } from '../../evidence.js';
import { readOrganizationDirectory } from '../../organization-directory.js';
import { AwsClock } from '../../root-access/aws-clock.js';
import { readAggregatorRows } from './report-aggregator.js';
import { applyCoverage } from './report-coverage.js';
import { readPackDeployment } from './report-deployment.js';
import { judgeRows, matchingText } from './report-judgement.js';
import type { ReportOptions, ReportResult } from './report-types.js';
import { maxResultAge } from './result-age.js';

export { NO_RESULT_REASON } from './report-reasons.js';
export type {
  Coverage,
  Freshness,
  PackDeployment,
  PackStatusRow,
  ReportOptions,
  ReportResult,
  ReportRow,
} from './report-types.js';

/**
 * Reads the rule's results across an organization from a Config aggregator
 * (see `readAggregatorRows`), and at the same time the organization's tree,
 * the organization conformance pack's deployment and the deployed rule's
 * period, then decides which results count (`judgeRows`: the pack's rule
 * only, when there is a pack; none older than the maximum age, judged by
 * AWS's clock from the `Date` header of Config's answers), and gives every
 * ACTIVE account a row: its results, or why it has none. When the
 * organization cannot be listed, the coverage says so and only the
 * aggregator's accounts are reported.
 *
 * @throws RuleError when the summary cannot be read (unknown aggregator, denied)
 * @throws MissingRegionError when no Region is configured
 */
export async function readAggregatorReport(options: ReportOptions): Promise<ReportResult> {
  const startedAt = new Date();
  const session = await openSession(options);
  const config = configClientFor(session);
  const clock = new AwsClock();
  clock.watch(config);
  const org = organizationsClientFor(session);
  const iam = iamClientFor(session);
  const ruleName = options.ruleName ?? DefaultName.rule;
  const aggregator = { name: options.aggregatorName, region: session.region };
  const { deadline } = session;
  try {
    const [aggregate, directory, { deployment, statuses }, evidence, rules] = await Promise.all([
      readAggregatorRows(config, options, deadline),
      readOrganizationDirectory(org, { deadline }),
      readPackDeployment(config, options.packName ?? ruleName, session.region, deadline),
      sessionCaller(session).then((caller) =>
        readEvidence({ org, iam, deadline }, caller, startedAt, aggregator),
      ),
      options.maxResultAgeMs === undefined
        ? listConfigRules(config, ruleNameMatcher(ruleName), deadline).catch((error: unknown) => ({
            error: describeError(error),
          }))
        : ([] as ConfigRuleSchedule[]),
    ]);
    const deployed = Array.isArray(rules)
      ? rules.filter((rule) => !deployment.found || packRuleMatcher(ruleName)(rule.name))
      : rules;
    const maxAge = maxResultAge(options.maxResultAgeMs, deployed);
    const now = clock.now();
    const judged = judgeRows({
      rows: aggregate.rows,
      ruleName,
      deployment,
      statuses,
      region: session.region,
      maxAge,
      now,
    });
    const { rows, coverage } = applyCoverage({
      rows: judged,
      directory,
      deployment,
      statuses,
      ruleName,
      region: session.region,
      allowMissingAccounts: options.allowMissingAccounts === true,
    });
    return {
      ...aggregate,
      rows,
      evidence,
      coverage,
      deployment,
      matching: matchingText({ ruleName, deployment, region: session.region }),
      freshness: {
        maxAgeMs: maxAge.ms,
        source: maxAge.source,
        judgedAt: now.toISOString(),
        clock: clock.skewMs() === undefined ? 'local' : 'aws',
      },
    };
  } finally {
    for (const client of [config, org, iam, session]) client.destroy();
  }
}
