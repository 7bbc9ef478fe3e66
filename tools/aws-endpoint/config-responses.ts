import { epochSeconds, type HttpAnswer, jsonError, jsonResult } from './responses.js';

/** Config compliance types. */
export type ComplianceType = 'COMPLIANT' | 'NON_COMPLIANT' | 'NOT_APPLICABLE' | 'INSUFFICIENT_DATA';

/** One evaluation result held by an aggregator (one rule, one resource, one account and Region). */
export interface AggregateEvaluation {
  readonly accountId: string;
  readonly region: string;
  /** The rule's name as deployed in the account (possibly with a pack suffix). */
  readonly ruleName: string;
  readonly complianceType: ComplianceType;
  readonly annotation?: string;
  readonly resultRecordedTime: Date;
  /** @default resultRecordedTime */
  readonly configRuleInvokedTime?: Date;
  /** @default resultRecordedTime */
  readonly orderingTimestamp?: Date;
  /** @default 'AWS::::Account' */
  readonly resourceType?: string;
  /** @default accountId */
  readonly resourceId?: string;
}

/** One rule's compliance in one account and Region (`AggregateComplianceByConfigRule`). */
export interface AggregateRuleCompliance {
  readonly ruleName: string;
  readonly accountId: string;
  readonly region: string;
  readonly complianceType: ComplianceType;
  /** Non-compliant resources. @default 1 when NON_COMPLIANT */
  readonly nonCompliantCount?: number;
}

/** An evaluation as `PutEvaluations` takes and returns it (`FailedEvaluations`). */
export interface WireEvaluation {
  readonly ComplianceResourceType: string;
  readonly ComplianceResourceId: string;
  readonly ComplianceType: string;
  /** A Date, or epoch seconds as recorded from the wire. */
  readonly OrderingTimestamp: Date | number;
  readonly Annotation?: string;
}

/** A Config rule as `DescribeConfigRules` describes it (a custom Lambda rule, periodic). */
export interface ConfigRuleAnswer {
  readonly name: string;
  readonly arn: string;
  readonly id: string;
  readonly functionArn: string;
  /** Absent: Config's default (TwentyFour_Hours). */
  readonly maximumExecutionFrequency?: string;
  readonly createdBy?: string;
}

/** Builders of Config answers (JSON 1.1). */
export const configResponses = {
  /** `PutEvaluations`; the given evaluations come back as `FailedEvaluations`. */
  putEvaluations(failed: readonly WireEvaluation[] = []): HttpAnswer {
    return jsonResult({
      FailedEvaluations: failed.map((evaluation) => ({
        ...evaluation,
        OrderingTimestamp:
          evaluation.OrderingTimestamp instanceof Date
            ? epochSeconds(evaluation.OrderingTimestamp)
            : evaluation.OrderingTimestamp,
      })),
    });
  },

  /** A page of `DescribeAggregateComplianceByConfigRules`. */
  describeAggregateComplianceByConfigRules(
    items: readonly AggregateRuleCompliance[],
    nextToken?: string,
  ): HttpAnswer {
    return jsonResult({
      AggregateComplianceByConfigRules: items.map(ruleComplianceToWire),
      NextToken: nextToken,
    });
  },

  /** A page of `GetAggregateComplianceDetailsByConfigRule`. */
  getAggregateComplianceDetailsByConfigRule(
    items: readonly AggregateEvaluation[],
    nextToken?: string,
  ): HttpAnswer {
    return jsonResult({
      AggregateEvaluationResults: items.map(evaluationToWire),
      NextToken: nextToken,
    });
  },

  /** A page of `DescribeConfigRules`. */
  describeConfigRules(rules: readonly ConfigRuleAnswer[], nextToken?: string): HttpAnswer {
    return jsonResult({
      ConfigRules: rules.map((rule) => ({
        ConfigRuleName: rule.name,
        ConfigRuleArn: rule.arn,
        ConfigRuleId: rule.id,
        Scope: { ComplianceResourceTypes: [] },
        Source: {
          Owner: 'CUSTOM_LAMBDA',
          SourceIdentifier: rule.functionArn,
          SourceDetails: [
            {
              EventSource: 'aws.config',
              MessageType: 'ScheduledNotification',
              ...(rule.maximumExecutionFrequency && {
                MaximumExecutionFrequency: rule.maximumExecutionFrequency,
              }),
            },
          ],
        },
        ...(rule.maximumExecutionFrequency && {
          MaximumExecutionFrequency: rule.maximumExecutionFrequency,
        }),
        ConfigRuleState: 'ACTIVE',
        ...(rule.createdBy && { CreatedBy: rule.createdBy }),
        EvaluationModes: [{ Mode: 'DETECTIVE' }],
      })),
      NextToken: nextToken,
    });
  },

  /** 400 `NoSuchConfigurationAggregatorException`. */
  noSuchConfigurationAggregator(name: string): HttpAnswer {
    return jsonError(
      'NoSuchConfigurationAggregatorException',
      `The configuration aggregator '${name}' does not exist.`,
    );
  },

  /** 400 `InvalidNextTokenException`. */
  invalidNextToken(): HttpAnswer {
    return jsonError('InvalidNextTokenException', 'The nextToken provided is invalid');
  },

  /** 400 `InvalidLimitException`. */
  invalidLimit(limit: number, max: number): HttpAnswer {
    return jsonError(
      'InvalidLimitException',
      `Limit ${limit} is greater than the maximum of ${max}`,
    );
  },

  /** 400 `ThrottlingException` (not modeled by Config; the SDK retries it as throttling). */
  throttling(): HttpAnswer {
    return jsonError('ThrottlingException', 'Rate exceeded');
  },
};

/** The wire form of an `AggregateComplianceByConfigRule`. */
export function ruleComplianceToWire(item: AggregateRuleCompliance): Record<string, unknown> {
  const nonCompliant = item.nonCompliantCount ?? (item.complianceType === 'NON_COMPLIANT' ? 1 : 0);
  return {
    ConfigRuleName: item.ruleName,
    Compliance: {
      ComplianceType: item.complianceType,
      ...(nonCompliant > 0 && {
        ComplianceContributorCount: { CappedCount: nonCompliant, CapExceeded: false },
      }),
    },
    AccountId: item.accountId,
    AwsRegion: item.region,
  };
}

/** The wire form of an `AggregateEvaluationResult`. */
export function evaluationToWire(item: AggregateEvaluation): Record<string, unknown> {
  return {
    EvaluationResultIdentifier: {
      EvaluationResultQualifier: {
        ConfigRuleName: item.ruleName,
        ResourceType: item.resourceType ?? 'AWS::::Account',
        ResourceId: item.resourceId ?? item.accountId,
        EvaluationMode: 'DETECTIVE',
      },
      OrderingTimestamp: epochSeconds(item.orderingTimestamp ?? item.resultRecordedTime),
    },
    ComplianceType: item.complianceType,
    ResultRecordedTime: epochSeconds(item.resultRecordedTime),
    ConfigRuleInvokedTime: epochSeconds(item.configRuleInvokedTime ?? item.resultRecordedTime),
    Annotation: item.annotation,
    AccountId: item.accountId,
    AwsRegion: item.region,
  };
}
