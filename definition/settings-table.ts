import {
  AccountId,
  AggregatorName,
  DefaultName,
  DeploymentTarget,
  EmailAddress,
  OrganizationId,
  RoleName,
  RuleName,
  roleReference,
} from './names.js';
import {
  booleanSetting,
  customSetting,
  enumSetting,
  integerSetting,
  listSetting,
  nameSetting,
  numberChoiceSetting,
  SettingCommand,
  SettingScope,
  SettingType,
  settingsTable,
} from './setting.js';
import {
  DEFAULT_LOG_RETENTION_DAYS,
  DEFAULT_RULE_DESCRIPTION,
  Deployment,
  Frequency,
  LOG_RETENTION_DAYS,
  MAX_CONCURRENCY_RANGE,
  Packaging,
  RootWithoutCredentialsResult,
  RULE_DESCRIPTION_MAX_LENGTH,
} from './setting-values.js';
import { fail } from './validate.js';

const { Rule, Deployment: Every, Account, Organization } = SettingScope;
const BOTH = [SettingCommand.Evaluate, SettingCommand.PackTemplate] as const;
const PACK_TEMPLATE = [SettingCommand.PackTemplate] as const;

const DESCRIPTION_ALLOWED = `a non-blank text of at most ${RULE_DESCRIPTION_MAX_LENGTH} characters`;

/**
 * Every setting of the rule and of its deployments, one row each: the
 * construct prop, the CDK context key, the Config rule parameter and the
 * command-line option it is, its type, default, allowed values, description
 * and its one parser. The context keys and their reader, the construct props
 * and their validation, the pack template's `InputParameters`, the
 * command-line options of rule settings and the rule's parameter parser are
 * derived from it: a new setting is a new row.
 *
 * @example
 * import { SETTINGS } from 'root-access-key-rule/definition';
 *
 * SETTINGS.frequency.parse('option frequency', 'one_hour'); // 'One_Hour'
 * SETTINGS.maxConcurrency.allowed; // 'an integer from 1 to 900'
 */
