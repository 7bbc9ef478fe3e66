import { Aws, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import {
  ACCEPTED_TRIGGERS_VARIABLE,
  AcceptedTriggers,
  SECURITY_HUB_FINDINGS_VARIABLE,
} from '../../definition/config.js';
import { InvalidSettingError } from '../../definition/errors.js';
import { defaultProductArn } from '../../definition/findings/asff.js';
import {
  CONFIG_SERVICE_PRINCIPAL,
  RULE_IAM_ACTIONS,
  SECURITY_HUB_IMPORT_ACTION,
} from '../../definition/permissions.js';
import { HANDLER_NAME, handlerAssetDirectory } from './handler-asset.js';
import {
  type ConfigInvokeOptions,
  type RootAccessKeyFunctionProps,
  resolveFunctionProps,
} from './root-access-key-function-props.js';

export * from './root-access-key-function-props.js';

/**
 * The Lambda function of the root access key rule: the rule's prebuilt
 * handler bundle (AWS SDK included, minified; shipped in the package, so a
 * synth needs neither esbuild nor Docker), on the newest Node.js runtime,
 * arm64, with its own log group and a role limited to what the rule calls.
 */
export class RootAccessKeyFunction extends Construct {
  /** The Lambda function. */
  public readonly function: lambda.Function;
  /** The function's execution role; add statements to it with `addToPrincipalPolicy`. */
  public readonly role: iam.Role;
  /** The function's log group. */
  public readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: RootAccessKeyFunctionProps = {}) {
    super(scope, id);
    const settings = resolveFunctionProps(props);
    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: settings.logRetention,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });
    this.role = new iam.Role(this, 'ServiceRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Execution role of the root access key rule function',
    });
    this.logGroup.grantWrite(this.role);
    const findings = props.securityHubFindings === true;
    if (props.ownAccountPermissions ?? true) this.grantRuleActions(findings);
    const environment: Record<string, string> = {
      ...(settings.acceptedTriggers === AcceptedTriggers.All
        ? {}
        : { [ACCEPTED_TRIGGERS_VARIABLE]: settings.acceptedTriggers }),
      ...(findings ? { [SECURITY_HUB_FINDINGS_VARIABLE]: 'true' } : {}),
    };
    this.function = new lambda.Function(this, 'Resource', {
      code: lambda.Code.fromAsset(handlerAssetDirectory()),
      handler: HANDLER_NAME,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: settings.memorySize,
      timeout: settings.timeout,
      ...(settings.reservedConcurrentExecutions === undefined
        ? {}
        : { reservedConcurrentExecutions: settings.reservedConcurrentExecutions }),
      ...(Object.keys(environment).length === 0 ? {} : { environment }),
      ...(settings.retryAttempts === undefined ? {} : { retryAttempts: settings.retryAttempts }),
      ...(settings.maxEventAge === undefined ? {} : { maxEventAge: settings.maxEventAge }),
      role: this.role,
      logGroup: this.logGroup,
      description:
        props.description ??
        'AWS Config rule: the root user has no access key (CIS AWS Foundations 1.4, Security Hub IAM.4)',
      ...(props.functionName === undefined ? {} : { functionName: props.functionName }),
    });
  }

  /** ARN of the function. */
  public get functionArn(): string {
    return this.function.functionArn;
  }

  /**
   * Lets AWS Config invoke the function. Idempotent per id: a second call
   * with the same id returns the existing permission.
   */
  public allowConfigInvoke(options: ConfigInvokeOptions = {}): lambda.CfnPermission {
    const id = options.id ?? 'ConfigPermission';
    const existing = this.node.tryFindChild(id);
    if (existing instanceof lambda.CfnPermission) return existing;
    this.assertNoResourcePolicy('allowConfigInvoke');
    if (options.anySourceAccount === true && options.sourceAccount !== undefined) {
      throw new InvalidSettingError(
        `Invalid permission options: received sourceAccount ${JSON.stringify(options.sourceAccount)} and anySourceAccount true; allowed: one of them`,
      );
    }
    return new lambda.CfnPermission(this, id, {
      action: 'lambda:InvokeFunction',
      functionName: this.function.functionArn,
      principal: CONFIG_SERVICE_PRINCIPAL,
      ...(options.anySourceAccount === true
        ? {}
        : { sourceAccount: options.sourceAccount ?? Stack.of(this).account }),
    });
  }

  /**
   * Lets AWS Config invoke the function only on behalf of accounts of one
   * organization: a full resource-based policy (`AWS::Lambda::ResourcePolicy`)
   * for `config.amazonaws.com` with `aws:SourceOrgID`. Such a policy replaces
   * the function's whole policy, so it cannot be combined with
   * {@link allowConfigInvoke}. AWS Config does not document that its
   * invocations carry `aws:SourceOrgID`: verify it in a sandbox before relying
   * on it (docs/organization.md), or invocations will be refused.
   *
   * @throws InvalidSettingError when the function already has a permission
   */
  public allowConfigInvokeFromOrganization(
    organizationId: string,
    id = 'OrganizationConfigPolicy',
  ): lambda.CfnResourcePolicy {
    const existing = this.node.tryFindChild(id);
    if (existing instanceof lambda.CfnResourcePolicy) return existing;
    const permission = this.node.children.find((child) => child instanceof lambda.CfnPermission);
    if (permission !== undefined) {
      throw new InvalidSettingError(
        `Invalid invoke permissions: received allowConfigInvokeFromOrganization after a permission (${permission.node.id}); allowed: one of them, since a resource policy replaces the function's permissions`,
      );
    }
    return new lambda.CfnResourcePolicy(this, id, {
      resourceArn: this.function.functionArn,
      policyDocument: new iam.PolicyDocument({
        statements: [
          new iam.PolicyStatement({
            sid: 'ConfigOfOrganizationAccounts',
            principals: [new iam.ServicePrincipal(CONFIG_SERVICE_PRINCIPAL)],
            actions: ['lambda:InvokeFunction'],
            resources: [this.function.functionArn],
            conditions: { StringEquals: { 'aws:SourceOrgID': organizationId } },
          }),
        ],
      }),
    });
  }

  private assertNoResourcePolicy(method: string): void {
    const policy = this.node.children.find((child) => child instanceof lambda.CfnResourcePolicy);
    if (policy === undefined) return;
    throw new InvalidSettingError(
      `Invalid invoke permissions: received ${method} after a resource policy (${policy.node.id}); allowed: one of them, since a resource policy replaces the function's permissions`,
    );
  }

  private grantRuleActions(findings: boolean): void {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadRootCredentialFacts',
        actions: [...RULE_IAM_ACTIONS.read],
        resources: ['*'],
      }),
    );
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReportEvaluations',
        actions: [...RULE_IAM_ACTIONS.report],
        resources: ['*'],
      }),
    );
    if (findings) {
      this.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'ImportFindingsToOwnAccount',
          actions: [SECURITY_HUB_IMPORT_ACTION],
          resources: [defaultProductArn(Aws.PARTITION, Aws.REGION, Aws.ACCOUNT_ID)],
        }),
      );
    }
    this.acknowledgeWildcardResource();
  }

  private acknowledgeWildcardResource(): void {
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'iam:GetAccountSummary, iam:GenerateCredentialReport, iam:GetCredentialReport and config:PutEvaluations support no resource-level permissions: AWS only accepts "*" as their resource',
    });
  }
}
