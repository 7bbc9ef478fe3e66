import { CfnOrganizationConformancePack } from 'aws-cdk-lib/aws-config';
import { Construct } from 'constructs';
import { AccountId, RoleName, RuleName } from '../../definition/names.js';
import { type PackTemplate, renderPackTemplate } from '../../definition/pack-template.js';
import type { RuleSettingsProps } from '../../definition/settings.js';
import { missing } from '../../definition/validate.js';
import { assertName, assertValid, propLabel } from '../prop-validation.js';

/** Most accounts an organization conformance pack can exclude. */
export const EXCLUDED_ACCOUNTS_MAX = 1000;

/** Properties of a {@link RootAccessKeyOrganizationConformancePack}. */
export interface RootAccessKeyOrganizationConformancePackProps
  extends Omit<RuleSettingsProps, 'executionRoleName'> {
  /** ARN of the central rule function. */
  readonly functionArn: string;
  /**
   * Name of the role the function assumes in each evaluated account, passed to
   * the rule as `ExecutionRoleName`. It must be the role the StackSet creates.
   */
  readonly executionRoleName: string;
  /** Name of the organization conformance pack. @default - the rule name */
  readonly packName?: string;
  /** Accounts that do not get the pack. @default - none */
  readonly excludedAccounts?: readonly string[];
}

const label = propLabel('RootAccessKeyOrganizationConformancePack');

/**
 * An organization conformance pack holding the rule on the central function.
 * AWS Config deploys it to every member account of the organization in this
 * Region, including accounts that join later; the rule assumes the member
 * role named `executionRoleName` in each account it evaluates.
 *
 * @example
 * const central = new RootAccessKeyFunction(stack, 'Central', { ownAccountPermissions: false });
 * new RootAccessKeyOrganizationConformancePack(stack, 'Pack', {
 *   functionArn: central.functionArn,
 *   executionRoleName: 'security/RootKeyRule',
 *   excludedAccounts: ['222222222222'],
 * });
 */
export class RootAccessKeyOrganizationConformancePack extends Construct {
  /** The organization conformance pack resource. */
  public readonly pack: CfnOrganizationConformancePack;
  /** The pack template (the rule), as rendered for `TemplateBody`. */
  public readonly template: PackTemplate;

  constructor(scope: Construct, id: string, props: RootAccessKeyOrganizationConformancePackProps) {
    super(scope, id);
    const { packName: givenPackName, excludedAccounts: given, ...settings } = props;
    if (settings.executionRoleName === undefined) {
      missing(label('executionRoleName'), RoleName.description);
    }
    this.template = renderPackTemplate(settings, label);
    const packName = givenPackName ?? this.template.settings.ruleName;
    assertName(label('packName'), packName, RuleName);
    const excludedAccounts = [...new Set(given ?? [])];
    validateExcludedAccounts(excludedAccounts);
    this.pack = new CfnOrganizationConformancePack(this, 'Resource', {
      organizationConformancePackName: packName,
      templateBody: this.template.toYaml(),
      ...(excludedAccounts.length === 0 ? {} : { excludedAccounts }),
    });
  }
}

function validateExcludedAccounts(accounts: readonly string[]): void {
  assertValid(
    label('excludedAccounts'),
    `${accounts.length} accounts`,
    () => accounts.length <= EXCLUDED_ACCOUNTS_MAX,
    `at most ${EXCLUDED_ACCOUNTS_MAX} accounts`,
  );
  for (const account of accounts) assertName(label('excludedAccounts'), account, AccountId);
}
