import { Aws, CfnCondition, CfnParameter, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { IAM_EVENTS_REGION } from '../../definition/detection.js';
import { RootKeyEventForwarder } from './event-forwarder.js';

/** Parameter of the forwarder template: the central event bus's ARN. */
export const CENTRAL_EVENT_BUS_ARN_PARAMETER = 'CentralEventBusArn';

/** Parameter of the forwarder template: the Region the rule lives in. */
export const HOME_REGION_PARAMETER = 'HomeRegion';

const BUS_ARN_PATTERN = '^arn:aws[a-z-]*:events:[a-z0-9-]+:\\d{12}:event-bus/[\\w.-]+$';

/** Properties of a {@link RootKeyForwarderStack}. */
export interface RootKeyForwarderStackProps extends StackProps {
  /** The rule's name, whose NON_COMPLIANT transitions are forwarded. */
  readonly ruleName: string;
  /** Default of the {@link CENTRAL_EVENT_BUS_ARN_PARAMETER} parameter. @default none: give it at deployment */
  readonly centralEventBusArn?: string;
  /** Default of the {@link HOME_REGION_PARAMETER} parameter. @default none: give it at deployment */
  readonly homeRegion?: string;
}

/**
 * One account's forwarders, as a template fit for any Region: in
 * `us-east-1` it forwards root key events, in the rule's home Region the
 * rule's NON_COMPLIANT transitions (CloudFormation conditions decide). The
 * StackSet deploys it to both Regions of every member account; it is also
 * the stack of an account StackSets skip (the management account), and the
 * `us-east-1` stack of a single account whose rule lives elsewhere.
 */
export class RootKeyForwarderStack extends Stack {
  /** The forwarding rules and their role. */
  public readonly forwarder: RootKeyEventForwarder;

  constructor(scope: Construct, id: string, props: RootKeyForwarderStackProps) {
    super(scope, id, {
      description:
        'Root access key rule: forwards root access key events (us-east-1) and NON_COMPLIANT results (the rule Region) to the central event bus',
      ...props,
    });
    const busArn = new CfnParameter(this, CENTRAL_EVENT_BUS_ARN_PARAMETER, {
      type: 'String',
      allowedPattern: BUS_ARN_PATTERN,
      description: 'ARN of the central event bus the alert function listens on',
      ...(props.centralEventBusArn === undefined ? {} : { default: props.centralEventBusArn }),
    });
    const homeRegion = new CfnParameter(this, HOME_REGION_PARAMETER, {
      type: 'String',
      allowedPattern: '^[a-z]{2}(-[a-z]+)+-\\d$',
      description: 'The Region the Config rule lives in',
      ...(props.homeRegion === undefined ? {} : { default: props.homeRegion }),
    });
    const inIamEventsRegion = new CfnCondition(this, 'InIamEventsRegion', {
      expression: Fn.conditionEquals(Aws.REGION, IAM_EVENTS_REGION),
    });
    const inHomeRegion = new CfnCondition(this, 'InHomeRegion', {
      expression: Fn.conditionEquals(Aws.REGION, homeRegion.valueAsString),
    });
    this.forwarder = new RootKeyEventForwarder(this, 'Forwarder', {
      centralEventBusArn: busArn.valueAsString,
      ruleName: props.ruleName,
      rootKeyEventsCondition: inIamEventsRegion,
      complianceChangesCondition: inHomeRegion,
    });
  }
}
