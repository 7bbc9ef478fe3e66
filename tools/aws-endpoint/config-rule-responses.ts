import { type HttpAnswer, jsonError, jsonResult } from './responses.js';

/** A Config rule as `DescribeConfigRules` lists it (the fields the project reads). */
export interface ConfigRuleAnswer {
  readonly name: string;
  /** @default 'ACTIVE' */
  readonly state?: 'ACTIVE' | 'DELETING' | 'DELETING_RESULTS' | 'EVALUATING';
  /** Account and Region the rule's ARN names. @default '111111111111', 'us-east-1' */
  readonly accountId?: string;
  readonly region?: string;
  /** @default 'CUSTOM_LAMBDA' */
  readonly owner?: string;
  /** Who created it (a conformance pack's rules: `config-conforms.amazonaws.com`). */
  readonly createdBy?: string;
}

/** Builders of the Config rule answers of real-time detection (JSON 1.1). */
export const configRuleResponses = {
  /** A page of `DescribeConfigRules`. */
  describeConfigRules(rules: readonly ConfigRuleAnswer[], nextToken?: string): HttpAnswer {
    return jsonResult({ ConfigRules: rules.map(ruleToWire), NextToken: nextToken });
  },

  /** `StartConfigRulesEvaluation`: an empty object. */
  startConfigRulesEvaluation(): HttpAnswer {
    return jsonResult({});
  },

  /** 400 `NoSuchConfigRuleException`. */
  noSuchConfigRule(name: string): HttpAnswer {
    return jsonError(
      'NoSuchConfigRuleException',
      `The ConfigRule '${name}' provided in the request is invalid. Please check the configRule name.`,
    );
  },

  /** 400 `LimitExceededException`: an evaluation of the rule is still under way. */
  evaluationInProgress(): HttpAnswer {
    return jsonError(
      'LimitExceededException',
      'An existing StartConfigRulesEvaluation call is in progress for one or more of the rules.',
    );
  },

  /** 400 `InvalidNextTokenException`. */
  invalidNextToken(): HttpAnswer {
    return jsonError('InvalidNextTokenException', 'The nextToken provided is invalid');
  },
};

function ruleToWire(rule: ConfigRuleAnswer): Record<string, unknown> {
  const account = rule.accountId ?? '111111111111';
  const region = rule.region ?? 'us-east-1';
  const id = `config-rule-${rule.name.length.toString(36)}${account.slice(-4)}`;
  return {
    ConfigRuleName: rule.name,
    ConfigRuleArn: `arn:aws:config:${region}:${account}:config-rule/${id}`,
    ConfigRuleId: id,
    Source: {
      Owner: rule.owner ?? 'CUSTOM_LAMBDA',
      SourceIdentifier: `arn:aws:lambda:${region}:${account}:function:rule`,
    },
    MaximumExecutionFrequency: 'TwentyFour_Hours',
    ConfigRuleState: rule.state ?? 'ACTIVE',
    ...(rule.createdBy === undefined ? {} : { CreatedBy: rule.createdBy }),
  };
}
