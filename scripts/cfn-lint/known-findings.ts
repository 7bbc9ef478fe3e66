/**
 * cfn-lint findings that are known and accepted, each with the reason. Any
 * other warning, and every error, fails `npm run lint:cfn`. A finding matches
 * when its rule id, the type of the resource it is on, and (when given) the
 * template section path all match; keep the entries as narrow as that.
 */
export interface KnownFinding {
  /** The cfn-lint rule, e.g. `W3005`. */
  readonly rule: string;
  /** The CloudFormation type of the resource the finding is on. */
  readonly resourceType: string;
  /** The part of the resource, e.g. `DependsOn`. */
  readonly section: string;
  /** Who causes it. */
  readonly cause: 'aws-cdk-lib' | 'this project';
  /** Why it stays. */
  readonly reason: string;
}

export const KNOWN_FINDINGS: readonly KnownFinding[] = [
  {
    rule: 'W3005',
    resourceType: 'AWS::Lambda::Function',
    section: 'DependsOn',
    cause: 'aws-cdk-lib',
    reason:
      "aws-cdk-lib's lambda.Function adds a dependency on its execution role construct (resource.node.addDependency(this.role)), which renders as DependsOn on the role and its default policy; the role is also referenced by GetAtt. The DependsOn on the default policy is what makes the function wait for its permissions; the one on the role is redundant and harmless.",
  },
  {
    rule: 'W3005',
    resourceType: 'AWS::Config::ConfigurationAggregator',
    section: 'DependsOn',
    cause: 'this project',
    reason:
      'OrganizationAggregator depends on its role construct on purpose: AWS Config checks the role when it creates the aggregator, and a dependency on the construct also covers any policy added to the role later (a separate AWS::IAM::Policy that GetAtt of the role would not wait for).',
  },
];
