import type { RuleSettingsProps } from '../../definition/settings.js';
import type { RootAccessKeyFunction } from './root-access-key-function.js';

/**
 * What the standalone rule and the conformance pack have in common: the
 * function that evaluates the account, and the rule's settings (the rule
 * evaluates its own account, so it takes no `executionRoleName`).
 */
export interface RootAccessKeyRuleOptions extends Omit<RuleSettingsProps, 'executionRoleName'> {
  /**
   * The function that evaluates the account.
   * @default a new RootAccessKeyFunction with default props, created as child 'Function'
   */
  readonly function?: RootAccessKeyFunction;
}
