import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { CfnPermission, CfnResourcePolicy } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { AcceptedTriggers } from '../../definition/config.js';
import { definedFields } from '../../definition/objects.js';
import { type Setting, SettingScope } from '../../definition/setting.js';
import { FREQUENCY_HOURS, type Frequency, settingsIn } from '../../definition/settings.js';
import { SETTINGS } from '../../definition/settings-table.js';
import { RootAccessKeyFunction } from '../constructs/root-access-key-function.js';
import { addDetection } from '../detection/detection-outputs.js';
import { RootKeyForwarderStackSet } from '../detection/forwarder-stack-set.js';
import type {
  RealtimeDetectionSettings,
  RootKeyDetection,
} from '../detection/root-key-detection.js';
import { resolveProps } from '../prop-validation.js';
import type { DeploymentSettings } from '../settings.js';
import { MemberRole } from './member-role.js';
import { MemberRoleStackSet, StackSetCallAs } from './member-role-stack-set.js';
import { MemberRolesGrant } from './member-roles-grant.js';
import { OrganizationAggregator } from './organization-aggregator.js';
import { RootAccessKeyOrganizationConformancePack } from './organization-conformance-pack.js';
import type { OrganizationSettings, OrganizationSettingsProps } from './organization-settings.js';
import { RootAccessKeyPreventionPolicy } from './root-access-key-prevention-policy.js';

/**
 * Properties of an {@link OrganizationStack}: the stack's, the rule's
 * settings (name, frequency, parameters, log retention) and the
 * organization's (`organizationId` and `organizationalUnitIds` required,
 * every other one optional), flat, each with the default and the checks of
 * its row in `SETTINGS`, the same as its context key.
 */
export interface OrganizationStackProps
  extends StackProps,
    DeploymentSettings,
    OrganizationSettingsProps {
  /**
   * The rule's settings as one object.
   * @deprecated give them as props of their own (`frequency`, `logRetentionDays`, …)
   * @default - the props of their own, else the defaults
   */
  readonly settings?: DeploymentSettings;
  /**
   * The organization's settings as one object; its values are used where
   * the prop of their own is not set.
   * @deprecated give them as props of their own (`organizationId`, `maxConcurrency`, …)
   * @default - the props of their own
   */
  readonly organization?: Partial<OrganizationSettings>;
  /**
   * Real-time detection: alerts on root key events and NON_COMPLIANT results
   * of every account, forwarders in every member account (a StackSet), the
   * rule's alarms. This account's `us-east-1` (when the stack is elsewhere)
   * and the management account (when this is a delegated administrator)
   * need a `RootKeyForwarderStack` of their own. @default none
   */
  readonly detection?: RealtimeDetectionSettings;
}

/** The settings an {@link OrganizationStack} takes as props: every row but `executionRoleName`. */
const STACK_SETTINGS = settingsIn(
  SettingScope.Rule,
  SettingScope.Deployment,
  SettingScope.Organization,
).filter((row) => row !== SETTINGS.executionRoleName);

/**
 * The organization rollout, deployed once in the management account or the
 * AWS Config delegated administrator, in one home Region: the central rule
 * function, the member role (here and, by a StackSet, in every account of the
 * target OUs), the organization conformance pack and the aggregator.
 *
 * Every prop is checked before any resource is defined, as its context key
 * is, and an error names the prop as given here.
 *
 * @example
 * import { App } from 'aws-cdk-lib';
 * import { Frequency, OrganizationStack } from 'root-access-key-rule';
 *
 * new OrganizationStack(new App(), 'RootAccessKeys', {
 *   env: { account: '111111111111', region: 'eu-west-1' },
 *   organizationId: 'o-abcdefghij',
 *   organizationalUnitIds: ['ou-ab12-abcdefgh'],
 *   frequency: Frequency.TwelveHours,
 *   maxConcurrency: 20,
 * });
 */
