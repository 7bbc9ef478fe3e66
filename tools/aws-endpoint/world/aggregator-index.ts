import type {
  AggregateEvaluation,
  AggregateRuleCompliance,
  ComplianceType,
} from '../config-responses.js';
import type { SimAggregator } from './model.js';

/** Filters of `DescribeAggregateComplianceByConfigRules`. */
export interface RuleComplianceFilters {
  readonly ConfigRuleName?: string;
  readonly ComplianceType?: string;
  readonly AccountId?: string;
  readonly AwsRegion?: string;
}

/**
 * The only results an aggregator's detail reads return: AWS documents that
 * `GetAggregateComplianceDetailsByConfigRule` supports COMPLIANT and
 * NON_COMPLIANT only, so a NOT_APPLICABLE (or INSUFFICIENT_DATA) result is
 * held but never read back.
 */
const RETURNED_RESULTS: ReadonlySet<string> = new Set(['COMPLIANT', 'NON_COMPLIANT']);

/**
 * An aggregator's evaluations, indexed for fast paging over thousands of
 * accounts, and served as AWS serves them: detail reads return COMPLIANT and
 * NON_COMPLIANT results only, and a rule whose results in an account and
 * Region are all NOT_APPLICABLE shows there as INSUFFICIENT_DATA.
 */
export class AggregatorIndex {
  readonly name: string;
  private readonly rules: readonly AggregateRuleCompliance[];
  private readonly details = new Map<string, AggregateEvaluation[]>();
  private readonly filtered = new Map<string, readonly AggregateRuleCompliance[]>();

  constructor(aggregator: SimAggregator) {
    this.name = aggregator.name;
    const groups = new Map<string, AggregateEvaluation[]>();
    for (const evaluation of aggregator.evaluations) {
      const key = detailKey(evaluation.ruleName, evaluation.accountId, evaluation.region);
      const group = groups.get(key);
      if (group) {
        group.push(evaluation);
      } else {
        groups.set(key, [evaluation]);
      }
    }
    this.rules = [...groups.values()].map(summarize);
    for (const [key, group] of groups) {
      this.details.set(
        key,
        group.filter((evaluation) => RETURNED_RESULTS.has(evaluation.complianceType)),
      );
    }
  }

  /** One entry per rule, account and Region, in first-seen order, filtered. */
  ruleCompliance(filters: RuleComplianceFilters = {}): readonly AggregateRuleCompliance[] {
    const key = JSON.stringify(filters);
    let result = this.filtered.get(key);
    if (!result) {
      result = this.rules.filter(
        (rule) =>
          (filters.ConfigRuleName === undefined || rule.ruleName === filters.ConfigRuleName) &&
          (filters.ComplianceType === undefined ||
            rule.complianceType === filters.ComplianceType) &&
          (filters.AccountId === undefined || rule.accountId === filters.AccountId) &&
          (filters.AwsRegion === undefined || rule.region === filters.AwsRegion),
      );
      this.filtered.set(key, result);
    }
    return result;
  }

  /** The COMPLIANT and NON_COMPLIANT results of one rule in one account and Region. */
  evaluations(
    ruleName: string,
    accountId: string,
    region: string,
    complianceType?: string,
  ): readonly AggregateEvaluation[] {
    const all = this.details.get(detailKey(ruleName, accountId, region)) ?? [];
    return complianceType === undefined
      ? all
      : all.filter((e) => e.complianceType === complianceType);
  }
}

function detailKey(ruleName: string, accountId: string, region: string): string {
  return `${ruleName}\u0000${accountId}\u0000${region}`;
}

/**
 * A rule is NON_COMPLIANT if any result is, else COMPLIANT if any is, else
 * INSUFFICIENT_DATA (AWS documents only these three for the summary: results
 * that are all NOT_APPLICABLE give INSUFFICIENT_DATA).
 */
function summarize(group: readonly AggregateEvaluation[]): AggregateRuleCompliance {
  const [first] = group as [AggregateEvaluation];
  const nonCompliant = group.filter((e) => e.complianceType === 'NON_COMPLIANT').length;
  const compliant = group.some((e) => e.complianceType === 'COMPLIANT');
  const complianceType: ComplianceType =
    nonCompliant > 0 ? 'NON_COMPLIANT' : compliant ? 'COMPLIANT' : 'INSUFFICIENT_DATA';
  return {
    ruleName: first.ruleName,
    accountId: first.accountId,
    region: first.region,
    complianceType,
    nonCompliantCount: nonCompliant,
  };
}
