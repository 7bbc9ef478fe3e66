import {
  Annotations,
  type App,
  BootstraplessSynthesizer,
  type Environment,
  type IStackSynthesizer,
  type Stack,
  Token,
  Validations,
} from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { IAM_EVENTS_REGION } from '../../definition/detection.js';
import { InvalidSettingError } from '../../definition/errors.js';
import { definedFields } from '../../definition/objects.js';
import { SettingScope } from '../../definition/setting.js';
import { settingsIn } from '../../definition/settings.js';
import { RootAccessKeyRuleStack } from '../account-stack.js';
import { defaultEventBusName } from '../detection/central-event-bus.js';
import { RootKeyForwarderStack } from '../detection/forwarder-stack.js';
import { eventBusArn } from '../detection/root-key-detection.js';
import { MemberRoleStack } from '../organization/member-role-stack.js';
import { OrganizationStack } from '../organization/organization-stack.js';
import { Packaging } from '../settings.js';
import { assertKnownContextKeys, ContextKey } from './context-keys.js';
import {
  assertNoOrganizationKeys,
  Deployment,
  readDeployment,
  readDetection,
  readPackaging,
  readRaw,
  readRuleSettings,
  readSettings,
} from './context-readers.js';
import { readOrganizationSettings } from './organization-context.js';

/** Account used when neither the CLI nor the environment names one (offline synth). */
export const OFFLINE_ACCOUNT = '123456789012';

/** Region used when neither the CLI nor the environment names one (offline synth). */
export const OFFLINE_REGION = 'us-east-1';

/** Id of the single-account stack. */
export const ACCOUNT_STACK_ID = 'RootAccessKeyRule';

/** Id of the organization stack. */
export const ORGANIZATION_STACK_ID = 'RootAccessKeyRuleOrganization';

/**
 * Id of the stack holding the member role of the management account, which
 * StackSets never reach; synthesized when the central account is a delegated
 * administrator, and deployed by hand in the management account.
 */
export const MANAGEMENT_ROLE_STACK_ID = 'RootAccessKeyRuleManagementAccountRole';

/**
 * Id of the stack that forwards this account's root key events from
 * `us-east-1` (where IAM's events arrive) when the rule's stack is elsewhere.
 */
export const IAM_EVENTS_STACK_ID = 'RootAccessKeyRuleIamEvents';

/**
 * Id of the forwarder stack of the management account, which StackSets never
 * reach; synthesized when the central account is a delegated administrator,
 * and deployed by hand in the management account's `us-east-1` and home Region.
 */
export const MANAGEMENT_FORWARDER_STACK_ID = 'RootAccessKeyRuleManagementAccountForwarders';

/**
 * The target environment: the CDK CLI's `CDK_DEFAULT_ACCOUNT` and
 * `CDK_DEFAULT_REGION` (set from the credentials in use), else offline
 * placeholders so that synth works without credentials.
 */
export function defaultEnvironment(env: NodeJS.ProcessEnv = process.env): Required<Environment> {
  return {
    account: env.CDK_DEFAULT_ACCOUNT || OFFLINE_ACCOUNT,
    region: env.CDK_DEFAULT_REGION || OFFLINE_REGION,
  };
}

/**
 * Defines this repository's app from its context and registers the cdk-nag
 * AWS Solutions checks, which every synth then runs.
 *
 * @throws InvalidSettingError when a context value is invalid or unknown
 */
