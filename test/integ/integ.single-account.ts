/**
 * Integration test (CDK integ-runner): the single-account deployment, a
 * standalone rule, deployed to a sandbox account; then AWS Config is asked to
 * evaluate it now and must report the account COMPLIANT, its only result.
 * Offline, `npm run test:integ` checks the synthesized app against the
 * committed snapshot; with a sandbox, see docs/integration-tests.md.
 */
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { Duration } from 'aws-cdk-lib';
import { integApp } from './integ-app.js';

/** Not the default name, so a sandbox that already runs the rule keeps it. */
const RULE_NAME = 'root-access-key-rule-integ';

const { app, stack } = integApp({ packaging: 'rule', ruleName: RULE_NAME });
const integ = new IntegTest(app, 'SingleAccount', {
  testCases: [stack],
  diffAssets: false,
  stackUpdateWorkflow: false,
});

// Evaluate now rather than wait for the periodic trigger; then wait for the
// result, which must be the account's and COMPLIANT, and the only one.
integ.assertions
  .awsApiCall('ConfigService', 'startConfigRulesEvaluation', { ConfigRuleNames: [RULE_NAME] })
  .next(
    integ.assertions
      .awsApiCall('ConfigService', 'getComplianceDetailsByConfigRule', {
        ConfigRuleName: RULE_NAME,
      })
      .expect(
        ExpectedResult.objectLike({
          EvaluationResults: [
            Match.objectLike({
              ComplianceType: 'COMPLIANT',
              EvaluationResultIdentifier: Match.objectLike({
                EvaluationResultQualifier: Match.objectLike({
                  ConfigRuleName: RULE_NAME,
                  ResourceType: 'AWS::::Account',
                }),
              }),
            }),
          ],
        }),
      )
      .waitForAssertions({ totalTimeout: Duration.minutes(15), interval: Duration.seconds(30) }),
  );
