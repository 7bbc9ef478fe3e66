import { CfnOrganizationConformancePack } from 'aws-cdk-lib/aws-config';
import { Construct } from 'constructs';
import type { Frequency, RootWithoutCredentialsResult } from '../../rule/src/core/constants.js';
import { type PackTemplate, renderPackTemplate } from '../pack-template.js';
import { DEFAULT_RULE_NAME, RULE_NAME_DESCRIPTION, RULE_NAME_PATTERN } from '../settings.js';
import { ACCOUNT_ID_PATTERN, assertValid } from './ids.js';

/** Most accounts an organization conformance pack can exclude. */
export const EXCLUDED_ACCOUNTS_MAX = 1000;

/** Properties of a {@link RootAccessKeyOrganizationConformancePack}. */
export interface RootAccessKeyOrganizationConformancePackProps {
  /** ARN of the central rule function. */
  readonly functionArn: string;
  /**
   * Name of the role the function assumes in each evaluated account, passed to
   * the rule as `ExecutionRoleName`. It must be the role the StackSet creates.
   */
  readonly executionRoleName: string;
  /** Name of the Config rule. @default 'root-access-key-rule' */
  readonly ruleName?: string;
  /** How often Config runs the rule. @default TwentyFour_Hours */
  readonly frequency?: Frequency;
  /** Rule parameter `IgnoreInactiveKeys`. @default false */
  readonly ignoreInactiveKeys?: boolean;
  /** Rule parameter `RootWithoutCredentials`. @default COMPLIANT */
  readonly rootWithoutCredentials?: RootWithoutCredentialsResult;
  /** Name of the organization conformance pack. @default - the rule name */
  readonly packName?: string;
  /** Accounts that do not get the pack. @default - none */
  readonly excludedAccounts?: readonly string[];
}

/**
 * An organization conformance pack holding the rule on the central function.
 * AWS Config deploys it to every member account of the organization in this
 * Region, including accounts that join later; the rule assumes the member
 * role named `executionRoleName` in each account it evaluates.
 */
export class RootAccessKeyOrganizationConformancePack extends Construct {
  /** The organization conformance pack resource. */
  public readonly pack: CfnOrganizationConformancePack;
  /** The pack template (the rule), as rendered for `TemplateBody`. */
  public readonly template: PackTemplate;

  constructor(scope: Construct, id: string, props: RootAccessKeyOrganizationConformancePackProps) {
    super(scope, id);
    const ruleName = props.ruleName ?? DEFAULT_RULE_NAME;
    const packName = props.packName ?? ruleName;
    assertValid(
      'RootAccessKeyOrganizationConformancePack prop packName',
      packName,
      (value) => RULE_NAME_PATTERN.test(value),
      RULE_NAME_DESCRIPTION,
    );
    const excludedAccounts = [...new Set(props.excludedAccounts ?? [])];
    validateExcludedAccounts(excludedAccounts);
    this.template = renderPackTemplate({
      functionArn: props.functionArn,
      ruleName,
      executionRoleName: props.executionRoleName,
      ...(props.frequency === undefined ? {} : { frequency: props.frequency }),
      ...(props.ignoreInactiveKeys === undefined
        ? {}
        : { ignoreInactiveKeys: props.ignoreInactiveKeys }),
      ...(props.rootWithoutCredentials === undefined
        ? {}
        : { rootWithoutCredentials: props.rootWithoutCredentials }),
    });
    this.pack = new CfnOrganizationConformancePack(this, 'Resource', {
      organizationConformancePackName: packName,
      templateBody: this.template.toYaml(),
      ...(excludedAccounts.length === 0 ? {} : { excludedAccounts }),
    });
  }
}

function validateExcludedAccounts(accounts: readonly string[]): void {
  const label = 'RootAccessKeyOrganizationConformancePack prop excludedAccounts';
  if (accounts.length > EXCLUDED_ACCOUNTS_MAX) {
    assertValid(
      label,
      `${accounts.length} accounts`,
      () => false,
      `at most ${EXCLUDED_ACCOUNTS_MAX} accounts`,
    );
  }
  for (const account of accounts) {
    assertValid(label, account, (value) => ACCOUNT_ID_PATTERN.test(value), 'a 12-digit account id');
  }
}
