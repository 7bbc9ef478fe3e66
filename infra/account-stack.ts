import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { definedFields } from '../definition/objects.js';
import { DEFAULT_RULE_SETTINGS } from '../definition/settings.js';
import { RootAccessKeyConformancePack } from './constructs/root-access-key-conformance-pack.js';
import { RootAccessKeyFunction } from './constructs/root-access-key-function.js';
import { RootAccessKeyRule } from './constructs/root-access-key-rule.js';
import { addDetection } from './detection/detection-outputs.js';
import type {
  RealtimeDetectionSettings,
  RootKeyDetection,
} from './detection/root-key-detection.js';
import { type DeploymentSettings, Packaging } from './settings.js';

/** Properties of a {@link RootAccessKeyRuleStack}. */
export interface RootAccessKeyRuleStackProps extends StackProps {
  /** The rule's settings and the function's log retention. @default the defaults */
  readonly settings?: DeploymentSettings;
  /** How the rule is packaged. @default Packaging.ConformancePack */
  readonly packaging?: Packaging;
  /**
   * Reserve concurrency for the function (see
   * `RootAccessKeyFunctionProps.reserveConcurrency`). @default true
   */
  readonly reserveConcurrency?: boolean;
  /**
   * Real-time detection: alerts on root key events and NON_COMPLIANT
   * results, and the rule's alarms. Root key events reach EventBridge in
   * `us-east-1` only: outside it, deploy a `RootKeyForwarderStack` there too.
   * @default none
   */
  readonly detection?: RealtimeDetectionSettings;
}

/**
 * The rule in one account and Region: the function, and the rule either
 * inside a conformance pack or standalone. IAM is global: deploy it in one
 * Region per account.
 */
export class RootAccessKeyRuleStack extends Stack {
  /** The function that evaluates the account. */
  public readonly function: RootAccessKeyFunction;
  /** How the rule is packaged. */
  public readonly packaging: Packaging;
  /** Real-time detection, when asked for. */
  public readonly detection?: RootKeyDetection;

  constructor(scope: Construct, id: string, props: RootAccessKeyRuleStackProps = {}) {
    super(scope, id, {
      description:
        'AWS Config rule: the root user has no access key (CIS AWS Foundations 1.4, Security Hub IAM.4)',
      ...props,
    });
    const { logRetentionDays, ...settings } = props.settings ?? {};
    this.packaging = props.packaging ?? Packaging.ConformancePack;
    this.function = new RootAccessKeyFunction(this, 'Function', {
      ...(logRetentionDays === undefined ? {} : { logRetention: logRetentionDays }),
      reserveConcurrency: props.reserveConcurrency ?? true,
    });
    const options = { ...settings, function: this.function };
    if (this.packaging === Packaging.ConformancePack) {
      const pack = new RootAccessKeyConformancePack(this, 'ConformancePack', options);
      new CfnOutput(this, 'ConformancePackName', { value: pack.conformancePackName });
    } else {
      const rule = new RootAccessKeyRule(this, 'Rule', options);
      new CfnOutput(this, 'ConfigRuleName', { value: rule.configRuleName });
    }
    new CfnOutput(this, 'FunctionName', { value: this.function.function.functionName });
    new CfnOutput(this, 'LogGroupName', { value: this.function.logGroup.logGroupName });
    if (props.detection !== undefined) {
      this.detection = addDetection(this, {
        ruleFunction: this.function.function,
        ruleName: settings.ruleName ?? DEFAULT_RULE_SETTINGS.ruleName,
        frequency: settings.frequency ?? DEFAULT_RULE_SETTINGS.frequency,
        ...definedFields({ alertEmail: props.detection.alertEmail }),
      });
    }
  }
}