export const SETTINGS = settingsTable({
  /** Context only: `account` (one account) or `organization`. @default 'account' */
  deployment: enumSetting(
    {
      scope: Every,
      contextKey: 'deployment',
      prop: false,
      defaultValue: Deployment.Account,
      description: 'one account, or every account of an AWS Organization',
    },
    Object.values(Deployment),
  ),
  /** A conformance pack holding the rule, or a standalone rule (single account). @default Packaging.ConformancePack */
  packaging: enumSetting(
    {
      scope: Account,
      contextKey: 'packaging',
      defaultValue: Packaging.ConformancePack,
      description: 'a conformance pack holding the rule, or a standalone rule',
    },
    Object.values(Packaging),
  ),
  /** Name of the Config rule (and of the conformance pack holding it). @default 'root-access-key-rule' */
  ruleName: nameSetting(
    {
      scope: Rule,
      contextKey: 'ruleName',
      cli: { flag: '--rule-name <name>', commands: PACK_TEMPLATE },
      defaultValue: DefaultName.rule,
      description: 'name of the Config rule (and of the conformance pack holding it)',
    },
    RuleName,
  ),
  /** How often AWS Config runs the rule. @default Frequency.TwentyFourHours */
  frequency: enumSetting(
    {
      scope: Rule,
      contextKey: 'frequency',
      cli: { flag: '--frequency <frequency>', commands: PACK_TEMPLATE },
      defaultValue: Frequency.TwentyFourHours,
      description: 'how often AWS Config runs the rule',
    },
    Object.values(Frequency),
  ),
  /**
   * Rule parameter `IgnoreInactiveKeys`: `true` makes only an active root key
   * non-compliant; `false` makes any root key non-compliant (CIS).
   * @default false
   */
  ignoreInactiveKeys: booleanSetting({
    scope: Rule,
    parameter: 'IgnoreInactiveKeys',
    contextKey: 'ignoreInactiveKeys',
    cli: { flag: '--ignore-inactive-keys', commands: BOTH },
    defaultValue: false,
    description:
      'only an active root key is non-compliant (false: any root key is, as CIS requires)',
  }),
  /**
   * Rule parameter `RootWithoutCredentials`: the result when the root user has
   * neither access keys nor a password.
   * @default RootWithoutCredentialsResult.Compliant
   */
  rootWithoutCredentials: enumSetting(
    {
      scope: Rule,
      parameter: 'RootWithoutCredentials',
      contextKey: 'rootWithoutCredentials',
      cli: { flag: '--root-without-credentials <result>', commands: BOTH },
      defaultValue: RootWithoutCredentialsResult.Compliant,
      description: 'result when the root user has neither access keys nor a password',
    },
    Object.values(RootWithoutCredentialsResult),
  ),
  /**
   * Rule parameter `ExecutionRoleName`: the role, optionally under an IAM path
   * (`security/RootKeyAudit`), that the function assumes in the evaluated
   * account (organization deployments).
   * @default - none: the function evaluates its own account
   */
  executionRoleName: nameSetting(
    {
      scope: Rule,
      parameter: 'ExecutionRoleName',
      cli: { flag: '--execution-role-name <name>', commands: PACK_TEMPLATE },
      example: 'security/RootKeyAudit',
      description:
        'role the function assumes in the evaluated account, optionally under an IAM path (organization deployments; none: its own account)',
    },
    RoleName,
    (name) => roleReference(name) !== undefined,
  ),
  /** Description of the Config rule (at most 256 characters). @default DEFAULT_RULE_DESCRIPTION */
  description: customSetting(
    {
      scope: Rule,
      defaultValue: DEFAULT_RULE_DESCRIPTION,
      description: 'description of the Config rule',
    },
    SettingType.Text,
    DESCRIPTION_ALLOWED,
    (label, value) =>
      typeof value === 'string' &&
      value.trim() !== '' &&
      value.length <= RULE_DESCRIPTION_MAX_LENGTH
        ? value
        : fail(label, value, DESCRIPTION_ALLOWED),
  ),
  /** Retention of the function's log group, in days (one of LOG_RETENTION_DAYS). @default 365 */
  logRetentionDays: numberChoiceSetting(
    {
      scope: Every,
      contextKey: 'logRetentionDays',
      defaultValue: DEFAULT_LOG_RETENTION_DAYS,
      description: "retention of the function's log group, in days",
    },
    LOG_RETENTION_DAYS,
  ),
  /**
   * Reserve one concurrent execution for the function (bounding it); turn off
   * in accounts whose Lambda concurrency quota is still reduced. @default true
   */
  reserveConcurrency: booleanSetting({
    scope: Account,
    contextKey: 'reserveConcurrency',
    defaultValue: true,
    description:
      "reserve one concurrent execution for the function (turn off where the account's Lambda concurrency quota is still reduced)",
  }),
  /** The organization id (`o-…`); the central role may assume roles only in it. Required. */
  organizationId: nameSetting(
    {
      scope: Organization,
      contextKey: 'organizationId',
      required: true,
      example: 'o-abcdefghij',
      description: 'the organization; the central role may assume roles only in it',
    },
    OrganizationId,
  ),
  /** OU ids (`ou-…`) or the root id (`r-…`) whose accounts get the member role. Required. */
  organizationalUnitIds: listSetting(
    {
      scope: Organization,
      contextKey: 'organizationalUnitIds',
      required: true,
      example: ['ou-ab12-abcdefgh', 'r-ab12'],
      description: 'OUs (or the root) whose accounts get the member role',
    },
    DeploymentTarget,
  ),
  /** Accounts that get neither the pack nor the member role. @default - none */
  excludedAccounts: listSetting(
    {
      scope: Organization,
      contextKey: 'excludedAccounts',
      defaultValue: [],
      description: 'accounts that get neither the pack nor the member role',
    },
    AccountId,
  ),
  /**
   * Name of the member role, optionally under an IAM path (`security/RootKeyRule`):
   * the rule's `ExecutionRoleName`. @default 'RootAccessKeyRuleMember'
   */
  memberRoleName: nameSetting(
    {
      scope: Organization,
      contextKey: 'memberRoleName',
      defaultValue: DefaultName.memberRole,
      description:
        "member role the central function assumes (the rule's ExecutionRoleName), optionally under an IAM path",
    },
    RoleName,
    (name) => roleReference(name) !== undefined,
  ),
  /** Reserved concurrency of the central function, 1 to 900. @default 10 */
  maxConcurrency: integerSetting(
    {
      scope: Organization,
      contextKey: 'maxConcurrency',
      defaultValue: 10,
      description: 'reserved concurrency of the central function',
    },
    MAX_CONCURRENCY_RANGE,
  ),
  /** Whether to create the organization aggregator. @default true */
  aggregator: booleanSetting({
    scope: Organization,
    contextKey: 'aggregator',
    defaultValue: true,
    description: 'create the organization aggregator',
  }),
  /** Name of the aggregator. @default 'root-access-key-rule-organization' */
  aggregatorName: nameSetting(
    {
      scope: Organization,
      contextKey: 'aggregatorName',
      defaultValue: DefaultName.aggregator,
      description: 'name of the organization aggregator',
    },
    AggregatorName,
  ),
  /**
   * Whether the central account is a delegated administrator (for AWS Config
   * and StackSets) rather than the management account. @default false
   */
  delegatedAdmin: booleanSetting({
    scope: Organization,
    contextKey: 'delegatedAdmin',
    defaultValue: false,
    description:
      'the central account is a delegated administrator (of AWS Config and StackSets), not the management account',
  }),
  /**
   * Attach a service control policy to the OUs that denies the root user
   * `iam:CreateAccessKey` (SCPs do not apply to the management account). @default false
   */
  preventRootAccessKeys: booleanSetting({
    scope: Organization,
    contextKey: 'preventRootAccessKeys',
    defaultValue: false,
    description: 'attach a service control policy that denies the root user iam:CreateAccessKey',
  }),
  /**
   * Let AWS Config invoke the central function only on behalf of accounts of
   * the organization (`aws:SourceOrgID`); verify it in a sandbox first
   * (docs/organization.md). @default false
   */
  restrictInvokeToOrganization: booleanSetting({
    scope: Organization,
    contextKey: 'restrictInvokeToOrganization',
    defaultValue: false,
    description:
      "let AWS Config invoke the central function only for the organization's accounts (aws:SourceOrgID; verify in a sandbox first)",
  }),
  /**
   * After each evaluation the function imports one finding for the account
   * into AWS Security Hub (in that account and the rule's Region), with the
   * annotation and each key's facts; a Security Hub failure never changes the
   * Config result (docs/findings.md). @default false
   */
  securityHubFindings: booleanSetting({
    scope: Every,
    contextKey: 'securityHubFindings',
    defaultValue: false,
    description:
      'import one finding per evaluation into AWS Security Hub in the evaluated account (docs/findings.md)',
  }),
  /**
   * Context only: real-time detection of root keys and of NON_COMPLIANT
   * results, with alerts and the rule's alarms (docs/detection.md); stacks
   * take it as their `detection` prop. @default true
   */
  realtimeDetection: booleanSetting({
    scope: Every,
    contextKey: 'realtimeDetection',
    prop: false,
    defaultValue: true,
    description:
      'alert within minutes on root key events and NON_COMPLIANT results, and alarm when the rule stops (docs/detection.md)',
  }),
  /**
   * Context only: an address subscribed to the alerts by e-mail (stacks take
   * it in their `detection` prop). @default none
   */
  alertEmail: nameSetting(
    {
      scope: Every,
      contextKey: 'alertEmail',
      prop: false,
      example: 'security@example.com',
      description: 'an e-mail address subscribed to the alerts (needs realtimeDetection)',
    },
    EmailAddress,
  ),
});

/** The settings table's type. */
export type SettingsTable = typeof SETTINGS;

/** A setting's name: a key of {@link SETTINGS}. */
export type SettingName = keyof SettingsTable;

/** Every row of {@link SETTINGS}, in table order. */
export const SETTING_ROWS = Object.values(SETTINGS);
