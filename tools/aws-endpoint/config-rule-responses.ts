import { type HttpAnswer, jsonError, jsonResult } from './responses.js';

/**
 * Builders of the Config rule answers of real-time detection (JSON 1.1);
 * `DescribeConfigRules` is `configResponses.describeConfigRules`.
 */
export const configRuleResponses = {
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
};
