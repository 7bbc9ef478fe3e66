import { Aws, CfnCondition, Fn, Stack, Token } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { IAM_EVENTS_REGION } from '../../definition/detection.js';
import type { Frequency } from '../../definition/settings.js';
import { type AlertOrganizationProps, RootKeyAlertFunction } from './alert-function.js';
import { RootKeyAlertsTopic } from './alerts-topic.js';
import { RootKeyEventBus } from './central-event-bus.js';
import { RootKeyEventForwarder } from './event-forwarder.js';
import { RuleMonitoring } from './rule-monitoring.js';

/** What a deployment's stack needs to add real-time detection. */
export interface RealtimeDetectionSettings {
  /** An address subscribed to the alerts by e-mail. @default none */
  readonly alertEmail?: string;
}

/** Properties of a {@link RootKeyDetection}. */
export interface RootKeyDetectionProps {
  /** The rule's function, watched by the alarms. */
  readonly ruleFunction: lambda.IFunction;
  /** The rule's name. */
  readonly ruleName: string;
  /** The rule's period (the "no evaluation" alarm waits two of them). */
  readonly frequency: Frequency;
  /** An address subscribed to the alerts by e-mail. @default none */
  readonly alertEmail?: string;
  /**
   * Organization mode: the bus accepts the organization's accounts, the
   * alert function acts through the member roles. @default one account
   */
  readonly organization?: AlertOrganizationProps;
  /** Retention of the alert function's logs. @default one year */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * Real-time detection in the stack of the rule: the alerts topic, the alert
 * function, the central event bus with its rules, the forwarder of this
 * account (NON_COMPLIANT transitions here, and root key events when this is
 * `us-east-1`), and the rule's alarms and dashboard. Root key events of
 * other accounts, or of this account when the stack is not in `us-east-1`,
 * reach the bus through a {@link RootKeyForwarderStack} in their `us-east-1`.
 *
 * @example
 * const detection = new RootKeyDetection(this, 'Detection', {
 *   ruleFunction: fn.function,
 *   ruleName: 'root-access-key-rule',
 *   frequency: Frequency.TwentyFourHours,
 *   alertEmail: 'security@example.com',
 * });
 */
export class RootKeyDetection extends Construct {
  public readonly alerts: RootKeyAlertsTopic;
  public readonly alertFunction: RootKeyAlertFunction;
  public readonly eventBus: RootKeyEventBus;
  public readonly forwarder: RootKeyEventForwarder;
  public readonly monitoring: RuleMonitoring;
  /** Whether this stack's Region receives IAM's events (`us-east-1`): then no other stack is needed here. */
  public readonly receivesIamEvents: boolean;

  constructor(scope: Construct, id: string, props: RootKeyDetectionProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    this.receivesIamEvents = !Token.isUnresolved(region) && region === IAM_EVENTS_REGION;
    this.alerts = new RootKeyAlertsTopic(this, 'Alerts', {
      ...(props.alertEmail === undefined ? {} : { alertEmail: props.alertEmail }),
    });
    this.alertFunction = new RootKeyAlertFunction(this, 'AlertFunction', {
      topic: this.alerts.topic,
      ruleName: props.ruleName,
      ...(props.organization === undefined ? {} : { organization: props.organization }),
      ...(props.logRetention === undefined ? {} : { logRetention: props.logRetention }),
    });
    this.eventBus = new RootKeyEventBus(this, 'EventBus', {
      alertFunction: this.alertFunction,
      ruleName: props.ruleName,
      ...(props.organization === undefined
        ? {}
        : { organizationId: props.organization.organizationId }),
    });
    // An environment-agnostic stack learns its Region only when deployed:
    // its forwarder takes root key events exactly when that is us-east-1.
    const agnostic = Token.isUnresolved(region);
    this.forwarder = new RootKeyEventForwarder(this, 'Forwarder', {
      centralEventBusArn: this.eventBus.eventBusArn,
      ruleName: props.ruleName,
      rootKeyEvents: this.receivesIamEvents || agnostic,
      ...(agnostic && {
        rootKeyEventsCondition: new CfnCondition(this, 'InIamEventsRegion', {
          expression: Fn.conditionEquals(Aws.REGION, IAM_EVENTS_REGION),
        }),
      }),
    });
    this.monitoring = new RuleMonitoring(this, 'Monitoring', {
      ruleFunction: props.ruleFunction,
      frequency: props.frequency,
      topic: this.alerts.topic,
      alertFunction: this.alertFunction,
    });
  }
}

/**
 * The ARN of an event bus from its parts, for stacks in other Regions that
 * cannot reference it (`arn:<partition>:events:<region>:<account>:event-bus/<name>`).
 */
export function eventBusArn(account: string, region: string, name: string): string {
  return `arn:${partitionOf(region)}:events:${region}:${account}:event-bus/${name}`;
}

function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
