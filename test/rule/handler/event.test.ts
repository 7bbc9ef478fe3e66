import { PutEvaluationsCommand } from '@aws-sdk/client-config-service';
import {
  CredentialReportNotPresentException,
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it, vi } from 'vitest';
import { AccessDeniedError } from '../../../aws/errors.js';
import { InvalidEventError, InvalidParameterError } from '../../../rule/src/core/errors.js';
import { createHandler } from '../../../rule/src/handler.js';
import { serviceError } from '../../support/service-error.js';

import {
  accountSummary,
  configMock,
  context,
  fixture,
  iamMock,
  newHandler,
  putCalls,
  scheduledEvent,
  sentEvaluation,
  useHandlerMocks,
} from './support.js';

const logs = useHandlerMocks();

describe('handler: the Config event', () => {
  it('evaluates a configuration change with the item capture time as ordering timestamp', async () => {
    accountSummary(0, 1);

    await newHandler()(fixture('configuration-item-change'), context);

    expect(sentEvaluation()).toMatchObject({
      ComplianceResourceId: '123456789012',
      OrderingTimestamp: new Date('2016-02-17T01:36:34.043Z'),
    });
  });

  it('evaluates an oversized configuration change with the summary capture time', async () => {
    accountSummary(0, 1);

    await newHandler()(fixture('oversized-configuration-item-change'), context);

    expect(sentEvaluation()?.OrderingTimestamp).toEqual(new Date('2016-10-06T16:46:16.261Z'));
  });

  it('logs unknown parameter names and ignores them', async () => {
    accountSummary(0, 1);

    const result = await newHandler()(fixture('scheduled-notification'), context);

    expect(result.compliance).toBe('COMPLIANT');
    expect(logs().entries()).toContainEqual(
      expect.objectContaining({
        level: 'WARN',
        message: 'Ignoring unknown rule parameters',
        names: ['<myParameterKey>'],
      }),
    );
  });

  it('fails on an unsupported message type without any AWS call', async () => {
    const failure = newHandler()(fixture('configuration-snapshot-delivery-completed'), context);

    await expect(failure).rejects.toBeInstanceOf(InvalidEventError);
    await expect(failure).rejects.toThrow(/ConfigurationSnapshotDeliveryCompleted/);
    expect(iamMock.calls()).toHaveLength(0);
    expect(putCalls()).toHaveLength(0);
  });

  it('fails on an event without a result token without any AWS call', async () => {
    const failure = newHandler()(scheduledEvent({}, { resultToken: undefined }), context);

    await expect(failure).rejects.toBeInstanceOf(InvalidEventError);
    expect(iamMock.calls()).toHaveLength(0);
    expect(putCalls()).toHaveLength(0);
  });

  it('fails on an invalid parameter value, naming it, without any AWS call', async () => {
    const failure = newHandler()(scheduledEvent({ IgnoreInactiveKeys: 'yes' }), context);

    await expect(failure).rejects.toBeInstanceOf(InvalidParameterError);
    await expect(failure).rejects.toThrow(/IgnoreInactiveKeys.*"yes"/);
    expect(iamMock.calls()).toHaveLength(0);
    expect(putCalls()).toHaveLength(0);
  });

  it('sets TestMode for the TESTMODE result token', async () => {
    accountSummary(0, 1);

    const result = await newHandler()(scheduledEvent({}, { resultToken: 'TESTMODE' }), context);

    expect(result.testMode).toBe(true);
    expect(putCalls()[0]?.args[0].input).toMatchObject({ ResultToken: 'TESTMODE', TestMode: true });
  });

  it('fails naming config:PutEvaluations when Config denies the call', async () => {
    accountSummary(0, 1);
    configMock
      .on(PutEvaluationsCommand)
      .rejects(serviceError('config', 'AccessDeniedException', 'not authorized'));

    const failure = newHandler()(scheduledEvent(), context);

    await expect(failure).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(failure).rejects.toThrow(/config:PutEvaluations/);
  });

  it('bounds report polling by the time the Lambda has left minus the safety margin', async () => {
    accountSummary(1, 1);
    iamMock
      .on(GetCredentialReportCommand)
      .rejects(new CredentialReportNotPresentException({ message: 'absent', $metadata: {} }));
    iamMock.on(GenerateCredentialReportCommand).resolves({ State: 'STARTED' });
    const sleep = vi.fn(async () => {});
    const handler = createHandler({ safetyMarginMs: 5_000, sleep });

    await handler(scheduledEvent(), { getRemainingTimeInMillis: () => 5_400 });

    // 400 ms are left for polling: the first delay (250 to 500 ms jittered) may or may not fit, no later one does.
    expect(sleep.mock.calls.length).toBeLessThanOrEqual(1);
    expect(sentEvaluation()?.Annotation).toMatch(/time left ran out/);
  });
});
