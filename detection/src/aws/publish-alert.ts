import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { Deadline } from '../../../aws/backoff.js';
import { withinDeadline } from '../../../aws/deadline.js';
import { toAwsError } from '../../../aws/errors.js';
import type { AlertMessage } from '../core/alert.js';

/**
 * Publishes an alert to the alerts topic (`sns:Publish`).
 *
 * @returns the message id SNS gave it
 * @throws RuleError when SNS refuses or fails (after the SDK's retries), or
 *   the time runs out: the invocation must fail so that Lambda retries it
 */
export async function publishAlert(
  sns: SNSClient,
  topicArn: string,
  alert: AlertMessage,
  deadline?: Deadline,
): Promise<string> {
  try {
    const answer = await withinDeadline(deadline, 'sns:Publish', (options) =>
      sns.send(
        new PublishCommand({
          TopicArn: topicArn,
          Subject: alert.subject,
          Message: alert.message,
          MessageAttributes: { alert: { DataType: 'String', StringValue: alert.kind } },
        }),
        options,
      ),
    );
    return answer.MessageId ?? '';
  } catch (error) {
    throw toAwsError(error, 'sns:Publish', topicArn);
  }
}
