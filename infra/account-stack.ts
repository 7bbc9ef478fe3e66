import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { definedFields } from '../definition/objects.js';
import { SettingScope } from '../definition/setting.js';
import {
  type ResolvedSettings,
  type RuleSettingsProps,
  settingsIn,
} from '../definition/settings.js';
import { SETTINGS } from '../definition/settings-table.js';
import { RootAccessKeyConformancePack } from './constructs/root-access-key-conformance-pack.js';
import { RootAccessKeyFunction } from './constructs/root-access-key-function.js';
import { RootAccessKeyRule } from './constructs/root-access-key-rule.js';
import { addDetection } from './detection/detection-outputs.js';
import type {
  RealtimeDetectionSettings,
  RootKeyDetection,
} from './detection/root-key-detection.js';
import { resolveProps } from './prop-validation.js';
import { type DeploymentSettings, Packaging } from './settings.js';

/**
 * Properties of a {@link RootAccessKeyRuleStack}: the stack's, and the rule's
 * settings flat, each with the default and the checks of its row in
 * `SETTINGS`, the same as its context key.
 */
export interface RootAccessKeyRuleStackProps extends StackProps, DeploymentSettings {
  /**
   * The rule's settings and the function's log retention as one object.
   * @deprecated give them as props of their own (`frequency`, `logRetentionDays`, …)
   * @default - the props of their own, else the defaults
   */
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

/** The settings of a {@link RootAccessKeyRuleStack}, defaults applied: derived from `SETTINGS`. */
export interface AccountStackSettings
  extends Omit<
    ResolvedSettings<'rule' | 'deployment' | 'account'>,
    'executionRoleName' | 'deployment' | 'realtimeDetection' | 'alertEmail'
  > {}

/** The settings a {@link RootAccessKeyRuleStack} takes as props. */
const STACK_SETTINGS = settingsIn(
  SettingScope.Rule,
  SettingScope.Deployment,
  SettingScope.Account,
).filter((row) => row !== SETTINGS.executionRoleName);

/**
 * The rule in one account and Region: the function, and the rule either
 * inside a conformance pack or standalone. IAM is global: deploy it in one
 * Region per account.
 *
 * @example
 * import { App } from 'aws-cdk-lib';
 * import { Frequency, Packaging, RootAccessKeyRuleStack } from 'root-access-key-rule';
 *
 * new RootAccessKeyRuleStack(new App(), 'RootAccessKeyRule', {
 *   packaging: Packaging.Rule,
 *   frequency: Frequency.TwelveHours,
 *   logRetentionDays: 90,
 * });
 */
export class RootAccessKeyRuleStack extends Stack {
  /** The function that evaluates the account. */
  public readonly function: RootAccessKeyFunction;
  /** How the rule is packaged. */
  public readonly packaging: Packaging;
  /** Every setting of the stack (rule, deployment and account), defaults applied. */
  public readonly settings: AccountStackSettings;
  /** Real-time detection, when asked for. */
  public readonly detection?: RootKeyDetection;

  constructor(scope: Construct, id: string, props: RootAccessKeyRuleStackProps = {}) {
    super(scope, id, {
      description:
        'AWS Config rule: the root user has no access key (CIS AWS Foundations 1.4, Security Hub IAM.4)',
      ...props,
    });
    const own = Object.fromEntries(
      Object.entries(props).filter(([, value]) => value !== undefined),
    );
    this.settings = resolveProps('RootAccessKeyRuleStack', STACK_SETTINGS, {
      ...props.settings,
      ...own,
    }) as unknown as AccountStackSettings;
    this.packaging = this.settings.packaging;
    this.function = new RootAccessKeyFunction(this, 'Function', {
      logRetention: this.settings.logRetentionDays,
      reserveConcurrency: this.settings.reserveConcurrency,
      ...(this.settings.securityHubFindings && { securityHubFindings: true }),
    });
    const rule = Object.fromEntries(
      settingsIn(SettingScope.Rule).map((row) => [
        row.name,
        this.settings[row.name as keyof AccountStackSettings],
      ]),
    ) as RuleSettingsProps;
    const options = { ...rule, function: this.function };
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
        ruleName: this.settings.ruleName,
        frequency: this.settings.frequency,
        ...definedFields({ alertEmail: props.detection.alertEmail }),
      });
    }
  }
}