export class OrganizationStack extends Stack {
  /** The organization settings in use, defaults applied. */
  public readonly organization: OrganizationSettings;
  /** The rule's settings and the function's log retention in use, defaults applied. */
  public readonly settings: Required<DeploymentSettings>;
  /** The central rule function. */
  public readonly ruleFunction: RootAccessKeyFunction;
  /**
   * What lets AWS Config of member accounts invoke the function: a permission
   * for any account, or with `restrictInvokeToOrganization` a resource policy
   * for the organization's accounts.
   */
  public readonly invokePermission: CfnPermission | CfnResourcePolicy;
  /** The central role's grant to assume the member roles. */
  public readonly memberRolesGrant: MemberRolesGrant;
  /** The member role of the central account itself (StackSets skip it). */
  public readonly memberRole: MemberRole;
  /** The StackSet that creates the member role in the member accounts. */
  public readonly memberRoleStackSet: MemberRoleStackSet;
  /** The organization conformance pack holding the rule. */
  public readonly conformancePack: RootAccessKeyOrganizationConformancePack;
  /** The organization aggregator, unless turned off. */
  public readonly aggregator?: OrganizationAggregator;
  /** The service control policy against root access keys, with `preventRootAccessKeys`. */
  public readonly preventionPolicy?: RootAccessKeyPreventionPolicy;
  /** Real-time detection, when asked for. */
  public readonly detection?: RootKeyDetection;
  /** The StackSet of the member accounts' forwarders, with detection. */
  public readonly forwarderStackSet?: RootKeyForwarderStackSet;

  constructor(scope: Construct, id: string, props: OrganizationStackProps) {
    super(scope, id, {
      description:
        'Root access key rule (CIS 1.4, Security Hub IAM.4) across an AWS Organization: central function, member roles, organization conformance pack, aggregator',
      ...props,
    });
    const resolved = resolveStackProps(props);
    const { organization } = resolved;
    const { logRetentionDays, securityHubFindings: findings, ...settings } = resolved.settings;
    this.organization = organization;
    this.settings = resolved.settings;

    this.ruleFunction = new RootAccessKeyFunction(this, 'Function', {
      reservedConcurrentExecutions: organization.maxConcurrency,
      logRetention: logRetentionDays,
      ownAccountPermissions: false,
      // The pack's rule is periodic: change notifications can only come from
      // rules made by others on the function.
      acceptedTriggers: AcceptedTriggers.Periodic,
      ...ORGANIZATION_ASYNC_INVOKE,
      maxEventAge: maxEventAgeFor(settings.frequency),
      ...(findings && { securityHubFindings: true }),
    });
    const centralRole = this.ruleFunction.role;
    this.invokePermission = organization.restrictInvokeToOrganization
      ? this.ruleFunction.allowConfigInvokeFromOrganization(organization.organizationId)
      : this.ruleFunction.allowConfigInvoke({
          id: 'OrganizationConfigPermission',
          anySourceAccount: true,
        });

    const ruleName = settings.ruleName;
    if (props.detection !== undefined) {
      this.detection = addDetection(this, {
        ruleFunction: this.ruleFunction.function,
        ruleName,
        frequency: settings.frequency,
        organization: {
          organizationId: organization.organizationId,
          memberRoleName: organization.memberRoleName,
        },
        ...definedFields({ alertEmail: props.detection.alertEmail }),
      });
    }
    const alertRoleArn = this.detection?.alertFunction.role.roleArn;
    this.memberRole = new MemberRole(this, 'MemberRole', {
      roleName: organization.memberRoleName,
      centralRoleArn: centralRole.roleArn,
      ...(findings && { securityHubFindings: true }),
      ...definedFields({ alertRoleArn }),
    });
    // The one name of the member role: the StackSet's role, the assume-role
    // grant and the pack's ExecutionRoleName all read it from here.
    const memberRoleName = this.memberRole.roleName;
    this.memberRolesGrant = new MemberRolesGrant(this, 'AssumeMemberRoles', {
      role: centralRole,
      functionArn: this.ruleFunction.functionArn,
      memberRoleName,
      organizationId: organization.organizationId,
    });

    this.memberRoleStackSet = new MemberRoleStackSet(this, 'MemberRoleStackSet', {
      memberRoleName,
      centralRoleArn: centralRole.roleArn,
      organizationalUnitIds: organization.organizationalUnitIds,
      // The central account has its own copy of the role (above); a stack
      // instance there would collide with it when this is a delegated admin.
      excludedAccounts: [this.account, ...organization.excludedAccounts],
      callAs: organization.delegatedAdmin ? StackSetCallAs.DelegatedAdmin : StackSetCallAs.Self,
      ...(findings && { securityHubFindings: true }),
      ...definedFields({ alertRoleArn }),
    });
    if (this.detection !== undefined) {
      this.forwarderStackSet = new RootKeyForwarderStackSet(this, 'ForwarderStackSet', {
        ruleName,
        centralEventBusArn: this.detection.eventBus.eventBusArn,
        organizationalUnitIds: organization.organizationalUnitIds,
        // This account forwards with its own rules (and its us-east-1 stack).
        excludedAccounts: [this.account, ...organization.excludedAccounts],
        callAs: organization.delegatedAdmin ? StackSetCallAs.DelegatedAdmin : StackSetCallAs.Self,
      });
    }

    this.conformancePack = new RootAccessKeyOrganizationConformancePack(this, 'ConformancePack', {
      ...settings,
      functionArn: this.ruleFunction.functionArn,
      executionRoleName: memberRoleName,
      excludedAccounts: organization.excludedAccounts,
    });
    // Rules must not run before the roles they assume, the grant to assume
    // them and the invoke permission exist.
    this.conformancePack.node.addDependency(
      this.memberRoleStackSet,
      this.memberRole,
      this.memberRolesGrant,
      this.invokePermission,
    );

    if (organization.aggregator) {
      this.aggregator = new OrganizationAggregator(this, 'Aggregator', {
        aggregatorName: organization.aggregatorName,
      });
    }
    if (organization.preventRootAccessKeys) {
      this.preventionPolicy = new RootAccessKeyPreventionPolicy(this, 'PreventRootAccessKeys', {
        targetIds: organization.organizationalUnitIds,
      });
    }
    this.addOutputs();
  }

