import type { CfnCondition } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { RuleName } from '../../definition/names.js';
import { assertName } from '../prop-validation.js';
import { nonCompliantEventPattern, rootKeyEventPattern } from './event-patterns.js';

/** Properties of a {@link RootKeyEventForwarder}. */
export interface RootKeyEventForwarderProps {
  /** ARN of the central event bus the alert function listens on (any account, any Region). */
  readonly centralEventBusArn: string;
  /** The rule's name, whose NON_COMPLIANT transitions are forwarded. */
  readonly ruleName: string;
  /**
   * Forward root key events. Only the default bus of `us-east-1` receives
   * IAM's CloudTrail events: elsewhere the rule would never match.
   * @default true
   */
  readonly rootKeyEvents?: boolean;
  /** Forward the rule's NON_COMPLIANT transitions (the Region the rule lives in). @default true */
  readonly complianceChanges?: boolean;
  /** Deploy the root key rule only where this condition holds. @default always */
  readonly rootKeyEventsCondition?: CfnCondition;
  /** Deploy the compliance rule only where this condition holds. @default always */
  readonly complianceChangesCondition?: CfnCondition;
}

/**
 * Rules on an account's default event bus that forward root key events
 * (CloudTrail, `us-east-1`) and the rule's NON_COMPLIANT transitions
 * (AWS Config, the rule's Region) to the central event bus, through a role
 * that may put events on that bus only. EventBridge forwards an event
 * unchanged: its `account` stays the source account.
 *
 * @example
 * new RootKeyEventForwarder(this, 'Forwarder', {
 *   centralEventBusArn: 'arn:aws:events:eu-west-1:111111111111:event-bus/root-access-key-rule-events',
 *   ruleName: 'root-access-key-rule',
 * });
 */
export class RootKeyEventForwarder extends Construct {
  /** The role EventBridge forwards with. */
  public readonly role: iam.Role;
  /** The rule forwarding root key events, unless turned off. */
  public readonly rootKeyRule?: events.Rule;
  /** The rule forwarding NON_COMPLIANT transitions, unless turned off. */
  public readonly complianceRule?: events.Rule;

  constructor(scope: Construct, id: string, props: RootKeyEventForwarderProps) {
    super(scope, id);
    assertName('RootKeyEventForwarder prop ruleName', props.ruleName, RuleName);
    const bus = events.EventBus.fromEventBusArn(this, 'CentralBus', props.centralEventBusArn);
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('events.amazonaws.com'),
      description: 'Forwards root access key events to the central event bus',
    });
    const target = new targets.EventBus(bus, { role: this.role });
    if (props.rootKeyEvents ?? true) {
      this.rootKeyRule = new events.Rule(this, 'RootKeyEvents', {
        description: 'Root user creates or re-activates an access key (IAM CloudTrail events)',
        eventPattern: rootKeyEventPattern(),
        targets: [target],
      });
      applyCondition(this.rootKeyRule, props.rootKeyEventsCondition);
    }
    if (props.complianceChanges ?? true) {
      this.complianceRule = new events.Rule(this, 'NonCompliantResults', {
        description: `The result of ${props.ruleName} turns NON_COMPLIANT (AWS Config)`,
        eventPattern: nonCompliantEventPattern(props.ruleName),
        targets: [target],
      });
      applyCondition(this.complianceRule, props.complianceChangesCondition);
    }
  }
}

function applyCondition(rule: events.Rule, condition: CfnCondition | undefined): void {
  if (condition === undefined) return;
  (rule.node.defaultChild as events.CfnRule).cfnOptions.condition = condition;
}
