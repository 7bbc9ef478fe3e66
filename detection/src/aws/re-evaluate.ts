import {
  type ConfigServiceClient,
  StartConfigRulesEvaluationCommand,
} from '@aws-sdk/client-config-service';
import type { Deadline } from '../../../aws/backoff.js';
import { listConfigRules } from '../../../aws/config-rules.js';
import { withinDeadline } from '../../../aws/deadline.js';
import { errorName, toAwsError } from '../../../aws/errors.js';
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
 * @throws AwsError when a call is denied or fails, the listing goes past
 *   50 pages, or the time runs out
 */
export async function deployedRuleNames(
  config: ConfigServiceClient,
  ruleName: string,
  deadline?: Deadline,
): Promise<string[]> {
  const rules = await listConfigRules(config, ruleNameMatcher(ruleName), deadline, {
    maxPages: DESCRIBE_MAX_PAGES,
  });
  return rules.map((rule) => rule.name);
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
