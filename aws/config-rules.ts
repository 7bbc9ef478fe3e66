import {
  type ConfigServiceClient,
  DescribeConfigRulesCommand,
} from '@aws-sdk/client-config-service';
import type { Deadline } from './backoff.js';
import { withinDeadline } from './deadline.js';
import { type PagingOptions, readAllPages } from './paging.js';

/** A Config rule of the account, as far as the report and the alert function need it. */
export interface ConfigRuleSchedule {
  readonly name: string;
  /** `One_Hour` … `TwentyFour_Hours`; absent when Config's default applies. */
  readonly maximumExecutionFrequency?: string;
  /** The service that created it (`config-conforms.amazonaws.com` for a conformance pack's rule). */
  readonly createdBy?: string;
}

/**
 * Reads every page of `config:DescribeConfigRules` in the account and Region
 * of `config` and keeps the rules whose name `matches`, with their period.
 *
 * @param deadline bounds each call, SDK retries included @default unbounded
 * @throws AwsError when a call fails (denied, throttled past retries), or
 *   the listing loops or goes past `paging.maxPages`
 */
export async function listConfigRules(
  config: ConfigServiceClient,
  matches: (ruleName: string) => boolean,
  deadline?: Deadline,
  paging: PagingOptions = {},
): Promise<ConfigRuleSchedule[]> {
  const rules: ConfigRuleSchedule[] = [];
  await readAllPages(
    'config:DescribeConfigRules',
    async (token) => {
      const page = await withinDeadline(deadline, 'config:DescribeConfigRules', (options) =>
        config.send(new DescribeConfigRulesCommand({ NextToken: token }), options),
      );
      for (const rule of page.ConfigRules ?? []) {
        if (rule.ConfigRuleName === undefined || !matches(rule.ConfigRuleName)) continue;
        const frequency =
          rule.MaximumExecutionFrequency ??
          rule.Source?.SourceDetails?.find((detail) => detail.MaximumExecutionFrequency)
            ?.MaximumExecutionFrequency;
        rules.push({
          name: rule.ConfigRuleName,
          ...(frequency && { maximumExecutionFrequency: frequency }),
          ...(rule.CreatedBy && { createdBy: rule.CreatedBy }),
        });
      }
      return page.NextToken;
    },
    paging,
  );
  return rules;
}
