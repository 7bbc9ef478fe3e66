import {
  type ConfigServiceClient,
  DescribeConfigRulesCommand,
  StartConfigRulesEvaluationCommand,
} from '@aws-sdk/client-config-service';
import type { Deadline } from '../../../aws/backoff.js';
import { withinDeadline } from '../../../aws/deadline.js';
import { AwsCallError, errorName, toAwsError } from '../../../aws/errors.js';
import { ruleNameMatcher } from '../../../definition/rule-names.js';

/** `StartConfigRulesEvaluation` takes at most this many rule names. */
const START_MAX_RULES = 25;

/** Pages of `DescribeConfigRules` read at most, against a listing that never ends. */
const DESCRIBE_MAX_PAGES = 50;

/**
 * The names the rule has in the account of `config`: its own, a conformance
 * pack's copy (`<name>-conformance-pack-<suffix>`) or an organization
 * rule's (`OrgConfigRule-<name>-<suffix>`), from `config:DescribeConfigRules`.
 *
 * @throws RuleError when a call is denied or fails, or the time runs out
 */
export async function deployedRuleNames(
  config: ConfigServiceClient,
  ruleName: string,
  deadline?: Deadline,
): Promise<string[]> {
  const matches = ruleNameMatcher(ruleName);
  const names: string[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < DESCRIBE_MAX_PAGES; page++) {
    const answer = await describe(config, nextToken, deadline);
    for (const rule of answer.ConfigRules ?? []) {
      if (rule.ConfigRuleName !== undefined && matches(rule.ConfigRuleName)) {
        names.push(rule.ConfigRuleName);
      }
    }
    nextToken = answer.NextToken;
    if (nextToken === undefined || nextToken === '') return names;
  }
  throw new AwsCallError(
    `config:DescribeConfigRules gave more than ${DESCRIBE_MAX_PAGES} pages; the rule's names were not all read`,
  );
}

async function describe(
  config: ConfigServiceClient,
  nextToken: string | undefined,
  deadline: Deadline | undefined,
) {
  try {
    return await withinDeadline(deadline, 'config:DescribeConfigRules', (options) =>
      config.send(
        new DescribeConfigRulesCommand(nextToken === undefined ? {} : { NextToken: nextToken }),
        options,
      ),
    );
  } catch (error) {
    throw toAwsError(error, 'config:DescribeConfigRules');
  }
}

/**
 * Asks AWS Config to evaluate the rules now (`config:StartConfigRulesEvaluation`).
 * An evaluation already under way (`LimitExceededException`) will report the
 * account's state too: that counts as requested.
 *
 * @throws RuleError when the call is denied or fails, or the time runs out
 */
export async function startRulesEvaluation(
  config: ConfigServiceClient,
  configRuleNames: readonly string[],
  deadline?: Deadline,
): Promise<void> {
  try {
    await withinDeadline(deadline, 'config:StartConfigRulesEvaluation', (options) =>
      config.send(
        new StartConfigRulesEvaluationCommand({
          ConfigRuleNames: configRuleNames.slice(0, START_MAX_RULES),
        }),
        options,
      ),
    );
  } catch (error) {
    if (errorName(error) === 'LimitExceededException') return;
    throw toAwsError(error, 'config:StartConfigRulesEvaluation', configRuleNames.join(', '));
  }
}
