import {
  type AggregateComplianceByConfigRule,
  type AggregateEvaluationResult,
  type ConfigServiceClient,
  DescribeAggregateComplianceByConfigRulesCommand,
  GetAggregateComplianceDetailsByConfigRuleCommand,
} from '@aws-sdk/client-config-service';
import type { Deadline } from '../../../aws/backoff.js';
import { withinDeadline } from '../../../aws/deadline.js';
import { errorName } from '../../../aws/errors.js';
import { readAllPages } from '../../../aws/paging.js';
import { AggregatorNotFoundError } from '../errors.js';

/** One rule's compliance in one account and Region of an aggregator. */
export interface RuleComplianceEntry {
  /** The rule's name in that account (possibly suffixed). */
  readonly ruleName: string;
  readonly accountId: string;
  readonly region: string;
  /** The rule's overall result there, e.g. INSUFFICIENT_DATA when never evaluated. */
  readonly compliance?: string;
}

/** Entries of the rules that passed the filter, and the pages read. */
export interface RuleComplianceListing {
  readonly entries: readonly RuleComplianceEntry[];
  /** Every rule name seen, matched or not, sorted (to help when nothing matched). */
  readonly ruleNamesSeen: readonly string[];
  readonly pages: number;
}

/** Largest page `DescribeAggregateComplianceByConfigRules` serves. */
const SUMMARY_PAGE_SIZE = 1000;
/** Largest page `GetAggregateComplianceDetailsByConfigRule` serves. */
const DETAIL_PAGE_SIZE = 100;

/**
 * Reads every page of `config:DescribeAggregateComplianceByConfigRules` and
 * keeps the entries whose rule name `matches`. Pages may be empty and still
 * carry a `NextToken`: reading stops only when there is no token.
 *
 * @param deadline bounds each call, SDK retries included @default unbounded
 * @throws AggregatorNotFoundError when the Region holds no aggregator of that name
 * @throws RuleError when a call fails or a `NextToken` repeats
 */
export async function listAggregateRuleCompliance(
  config: ConfigServiceClient,
  aggregatorName: string,
  matches: (ruleName: string) => boolean,
  deadline?: Deadline,
): Promise<RuleComplianceListing> {
  const entries: RuleComplianceEntry[] = [];
  const seen = new Set<string>();
  const pages = await readAllPages(
    'config:DescribeAggregateComplianceByConfigRules',
    async (token) => {
      const page = await readAggregator(config, aggregatorName, () =>
        withinDeadline(deadline, 'config:DescribeAggregateComplianceByConfigRules', (options) =>
          config.send(
            new DescribeAggregateComplianceByConfigRulesCommand({
              ConfigurationAggregatorName: aggregatorName,
              Limit: SUMMARY_PAGE_SIZE,
              NextToken: token,
            }),
            options,
          ),
        ),
      );
      for (const item of page.AggregateComplianceByConfigRules ?? []) {
        if (item.ConfigRuleName !== undefined) seen.add(item.ConfigRuleName);
        const entry = toEntry(item);
        if (entry !== undefined && matches(entry.ruleName)) entries.push(entry);
      }
      return page.NextToken;
    },
  );
  return { entries, ruleNamesSeen: [...seen].sort(), pages };
}

/**
 * Makes one aggregator read. Config answers an unknown aggregator name with
 * `NoSuchConfigurationAggregatorException`, which is not retried: it becomes
 * an error that names the aggregator and the Region searched.
 */
async function readAggregator<Output>(
  config: ConfigServiceClient,
  aggregatorName: string,
  read: () => Promise<Output>,
): Promise<Output> {
  try {
    return await read();
  } catch (error) {
    if (errorName(error) !== 'NoSuchConfigurationAggregatorException') throw error;
    const region = await config.config.region();
    throw new AggregatorNotFoundError(
      `no Config aggregator named ${JSON.stringify(aggregatorName)} in Region ${region} of the caller's account (NoSuchConfigurationAggregatorException); give the aggregator's name with --aggregator and its Region with --region`,
      { cause: error },
    );
  }
}

function toEntry(item: AggregateComplianceByConfigRule): RuleComplianceEntry | undefined {
  const { ConfigRuleName: ruleName, AccountId: accountId, AwsRegion: region } = item;
  if (ruleName === undefined || accountId === undefined || region === undefined) return undefined;
  const compliance = item.Compliance?.ComplianceType;
  return { ruleName, accountId, region, ...(compliance === undefined ? {} : { compliance }) };
}

/** One evaluation result of a rule, as the aggregator holds it. */
export interface AggregateEvaluation {
  readonly accountId: string;
  readonly region: string;
  readonly ruleName: string;
  readonly resourceType?: string;
  readonly resourceId?: string;
  readonly compliance?: string;
  readonly annotation?: string;
  /** When Config recorded the result. */
  readonly resultRecordedTime?: Date;
}

/** The evaluations of one rule in one account and Region, and the pages read. */
export interface AggregateEvaluations {
  readonly evaluations: readonly AggregateEvaluation[];
  readonly pages: number;
}

/**
 * Reads every page of `config:GetAggregateComplianceDetailsByConfigRule` for
 * one rule in one account and Region (the API serves one pair per call).
 *
 * @param deadline bounds each call, SDK retries included @default unbounded
 * @throws AggregatorNotFoundError when the Region holds no aggregator of that name
 * @throws RuleError when a call fails or a `NextToken` repeats
 */
export async function getAggregateEvaluations(
  config: ConfigServiceClient,
  aggregatorName: string,
  entry: RuleComplianceEntry,
  deadline?: Deadline,
): Promise<AggregateEvaluations> {
  const evaluations: AggregateEvaluation[] = [];
  const pages = await readAllPages(
    'config:GetAggregateComplianceDetailsByConfigRule',
    async (token) => {
      const page = await readAggregator(config, aggregatorName, () =>
        withinDeadline(deadline, 'config:GetAggregateComplianceDetailsByConfigRule', (options) =>
          config.send(
            new GetAggregateComplianceDetailsByConfigRuleCommand({
              ConfigurationAggregatorName: aggregatorName,
              ConfigRuleName: entry.ruleName,
              AccountId: entry.accountId,
              AwsRegion: entry.region,
              Limit: DETAIL_PAGE_SIZE,
              NextToken: token,
            }),
            options,
          ),
        ),
      );
      for (const result of page.AggregateEvaluationResults ?? []) {
        evaluations.push(toEvaluation(result, entry));
      }
      return page.NextToken;
    },
  );
  return { evaluations, pages };
}

function toEvaluation(
  result: AggregateEvaluationResult,
  entry: RuleComplianceEntry,
): AggregateEvaluation {
  const qualifier = result.EvaluationResultIdentifier?.EvaluationResultQualifier;
  const fields = {
    resourceType: qualifier?.ResourceType,
    resourceId: qualifier?.ResourceId,
    compliance: result.ComplianceType,
    annotation: result.Annotation,
    resultRecordedTime: result.ResultRecordedTime,
  };
  return {
    accountId: result.AccountId ?? entry.accountId,
    region: result.AwsRegion ?? entry.region,
    ruleName: qualifier?.ConfigRuleName ?? entry.ruleName,
    ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
  };
}
