import { randomUUID } from 'node:crypto';
import type { RecordedCall } from './request.js';
import { type HttpAnswer, queryError, queryResult } from './responses.js';

/** Builders of SNS answers (awsQuery XML, as the SNS API reference shows them). */
export const snsResponses = {
  /** `Publish`: `<PublishResult><MessageId/></PublishResult>`. */
  publish(messageId: string = randomUUID()): HttpAnswer {
    return queryResult('sns', 'Publish', { MessageId: messageId });
  },

  /** 404 `NotFound`: the topic does not exist. */
  notFound(): HttpAnswer {
    return queryError({
      service: 'sns',
      code: 'NotFound',
      status: 404,
      message: 'Topic does not exist',
    });
  },

  /** 403 `AuthorizationError`: the caller may not publish to the topic. */
  authorizationError(
    topicArn: string,
    principalArn = 'arn:aws:iam::111111111111:user/auditor',
  ): HttpAnswer {
    return queryError({
      service: 'sns',
      code: 'AuthorizationError',
      status: 403,
      message: `User: ${principalArn} is not authorized to perform: SNS:Publish on resource: ${topicArn}`,
    });
  },

  /** 400 `InvalidParameter`, with SNS's wording of which parameter. */
  invalidParameter(detail: string): HttpAnswer {
    return queryError({
      service: 'sns',
      code: 'InvalidParameter',
      message: `Invalid parameter: ${detail}`,
    });
  },

  /** 400 `KMSAccessDenied`: the topic's key does not let the caller use it. */
  kmsAccessDenied(): HttpAnswer {
    return queryError({
      service: 'sns',
      code: 'KMSAccessDenied',
      message: 'User is not authorized to perform: kms:GenerateDataKey on the key of this topic',
    });
  },
};

/** An SNS `Publish` as the endpoint recorded it, decoded from its form fields. */
export interface PublishedMessage {
  readonly topicArn: string;
  readonly subject?: string;
  readonly message: string;
  /** Message attributes: name → string value. */
  readonly attributes: Readonly<Record<string, string>>;
  /** The access key id that signed it. */
  readonly accessKeyId: string;
}

/**
 * The messages published in a list of recorded calls, decoded from the
 * awsQuery form (`MessageAttributes.entry.N.Name`, `.Value.StringValue`).
 */
export function publishedMessages(calls: readonly RecordedCall[]): PublishedMessage[] {
  return calls
    .filter((call) => call.service === 'sns' && call.action === 'Publish')
    .map((call) => {
      const params = call.params as Readonly<Record<string, string>>;
      const attributes: Record<string, string> = {};
      for (let n = 1; params[`MessageAttributes.entry.${n}.Name`] !== undefined; n++) {
        attributes[params[`MessageAttributes.entry.${n}.Name`] ?? ''] =
          params[`MessageAttributes.entry.${n}.Value.StringValue`] ?? '';
      }
      return {
        topicArn: params.TopicArn ?? '',
        ...(params.Subject === undefined ? {} : { subject: params.Subject }),
        message: params.Message ?? '',
        attributes,
        accessKeyId: call.accessKeyId,
      };
    });
}
