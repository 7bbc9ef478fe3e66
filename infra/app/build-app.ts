import {
  type App,
  BootstraplessSynthesizer,
  type Environment,
  type IStackSynthesizer,
  type Stack,
  Validations,
} from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { InvalidSettingError } from '../../definition/errors.js';
import { RootAccessKeyRuleStack } from '../account-stack.js';
import { MemberRoleStack } from '../organization/member-role-stack.js';
import { OrganizationStack } from '../organization/organization-stack.js';
import { Packaging } from '../settings.js';
import { assertKnownContextKeys, ContextKey } from './context-keys.js';
import {
  assertNoOrganizationKeys,
  Deployment,
  readBoolean,
  readDeployment,
  readPackaging,
  readRaw,
  readRuleSettings,
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
  const securityHubFindings = readBoolean(app, ContextKey.SecurityHubFindings, false);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  if (deployment === Deployment.Account) {
    assertNoOrganizationKeys(app);
    const reserveConcurrency = readBoolean(app, ContextKey.ReserveConcurrency, true);
    return new RootAccessKeyRuleStack(app, ACCOUNT_STACK_ID, {
      env,
      settings,
      packaging,
      reserveConcurrency,
      securityHubFindings,
    });
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
    settings,
    organization,
    securityHubFindings,
  });
  if (organization.delegatedAdmin) {
    new MemberRoleStack(app, MANAGEMENT_ROLE_STACK_ID, {
      roleName: stack.memberRole.roleName,
      securityHubFindings,
      description:
        'Root access key rule: the role the central rule function (in the delegated administrator account) assumes in the management account, which StackSets do not reach',
      // No CDK bootstrap needed in the management account: a plain template.
      synthesizer: new BootstraplessSynthesizer() as IStackSynthesizer,
    });
  }
  return stack;
}
