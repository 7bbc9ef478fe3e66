import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { OrganizationId, RuleName } from '../../definition/names.js';
import { assertName } from '../prop-validation.js';
import type { RootKeyAlertFunction } from './alert-function.js';
import { nonCompliantEventPattern, rootKeyEventPattern } from './event-patterns.js';

/** Properties of a {@link RootKeyEventBus}. */
export interface RootKeyEventBusProps {
  /** The function the bus's rules invoke. */
  readonly alertFunction: RootKeyAlertFunction;
  /** The rule's name, whose NON_COMPLIANT transitions are alerted. */
  readonly ruleName: string;
  /**
   * Accept events from every account of this organization
   * (`aws:PrincipalOrgID`). @default only the bus's own account
   */
  readonly organizationId?: string;
  /** @default `<ruleName>-events` */
  readonly eventBusName?: string;
}

/**
 * The central event bus: forwarders of the deployment's accounts put root
 * key events and NON_COMPLIANT transitions on it, and its rules invoke the
 * alert function (a dead-letter queue keeps what EventBridge cannot deliver).
 * Its policy accepts events from the organization only (`aws:PrincipalOrgID`),
 * or from its own account.
 *
 * @example
 * new RootKeyEventBus(this, 'Bus', { alertFunction, ruleName: 'root-access-key-rule', organizationId: 'o-abcdefghij' });
 */
export class RootKeyEventBus extends Construct {
  /** The event bus. */
  public readonly eventBus: events.EventBus;
  /** Who may put events on it: the organization, or the own account. */
  public readonly policy: events.CfnEventBusPolicy;

  constructor(scope: Construct, id: string, props: RootKeyEventBusProps) {
    super(scope, id);
    assertName('RootKeyEventBus prop ruleName', props.ruleName, RuleName);
    if (props.organizationId !== undefined) {
      assertName('RootKeyEventBus prop organizationId', props.organizationId, OrganizationId);
    }
    this.eventBus = new events.EventBus(this, 'Resource', {
      eventBusName: props.eventBusName ?? defaultEventBusName(props.ruleName),
      description: 'Root access key events and NON_COMPLIANT results of the deployment',
    });
    const statement =
      props.organizationId === undefined
        ? new iam.PolicyStatement({
            sid: 'OwnAccountPutEvents',
            principals: [new iam.AccountRootPrincipal()],
            actions: ['events:PutEvents'],
            resources: [this.eventBus.eventBusArn],
          })
        : new iam.PolicyStatement({
            sid: 'OrganizationPutEvents',
            principals: [new iam.AnyPrincipal()],
            actions: ['events:PutEvents'],
            resources: [this.eventBus.eventBusArn],
            conditions: { StringEquals: { 'aws:PrincipalOrgID': props.organizationId } },
          });
    // The L1 resource: EventBus.addToResourcePolicy goes through a deprecated property.
    this.policy = new events.CfnEventBusPolicy(this, 'Policy', {
      eventBusName: this.eventBus.eventBusName,
      statementId: statement.sid ?? 'PutEvents',
      statement: statement.toStatementJson(),
    });
    const target = new targets.LambdaFunction(props.alertFunction.function, {
      deadLetterQueue: props.alertFunction.deadLetterQueue,
      retryAttempts: 10,
    });
    new events.Rule(this, 'RootKeyEvents', {
      eventBus: this.eventBus,
      description: 'Root user creates or re-activates an access key: alert',
      eventPattern: rootKeyEventPattern(),
      targets: [target],
    });
    new events.Rule(this, 'NonCompliantResults', {
      eventBus: this.eventBus,
      description: `The result of ${props.ruleName} turns NON_COMPLIANT: alert`,
      eventPattern: nonCompliantEventPattern(props.ruleName),
      targets: [target],
    });
  }

  /** ARN of the bus. */
  public get eventBusArn(): string {
    return this.eventBus.eventBusArn;
  }
}

/** The name of the central bus of a rule: `<ruleName>-events`. */
export function defaultEventBusName(ruleName: string): string {
  return `${ruleName}-events`;
}
