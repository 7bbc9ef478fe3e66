import { Stack, Validations } from 'aws-cdk-lib';
import { CfnConfigurationAggregator } from 'aws-cdk-lib/aws-config';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { AggregatorName, DefaultName } from '../../definition/names.js';
import { CONFIG_SERVICE_PRINCIPAL } from '../../definition/permissions.js';
import { assertName } from '../prop-validation.js';

/** The AWS managed policy AWS Config documents for organization aggregators. */
export const AGGREGATOR_MANAGED_POLICY = 'service-role/AWSConfigRoleForOrganizations';

/** Properties of an {@link OrganizationAggregator}. */
export interface OrganizationAggregatorProps {
  /** @default 'root-access-key-rule-organization' */
  readonly aggregatorName?: string;
}

/**
 * An AWS Config aggregator over every account and every Region of the
 * organization, with the role AWS Config uses to list the organization's
 * accounts. Results of all member accounts can then be read in one place.
 *
 * @example
 * const aggregator = new OrganizationAggregator(stack, 'Aggregator', { aggregatorName: 'security-org' });
 * // root-access-key-rule report --aggregator security-org
 */
export class OrganizationAggregator extends Construct {
  /** The aggregator resource. */
  public readonly aggregator: CfnConfigurationAggregator;
  /** The role AWS Config assumes to read the organization. */
  public readonly role: iam.Role;
  /** The aggregator's name. */
  public readonly aggregatorName: string;

  constructor(scope: Construct, id: string, props: OrganizationAggregatorProps = {}) {
    super(scope, id);
    this.aggregatorName = props.aggregatorName ?? DefaultName.aggregator;
    assertName('OrganizationAggregator prop aggregatorName', this.aggregatorName, AggregatorName);
    this.role = new iam.Role(this, 'Role', {
      description: 'Lets AWS Config list the organization accounts for the aggregator',
      // Confused deputy: Config may use the role only for this account's aggregator.
      assumedBy: new iam.ServicePrincipal(CONFIG_SERVICE_PRINCIPAL, {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName(AGGREGATOR_MANAGED_POLICY)],
    });
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${AGGREGATOR_MANAGED_POLICY}]`,
      reason:
        'AWSConfigRoleForOrganizations is the policy AWS Config documents for organization aggregators; it grants only read access to AWS Organizations and AWS maintains it as Config needs new calls',
    });
    this.aggregator = new CfnConfigurationAggregator(this, 'Resource', {
      configurationAggregatorName: this.aggregatorName,
      organizationAggregationSource: { roleArn: this.role.roleArn, allAwsRegions: true },
    });
    // Config checks the role's permissions when it creates the aggregator.
    this.aggregator.node.addDependency(this.role);
  }
}
