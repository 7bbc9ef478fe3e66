import { type IResource, Resource } from 'aws-cdk-lib';
import * as config from 'aws-cdk-lib/aws-config';
import type { Construct, IConstruct } from 'constructs';
import { RuleName } from '../../definition/names.js';
import { configRuleDefinition } from '../../definition/rule-definition.js';
import { type RuleSettings, resolveRuleSettings } from '../../definition/settings.js';
import { assertName, propLabel } from '../prop-validation.js';
import { assertUniqueName } from '../unique-name.js';
import {
  allowConfigInvoke,
  functionArnOf,
  type RootAccessKeyRuleOptions,
  type RuleFunction,
  ruleFunctionOf,
} from './rule-options.js';

/** Properties of a {@link RootAccessKeyRule}. */
export interface RootAccessKeyRuleProps extends RootAccessKeyRuleOptions {}

/** A root access key rule: one defined here, or one imported by name. */
export interface IRootAccessKeyRule extends IResource {
  /**
   * Name of the Config rule.
   * @attribute
   */
  readonly configRuleName: string;
}

const label = propLabel('RootAccessKeyRule');

/**
 * The root access key rule as a standalone, account-level, periodic AWS Config
 * custom rule.
 *
 * Built on `CfnConfigRule` rather than `config.CustomRule`, which would attach
 * the broad `AWSConfigRulesExecutionRole` managed policy to the function's
 * role; the function's own role already allows exactly what the rule calls.
 * The rule is the one definition (`configRuleDefinition`) the conformance
 * pack template renders too, so both packagings deploy the same rule.
 *
 * @example
 * import { App, Stack } from 'aws-cdk-lib';
 * import * as lambda from 'aws-cdk-lib/aws-lambda';
 * import { Frequency, RootAccessKeyRule } from 'root-access-key-rule';
 *
 * const stack = new Stack(new App(), 'RootKeys');
 * // A new function of its own:
 * new RootAccessKeyRule(stack, 'Rule', { frequency: Frequency.TwelveHours });
 * // Or a function you already deploy (any lambda.IFunction running the rule's handler):
 * const fn = lambda.Function.fromFunctionArn(stack, 'Fn', 'arn:aws:lambda:eu-west-1:111111111111:function:root-keys');
 * new RootAccessKeyRule(stack, 'OnExisting', { function: fn, ruleName: 'root-keys-existing' });
 */
export class RootAccessKeyRule extends Resource implements IRootAccessKeyRule {
  /**
   * A rule deployed elsewhere, by its Config rule name.
   *
   * @example
   * const rule = RootAccessKeyRule.fromConfigRuleName(stack, 'Imported', 'root-access-key-rule');
   * rule.configRuleName; // 'root-access-key-rule'
   */
  public static fromConfigRuleName(
    scope: Construct,
    id: string,
    configRuleName: string,
  ): IRootAccessKeyRule {
    assertName('RootAccessKeyRule.fromConfigRuleName configRuleName', configRuleName, RuleName);
    class Import extends Resource implements IRootAccessKeyRule {
      public readonly configRuleName = configRuleName;
    }
    return new Import(scope, id);
  }

  /** The function that evaluates the account. */
  public readonly function: RuleFunction;
  /** The Config rule. */
  public readonly rule: config.CfnConfigRule;
  /** The rule's settings, defaults applied. */
  public readonly settings: RuleSettings;
  /** Name of the Config rule. */
  public readonly configRuleName: string;
  /** ARN of the Config rule. */
  public readonly configRuleArn: string;

  constructor(scope: Construct, id: string, props: RootAccessKeyRuleProps = {}) {
    super(scope, id);
    const { function: given, ...settings } = props;
    this.settings = resolveRuleSettings(settings, label);
    assertUniqueName(this, this.settings.ruleName, standaloneRuleName, label('ruleName'));
    this.function = ruleFunctionOf(this, given);
    this.rule = new config.CfnConfigRule(
      this,
      'Resource',
      configRuleDefinition(this.settings, functionArnOf(this.function)),
    );
    // Config evaluates a new rule at once: the function must be invocable by then.
    const permission = allowConfigInvoke(this, this.function);
    if (permission !== undefined) this.rule.node.addDependency(permission);
    this.configRuleName = this.rule.ref;
    this.configRuleArn = this.rule.attrArn;
  }
}

function standaloneRuleName(construct: IConstruct): string | undefined {
  return construct instanceof RootAccessKeyRule ? construct.settings.ruleName : undefined;
}