export function buildApp(app: App, env: Required<Environment> = defaultEnvironment()): Stack {
  assertKnownContextKeys(app.node.getAllContext());
  const deployment = readDeployment(app);
  const settings = readRuleSettings(app);
  const packaging = readPackaging(app);
  const detection = readDetection(app);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  if (deployment === Deployment.Account) {
    assertNoOrganizationKeys(app);
    // Every setting of the account deployment, as the stack's props: a new
    // row of SETTINGS reaches the stack without a change here.
    const account = readSettings(app, settingsIn(SettingScope.Account));
    const stack = new RootAccessKeyRuleStack(app, ACCOUNT_STACK_ID, {
      env,
      ...settings,
      ...account,
      ...definedFields({ detection }),
    });
    addIamEventsStack(app, stack, env, settings.ruleName);
    return stack;
  }
  if (readRaw(app, ContextKey.ReserveConcurrency) !== undefined) {
    throw new InvalidSettingError(
      `Context key "${ContextKey.ReserveConcurrency}" applies only to an account deployment; an organization deployment bounds its central function with "${ContextKey.MaxConcurrency}"`,
    );
  }
  if (packaging !== Packaging.ConformancePack) {
    throw new InvalidSettingError(
      `Invalid context key "${ContextKey.Packaging}": received "${packaging}" with deployment=${deployment}; allowed: ${Packaging.ConformancePack} (an organization deployment always uses an organization conformance pack)`,
    );
  }
  const organization = readOrganizationSettings(app);
  const stack = new OrganizationStack(app, ORGANIZATION_STACK_ID, {
    env,
    ...settings,
    ...organization,
    ...definedFields({ detection }),
  });
  addIamEventsStack(app, stack, env, settings.ruleName);
  if (organization.delegatedAdmin && stack.detection !== undefined) {
    new RootKeyForwarderStack(app, MANAGEMENT_FORWARDER_STACK_ID, {
      ruleName: settings.ruleName,
      centralEventBusArn: centralBusArn(env, settings.ruleName),
      homeRegion: env.region,
      description:
        'Root access key rule: forwards the management account root key events (deploy in us-east-1) and NON_COMPLIANT results (deploy in the rule Region) to the central event bus; StackSets do not reach this account',
      synthesizer: new BootstraplessSynthesizer() as IStackSynthesizer,
    });
  }
  if (organization.delegatedAdmin) {
    new MemberRoleStack(app, MANAGEMENT_ROLE_STACK_ID, {
      roleName: stack.memberRole.roleName,
      detection: stack.detection !== undefined,
      securityHubFindings: settings.securityHubFindings,
      description:
        'Root access key rule: the role the central rule function (in the delegated administrator account) assumes in the management account, which StackSets do not reach',
      // No CDK bootstrap needed in the management account: a plain template.
      synthesizer: new BootstraplessSynthesizer() as IStackSynthesizer,
    });
  }
  return stack;
}

/** The central event bus of the deployment, by name: stacks of other Regions cannot reference it. */
function centralBusArn(env: Required<Environment>, ruleName: string): string {
  return eventBusArn(env.account, env.region, defaultEventBusName(ruleName));
}

/**
 * The stack forwarding the deployment account's root key events from
 * `us-east-1`, when the rule's stack (with detection) is in another Region.
 */
function addIamEventsStack(
  app: App,
  stack: RootAccessKeyRuleStack | OrganizationStack,
  env: Required<Environment>,
  ruleName: string,
): void {
  if (stack.detection === undefined || stack.detection.receivesIamEvents) return;
  if (Token.isUnresolved(env.region) || Token.isUnresolved(env.account)) {
    // Its Region is known only when deployed: the stack's own forwarder takes
    // root key events when that is us-east-1; elsewhere a stack of this app
    // cannot name the central bus for a us-east-1 stack.
    Annotations.of(stack).addWarningV2(
      'root-access-key-rule:iam-events-region',
      `Environment-agnostic stack: root key events reach EventBridge in ${IAM_EVENTS_REGION} only; deployed elsewhere, also deploy a RootKeyForwarderStack in ${IAM_EVENTS_REGION} (docs/detection.md), or give the stack an account and Region`,
    );
    return;
  }
  const forwarders = new RootKeyForwarderStack(app, IAM_EVENTS_STACK_ID, {
    env: { account: env.account, region: IAM_EVENTS_REGION },
    ruleName,
    centralEventBusArn: centralBusArn(env, ruleName),
    homeRegion: env.region,
  });
  forwarders.addDependency(
    stack,
    'the central event bus must exist before events are forwarded to it',
  );
}
