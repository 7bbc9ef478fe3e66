import * as config from 'aws-cdk-lib/aws-config';
import { Construct } from 'constructs';
import { type PackTemplate, renderPackTemplate } from '../pack-template.js';
import { parseString } from '../validate.js';
import { RootAccessKeyFunction } from './root-access-key-function.js';
import { packTemplateOptions, type RootAccessKeyRuleOptions } from './rule-options.js';

/** Properties of a {@link RootAccessKeyConformancePack}. */
export interface RootAccessKeyConformancePackProps extends RootAccessKeyRuleOptions {
  /**
   * Name of the conformance pack.
   * @default the rule name
   */
  readonly conformancePackName?: string;
}

const PACK_NAME_PATTERN = /^[a-zA-Z][-a-zA-Z0-9]{0,255}$/;

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
    this.function = props.function ?? new RootAccessKeyFunction(this, 'Function');
    this.template = renderPackTemplate(packTemplateOptions(props, this.function.functionArn));
    this.conformancePackName = parseString(
      'prop conformancePackName',
      props.conformancePackName ??
        this.template.body.Resources.RootAccessKeyRule.Properties.ConfigRuleName,
      PACK_NAME_PATTERN,
      'a name of 1-256 letters, digits and hyphens that starts with a letter',
    );
    this.pack = new config.CfnConformancePack(this, 'Resource', {
      conformancePackName: this.conformancePackName,
      templateBody: this.template.toYaml(),
    });
    // Config evaluates the pack's rule at once: the function must be invocable by then.
    this.pack.node.addDependency(this.function.allowConfigInvoke());
  }
}
