import { CfnOutput } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { RootKeyDetection, type RootKeyDetectionProps } from './root-key-detection.js';

/**
 * Adds {@link RootKeyDetection} to a deployment's stack, with the outputs
 * people look for: `AlertsTopicArn` (subscribe to it) and `EventBusArn`
 * (what forwarders put events on) and `AlertFunctionRoleArn` (what a member
 * role deployed by hand must trust).
 */
export function addDetection(scope: Construct, props: RootKeyDetectionProps): RootKeyDetection {
  const detection = new RootKeyDetection(scope, 'Detection', props);
  new CfnOutput(scope, 'AlertsTopicArn', {
    value: detection.alerts.topicArn,
    description: 'SNS topic of root access key alerts and the rule alarms',
  });
  new CfnOutput(scope, 'EventBusArn', {
    value: detection.eventBus.eventBusArn,
    description:
      'Central event bus the forwarders put root key events and NON_COMPLIANT results on',
  });
  new CfnOutput(scope, 'AlertFunctionRoleArn', {
    value: detection.alertFunction.role.roleArn,
    description:
      'Role of the alert function, which member roles trust too (parameter AlertRoleArn of a member role deployed by hand)',
  });
  return detection;
}
