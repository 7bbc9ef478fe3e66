/**
 * Integration test (CDK integ-runner): the organization deployment, deployed
 * from a sandbox organization's management account (or its Config delegated
 * administrator); then the aggregator must hold a COMPLIANT result of the
 * organization conformance pack's rule and no NON_COMPLIANT one. Offline,
 * `npm run test:integ` checks the synthesized app against the committed
 * snapshot; with a sandbox, see docs/integration-tests.md.
 */
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { Duration } from 'aws-cdk-lib';
import { integApp } from './integ-app.js';

/** Not the default names, so a sandbox that already runs the rule keeps it. */
const RULE_NAME = 'root-access-key-rule-integ';
const AGGREGATOR_NAME = 'root-access-key-rule-integ';

// The sandbox's organization; the snapshot holds these placeholders.
const organizationId = process.env.INTEG_ORGANIZATION_ID ?? 'o-abcdefghij';
const organizationalUnitIds = process.env.INTEG_ORGANIZATIONAL_UNIT_IDS ?? 'r-ab12';

const { app, stack } = integApp({
  deployment: 'organization',
  organizationId,
  organizationalUnitIds,
  ruleName: RULE_NAME,
  aggregatorName: AGGREGATOR_NAME,
});
const integ = new IntegTest(app, 'Organization', {
  testCases: [stack],
  diffAssets: false,
  stackUpdateWorkflow: false,
});
const patiently = { totalTimeout: Duration.minutes(60), interval: Duration.minutes(1) };

// The pack reaches every member account, then Config evaluates the rule there
// (a periodic rule runs when it is created) and the aggregator collects it.
const packDeployed = integ.assertions
  .awsApiCall('ConfigService', 'describeOrganizationConformancePackStatuses', {
    OrganizationConformancePackNames: [RULE_NAME],
  })
  .expect(
    ExpectedResult.objectLike({
      OrganizationConformancePackStatuses: [Match.objectLike({ Status: 'CREATE_SUCCESSFUL' })],
    }),
  )
  .waitForAssertions(patiently);
const compliant = integ.assertions
  .awsApiCall('ConfigService', 'describeAggregateComplianceByConfigRules', {
    ConfigurationAggregatorName: AGGREGATOR_NAME,
    Filters: { ComplianceType: 'COMPLIANT' },
  })
  .expect(
    ExpectedResult.objectLike({
      AggregateComplianceByConfigRules: Match.arrayWith([
        Match.objectLike({
          ConfigRuleName: Match.stringLikeRegexp(`^${RULE_NAME}`),
          Compliance: Match.objectLike({ ComplianceType: 'COMPLIANT' }),
        }),
      ]),
    }),
  )
  .waitForAssertions(patiently);
const noneNonCompliant = integ.assertions
  .awsApiCall('ConfigService', 'describeAggregateComplianceByConfigRules', {
    ConfigurationAggregatorName: AGGREGATOR_NAME,
    Filters: { ComplianceType: 'NON_COMPLIANT' },
  })
  .expect(ExpectedResult.objectLike({ AggregateComplianceByConfigRules: [] }));
packDeployed.next(compliant).next(noneNonCompliant);