  private addOutputs(): void {
    new CfnOutput(this, 'FunctionArn', { value: this.ruleFunction.functionArn });
    new CfnOutput(this, 'MemberRoleName', { value: this.memberRole.roleName });
    new CfnOutput(this, 'CentralRoleArn', {
      value: this.ruleFunction.role.roleArn,
      description:
        'Role of the central function, the one principal member roles trust (parameter CentralRoleArn of a member role deployed by hand)',
    });
    new CfnOutput(this, 'StackSetName', {
      value: this.memberRoleStackSet.stackSet.stackSetName,
      description: 'StackSet that creates the member role in the member accounts',
    });
    new CfnOutput(this, 'ConformancePackName', {
      value: this.conformancePack.pack.organizationConformancePackName,
      description: 'Organization conformance pack holding the rule',
    });
    if (this.aggregator !== undefined) {
      new CfnOutput(this, 'AggregatorName', { value: this.aggregator.aggregatorName });
    }
  }
}

/**
 * The props of an {@link OrganizationStack}, own props first, then the
 * deprecated objects; defaults applied, every value checked by its row.
 */
function resolveStackProps(props: OrganizationStackProps): {
  settings: Required<DeploymentSettings>;
  organization: OrganizationSettings;
} {
  const own = Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined));
  const resolved = resolveProps('OrganizationStack', STACK_SETTINGS, {
    ...props.settings,
    ...props.organization,
    ...own,
  });
  const pick = (keep: (row: Setting) => boolean) =>
    Object.fromEntries(
      STACK_SETTINGS.filter(keep).map((row) => [row.name, resolved[row.name]]),
    ) as unknown;
  return {
    settings: pick(
      (row) => row.scope !== SettingScope.Organization,
    ) as Required<DeploymentSettings>,
    organization: pick((row) => row.scope === SettingScope.Organization) as OrganizationSettings,
  };
}

/**
 * Asynchronous invocation of the central function: one retry of a failed
 * evaluation (Lambda's default is two); with `maxEventAgeFor`, no event
 * outlives the period of the rule, whose next trigger supersedes it.
 */
export const ORGANIZATION_ASYNC_INVOKE = { retryAttempts: 1 } as const;

/**
 * The longest an invocation event may wait (throttled or retried) before
 * Lambda drops it: the rule's period, at most Lambda's 6 hours.
 */
export function maxEventAgeFor(frequency: Frequency): Duration {
  return Duration.hours(Math.min(6, FREQUENCY_HOURS[frequency]));
}
