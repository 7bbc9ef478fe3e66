import type { Frequency, RootWithoutCredentialsResult } from '../../rule/src/core/constants.js';
import type { PackTemplateOptions } from '../pack-template.js';
import type { RootAccessKeyFunction } from './root-access-key-function.js';

/** What the standalone rule and the conformance pack have in common. */
export interface RootAccessKeyRuleOptions {
  /**
   * The function that evaluates the account.
   * @default a new RootAccessKeyFunction with default props, created as child 'Function'
   */
  readonly function?: RootAccessKeyFunction;
  /** Name of the Config rule. @default 'root-access-key-rule' */
  readonly ruleName?: string;
  /** How often Config runs the rule. @default Frequency.TwentyFourHours */
  readonly frequency?: Frequency;
  /** Rule parameter `IgnoreInactiveKeys`: only an active key is non-compliant. @default false */
  readonly ignoreInactiveKeys?: boolean;
  /**
   * Rule parameter `RootWithoutCredentials`: result when the root user has
   * neither keys nor password. @default RootWithoutCredentialsResult.Compliant
   */
  readonly rootWithoutCredentials?: RootWithoutCredentialsResult;
  /** Description of the Config rule. @default DEFAULT_RULE_DESCRIPTION */
  readonly description?: string;
}

/** The renderer's options for a rule on `functionArn` configured by `options`. */
export function packTemplateOptions(
  options: RootAccessKeyRuleOptions,
  functionArn: string,
): PackTemplateOptions {
  return {
    functionArn,
    ruleName: options.ruleName,
    frequency: options.frequency,
    ignoreInactiveKeys: options.ignoreInactiveKeys,
    rootWithoutCredentials: options.rootWithoutCredentials,
    description: options.description,
  };
}
