import * as config from 'aws-cdk-lib/aws-config';
import { Construct, type IConstruct } from 'constructs';
import { ConformancePackName } from '../../definition/names.js';
import { type PackTemplate, renderPackTemplate } from '../../definition/pack-template.js';
import { parseName } from '../../definition/validate.js';
import { propLabel } from '../prop-validation.js';
import { assertUniqueName } from '../unique-name.js';
import {
  allowConfigInvoke,
  functionArnOf,
  type RootAccessKeyRuleOptions,
  type RuleFunction,
  ruleFunctionOf,
} from './rule-options.js';

/** Properties of a {@link RootAccessKeyConformancePack}. */
export interface RootAccessKeyConformancePackProps extends RootAccessKeyRuleOptions {
  /**
   * Name of the conformance pack: unique in the account and Region, so two
   * packs of one stack must not share it.
   * @default the rule name
   */
  readonly conformancePackName?: string;
}

const label = propLabel('RootAccessKeyConformancePack');

/**
 * A conformance pack holding the root access key rule: one account-level,
 * periodic custom Lambda rule, its template rendered by `renderPackTemplate`.
 * Needs an AWS Config configuration recorder in the account and Region.
 *
 * @example
 * import { App, Stack } from 'aws-cdk-lib';
 * import { Frequency, RootAccessKeyConformancePack } from 'root-access-key-rule';
 *
 * const stack = new Stack(new App(), 'RootKeys');
 * new RootAccessKeyConformancePack(stack, 'Pack', {
 *   frequency: Frequency.TwelveHours,
 *   ignoreInactiveKeys: false,
 * });
 */
export class RootAccessKeyConformancePack extends Construct {
  /** The function that evaluates the account. */
  public readonly function: RuleFunction;
  /** The conformance pack. */
  public readonly pack: config.CfnConformancePack;
  /** The rendered pack template. */
  public readonly template: PackTemplate;
  /** Name of the conformance pack. */
  public readonly conformancePackName: string;

  constructor(scope: Construct, id: string, props: RootAccessKeyConformancePackProps = {}) {
    super(scope, id);
    const { function: given, conformancePackName, ...settings } = props;
    this.function = ruleFunctionOf(this, given);
    this.template = renderPackTemplate(
      { ...settings, functionArn: functionArnOf(this.function) },
      label,
    );
    const nameLabel = label(conformancePackName === undefined ? 'ruleName' : 'conformancePackName');
    this.conformancePackName = parseName(
      nameLabel,
      conformancePackName ?? this.template.settings.ruleName,
      ConformancePackName,
    );
    assertUniqueName(this, this.conformancePackName, packName, nameLabel);
    this.pack = new config.CfnConformancePack(this, 'Resource', {
      conformancePackName: this.conformancePackName,
      templateBody: this.template.toYaml(),
    });
    // Config evaluates the pack's rule at once: the function must be invocable by then.
    const permission = allowConfigInvoke(this, this.function);
    if (permission !== undefined) this.pack.node.addDependency(permission);
  }
}

function packName(construct: IConstruct): string | undefined {
  return construct instanceof RootAccessKeyConformancePack
    ? construct.conformancePackName
    : undefined;
}
