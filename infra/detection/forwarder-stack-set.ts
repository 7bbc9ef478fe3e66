import { CfnCondition, Fn, Stack, Token, Validations } from 'aws-cdk-lib';
import { CfnStackSet } from 'aws-cdk-lib/aws-cloudformation';
import { Construct } from 'constructs';
import { IAM_EVENTS_REGION } from '../../definition/detection.js';
import { AccountId, DeploymentTarget } from '../../definition/names.js';
import {
  MEMBER_ROLE_OPERATION_PREFERENCES,
  StackSetCallAs,
} from '../organization/member-role-stack-set.js';
import { assertName } from '../prop-validation.js';
import { CENTRAL_EVENT_BUS_ARN_PARAMETER, HOME_REGION_PARAMETER } from './forwarder-stack.js';
import { renderForwarderTemplate } from './forwarder-template.js';

/** Properties of a {@link RootKeyForwarderStackSet}. */
export interface RootKeyForwarderStackSetProps {
  /** The rule's name. */
  readonly ruleName: string;
  /** ARN of the central event bus. */
  readonly centralEventBusArn: string;
  /** OU ids (`ou-…`) or the root id (`r-…`) whose accounts get the forwarders. */
  readonly organizationalUnitIds: readonly string[];
  /** Accounts left out (the central account, which has its own). @default none */
  readonly excludedAccounts?: readonly string[];
  /** The Region the rule lives in. @default the stack's Region */
  readonly homeRegion?: string;
  /** @default SELF */
  readonly callAs?: StackSetCallAs;
  /** @default `<stack name>-Forwarders` */
  readonly stackSetName?: string;
}

/**
 * A service-managed StackSet that puts the forwarders in every account of
 * the target OUs, accounts that join later included (auto-deployment), in
 * `us-east-1` (root key events) and the rule's home Region (NON_COMPLIANT
 * transitions). StackSets never deploy to the management account: it needs
 * a {@link RootKeyForwarderStack} of its own.
 */
export class RootKeyForwarderStackSet extends Construct {
  /** The StackSet resource. */
  public readonly stackSet: CfnStackSet;
  /** The template deployed to each account and Region. */
  public readonly template: Record<string, unknown>;

  constructor(scope: Construct, id: string, props: RootKeyForwarderStackSetProps) {
    super(scope, id);
    for (const target of props.organizationalUnitIds) {
      assertName('RootKeyForwarderStackSet prop organizationalUnitIds', target, DeploymentTarget);
    }
    for (const account of props.excludedAccounts ?? []) {
      assertName('RootKeyForwarderStackSet prop excludedAccounts', account, AccountId);
    }
    const stack = Stack.of(this);
    const homeRegion = props.homeRegion ?? stack.region;
    this.template = renderForwarderTemplate({
      ruleName: props.ruleName,
      featureFlags: this.node.getAllContext(),
    });
    const excluded = [...new Set(props.excludedAccounts ?? [])];
    this.stackSet = new CfnStackSet(this, 'Resource', {
      stackSetName: props.stackSetName ?? `${stack.stackName}-Forwarders`,
      description:
        'Root access key rule: forwards root access key events and NON_COMPLIANT results to the central event bus',
      permissionModel: 'SERVICE_MANAGED',
      callAs: props.callAs ?? StackSetCallAs.Self,
      autoDeployment: { enabled: true, retainStacksOnAccountRemoval: false },
      managedExecution: { Active: true },
      capabilities: ['CAPABILITY_IAM'],
      operationPreferences: MEMBER_ROLE_OPERATION_PREFERENCES,
      parameters: [
        { parameterKey: CENTRAL_EVENT_BUS_ARN_PARAMETER, parameterValue: props.centralEventBusArn },
        { parameterKey: HOME_REGION_PARAMETER, parameterValue: homeRegion },
      ],
      templateBody: JSON.stringify(this.template, undefined, 2),
      stackInstancesGroup: [
        {
          regions: stackSetRegions(this, homeRegion),
          deploymentTargets: {
            organizationalUnitIds: [...props.organizationalUnitIds],
            ...(excluded.length === 0
              ? {}
              : { accountFilterType: 'DIFFERENCE', accounts: excluded }),
          },
        },
      ],
    });
    if (Token.isUnresolved(homeRegion)) {
      Validations.of(this.stackSet).acknowledge({
        id: 'CloudFormation-Validate::F3037',
        reason:
          'The Regions are chosen by Fn::If on the Region known at deployment: us-east-1 alone when the rule is there, else us-east-1 and the rule Region; never a Region twice (the validator reads both branches with its own guess of AWS::Region)',
      });
    }
  }
}

/**
 * The Regions of the forwarders: us-east-1 (root key events) and the rule's
 * (its results), once each. A Region known only at deployment (an
 * environment-agnostic stack) is compared there, so that a rule in us-east-1
 * never lists it twice.
 */
function stackSetRegions(scope: Construct, homeRegion: string): string[] {
  if (!Token.isUnresolved(homeRegion)) return [...new Set([IAM_EVENTS_REGION, homeRegion])];
  const inIamEventsRegion = new CfnCondition(scope, 'HomeIsIamEventsRegion', {
    expression: Fn.conditionEquals(homeRegion, IAM_EVENTS_REGION),
  });
  return Token.asList(
    Fn.conditionIf(
      inIamEventsRegion.logicalId,
      [IAM_EVENTS_REGION],
      [IAM_EVENTS_REGION, homeRegion],
    ),
  );
}
