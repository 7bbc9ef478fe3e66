import * as config from 'aws-cdk-lib/aws-config';
import { Construct } from 'constructs';
import { ConformancePackName } from '../../definition/names.js';
import { type PackTemplate, renderPackTemplate } from '../../definition/pack-template.js';
import { parseName } from '../../definition/validate.js';
import { propLabel } from '../prop-validation.js';
import { RootAccessKeyFunction } from './root-access-key-function.js';
import type { RootAccessKeyRuleOptions } from './rule-options.js';

/** Properties of a {@link RootAccessKeyConformancePack}. */
export interface RootAccessKeyConformancePackProps extends RootAccessKeyRuleOptions {
  /**
   * Name of the conformance pack.
   * @default the rule name
   */
  readonly conformancePackName?: string;
}

const label = propLabel('RootAccessKeyConformancePack');

/**
 * A conformance pack holding the root access key rule: one account-level,
 * periodic custom Lambda rule, its template rendered by `renderPackTemplate`.
 * Needs an AWS Config configuration recorder in the account and Region.
 */
export class RootAccessKeyConformancePack extends Construct {
  /** The function that evaluates the account. */
  public readonly function: RootAccessKeyFunction;
  /** The conformance pack. */
  public readonly pack: config.CfnConformancePack;
  /** The rendered pack template. */
  public readonly template: PackTemplate;
  /** Name of the conformance pack. */
  public readonly conformancePackName: string;

  constructor(scope: Construct, id: string, props: RootAccessKeyConformancePackProps = {}) {
    super(scope, id);
    const { function: given, conformancePackName, ...settings } = props;
    this.function = given ?? new RootAccessKeyFunction(this, 'Function');
    this.template = renderPackTemplate(
      { ...settings, functionArn: this.function.functionArn },
      label,
    );
    this.conformancePackName = parseName(
      label('conformancePackName'),
      conformancePackName ?? this.template.settings.ruleName,
      ConformancePackName,
    );
    this.pack = new config.CfnConformancePack(this, 'Resource', {
      conformancePackName: this.conformancePackName,
      templateBody: this.template.toYaml(),
    });
    // Config evaluates the pack's rule at once: the function must be invocable by then.
    this.pack.node.addDependency(this.function.allowConfigInvoke());
  }
}
