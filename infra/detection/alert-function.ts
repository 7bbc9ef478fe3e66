import { Aws, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DetectionVariable } from '../../definition/detection.js';
import { OrganizationId, RoleName, RuleName } from '../../definition/names.js';
import { HANDLER_NAME } from '../constructs/handler-asset.js';
import { MemberRolesGrant } from '../organization/member-roles-grant.js';
import { assertName } from '../prop-validation.js';
import { DEFAULT_LOG_RETENTION_DAYS } from '../settings.js';
import { alertAssetDirectory } from './alert-asset.js';

/** Where the alert function acts in organization mode. */
export interface AlertOrganizationProps {
  /** The organization (`o-…`): the member roles assumed must be in its accounts. */
  readonly organizationId: string;
  /** The member role the function assumes in an event's account to re-evaluate the rule there. */
  readonly memberRoleName: string;
}

/** Properties of a {@link RootKeyAlertFunction}. */
export interface RootKeyAlertFunctionProps {
  /** The topic alerts are published to. */
  readonly topic: sns.ITopic;
  /** The rule's name (its deployed copies carry suffixes the function finds itself). */
  readonly ruleName: string;
  /**
   * Organization mode: re-evaluate through the member role of each account,
   * read account names from AWS Organizations. @default the own account only
   */
  readonly organization?: AlertOrganizationProps;
  /** @default logs.RetentionDays.ONE_YEAR */
  readonly logRetention?: logs.RetentionDays;
}

/** Settings of the alert function, exported for docs and benchmarks. */
export const ALERT_FUNCTION_DEFAULTS = {
  memorySizeMb: 256,
  timeoutSeconds: 30,
  retryAttempts: 2,
  maxEventAgeHours: 6,
} as const;

/**
 * The alert function of real-time detection: for each root key event it
 * publishes one alert to the topic and asks AWS Config to evaluate the rule
 * again in the event's account; for each NON_COMPLIANT transition, an alert
 * with the annotation. A failed invocation is retried by Lambda, then kept
 * in the dead-letter queue (`deadLetterQueue`, the on-failure destination).
 *
 * @example
 * const alerts = new RootKeyAlertsTopic(this, 'Alerts');
 * new RootKeyAlertFunction(this, 'AlertFunction', { topic: alerts.topic, ruleName: 'root-access-key-rule' });
 */
export class RootKeyAlertFunction extends Construct {
  /** The Lambda function. */
  public readonly function: lambda.Function;
  /** Its execution role. */
  public readonly role: iam.Role;
  /** Its log group. */
  public readonly logGroup: logs.LogGroup;
  /** Where events go whose alert failed after Lambda's retries. */
  public readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: RootKeyAlertFunctionProps) {
    super(scope, id);
    assertName('RootKeyAlertFunction prop ruleName', props.ruleName, RuleName);
    if (props.organization !== undefined) {
      assertName(
        'RootKeyAlertFunction prop organization.organizationId',
        props.organization.organizationId,
        OrganizationId,
      );
      assertName(
        'RootKeyAlertFunction prop organization.memberRoleName',
        props.organization.memberRoleName,
        RoleName,
      );
    }
    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetention ?? DEFAULT_LOG_RETENTION_DAYS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.role = new iam.Role(this, 'ServiceRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Execution role of the root access key alert function',
    });
    this.logGroup.grantWrite(this.role);
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is the dead-letter queue (on-failure destination) of the alert function and its EventBridge rules',
    });
    this.function = new lambda.Function(this, 'Resource', {
      code: lambda.Code.fromAsset(alertAssetDirectory()),
      handler: HANDLER_NAME,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: ALERT_FUNCTION_DEFAULTS.memorySizeMb,
      timeout: Duration.seconds(ALERT_FUNCTION_DEFAULTS.timeoutSeconds),
      retryAttempts: ALERT_FUNCTION_DEFAULTS.retryAttempts,
      maxEventAge: Duration.hours(ALERT_FUNCTION_DEFAULTS.maxEventAgeHours),
      onFailure: new destinations.SqsDestination(this.deadLetterQueue),
      role: this.role,
      logGroup: this.logGroup,
      description:
        'Root access key alerts: publishes an alert for each root key event and NON_COMPLIANT result, and has the rule evaluated again',
      environment: {
        [DetectionVariable.TopicArn]: props.topic.topicArn,
        [DetectionVariable.RuleName]: props.ruleName,
        ...(props.organization === undefined
          ? {}
          : {
              [DetectionVariable.MemberRoleName]: props.organization.memberRoleName,
              [DetectionVariable.AccountNames]: 'true',
            }),
      },
    });
    props.topic.grantPublish(this.role);
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
      reason:
        "Publishing to a topic encrypted with a customer-managed key needs its data keys; granted by the topic's grantPublish on that one key",
    });
    if (props.organization === undefined) {
      this.grantOwnAccount();
    } else {
      this.grantOrganization(props.organization);
    }
  }

  /** ARN of the function. */
  public get functionArn(): string {
    return this.function.functionArn;
  }

  /** Re-evaluation in the function's own account. */
  private grantOwnAccount(): void {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReEvaluateRule',
        actions: ['config:StartConfigRulesEvaluation'],
        resources: [`arn:${Aws.PARTITION}:config:${Aws.REGION}:${Aws.ACCOUNT_ID}:config-rule/*`],
      }),
    );
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'FindRuleNames',
        actions: ['config:DescribeConfigRules'],
        resources: ['*'],
      }),
    );
    Validations.of(this.role).acknowledge(
      {
        id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:config:<AWS::Region>:<AWS::AccountId>:config-rule/*]',
        reason:
          'A conformance pack gives the rule a name with a suffix, and the permission takes rule ids, known only once deployed: any rule of this account and Region',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'config:DescribeConfigRules lists the rules of the account, to find the name the rule was deployed under',
      },
    );
  }

  /** Re-evaluation through member roles, account names from Organizations. */
  private grantOrganization(organization: AlertOrganizationProps): void {
    new MemberRolesGrant(this, 'AssumeMemberRoles', {
      role: this.role,
      functionArn: this.function.functionArn,
      memberRoleName: organization.memberRoleName,
      organizationId: organization.organizationId,
    });
    const accounts = `arn:${Aws.PARTITION}:organizations::*:account/${organization.organizationId}/*`;
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadAccountNames',
        actions: ['organizations:DescribeAccount'],
        resources: [accounts],
      }),
    );
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:organizations::*:account/${organization.organizationId}/*]`,
      reason:
        'The function names any account of the organization in its alerts, including accounts created later',
    });
  }
}
