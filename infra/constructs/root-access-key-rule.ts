import * as config from 'aws-cdk-lib/aws-config';
import { Construct } from 'constructs';
import { renderPackTemplate } from '../../definition/pack-template.js';
import { propLabel } from '../prop-validation.js';
import { RootAccessKeyFunction } from './root-access-key-function.js';
import type { RootAccessKeyRuleOptions } from './rule-options.js';

/** Properties of a {@link RootAccessKeyRule}. */
export interface RootAccessKeyRuleProps extends RootAccessKeyRuleOptions {}

/**
 * The root access key rule as a standalone, account-level, periodic AWS Config
 * custom rule.
 *
 * Built on `CfnConfigRule` rather than `config.CustomRule`, which would attach
 * the broad `AWSConfigRulesExecutionRole` managed policy to the function's
 * role; the function's own role already allows exactly what the rule calls.
 * The rule definition comes from the same renderer as the conformance pack, so
 * both packagings deploy the same rule.
 */
export class RootAccessKeyRule extends Construct {
  /** The function that evaluates the account. */
  public readonly function: RootAccessKeyFunction;
  /** The Config rule. */
  public readonly rule: config.CfnConfigRule;
  /** Name of the Config rule. */
  public readonly configRuleName: string;
  /** ARN of the Config rule. */
  public readonly configRuleArn: string;

  constructor(scope: Construct, id: string, props: RootAccessKeyRuleProps = {}) {
    super(scope, id);
    const { function: given, ...settings } = props;
    this.function = given ?? new RootAccessKeyFunction(this, 'Function');
    const template = renderPackTemplate(
      { ...settings, functionArn: this.function.functionArn },
      propLabel('RootAccessKeyRule'),
    );
    const { Properties: rule } = template.body.Resources.RootAccessKeyRule;
    this.rule = new config.CfnConfigRule(this, 'Resource', {
      configRuleName: rule.ConfigRuleName,
      description: rule.Description,
      inputParameters: rule.InputParameters,
      maximumExecutionFrequency: rule.MaximumExecutionFrequency,
      source: {
        owner: rule.Source.Owner,
        sourceIdentifier: rule.Source.SourceIdentifier,
        sourceDetails: rule.Source.SourceDetails.map((detail) => ({
          eventSource: detail.EventSource,
          messageType: detail.MessageType,
          maximumExecutionFrequency: detail.MaximumExecutionFrequency,
        })),
      },
    });
    // Config evaluates a new rule at once: the function must be invocable by then.
    this.rule.node.addDependency(this.function.allowConfigInvoke());
    this.configRuleName = this.rule.ref;
    this.configRuleArn = this.rule.attrArn;
  }
}
