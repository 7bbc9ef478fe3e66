import {
  CredentialReportNotPresentException,
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  LimitExceededException,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { CredentialReportUnavailableError } from '../../../rule/src/core/errors.js';
import { serviceError } from '../../support/service-error.js';

import {
  accountSummary,
  context,
  iamMock,
  newHandler,
  putCalls,
  RESULT_TOKEN,
  reportFixture,
  scheduledEvent,
  sentEvaluation,
  stsMock,
  useHandlerMocks,
} from './support.js';

useHandlerMocks();

describe('handler: the decision table end to end', () => {
  it('reports NOT_APPLICABLE without any IAM call when the account left the scope (row 1)', async () => {
    const result = await newHandler()(scheduledEvent({}, { eventLeftScope: true }), context);

    expect(result.compliance).toBe('NOT_APPLICABLE');
    expect(iamMock.calls()).toHaveLength(0);
    expect(sentEvaluation()).toMatchObject({
      ComplianceType: 'NOT_APPLICABLE',
      Annotation: "The account left the rule's scope.",
    });
  });

  it('reports COMPLIANT for a root user without keys or password by default (row 2)', async () => {
    accountSummary(0, 0);

    const result = await newHandler()(scheduledEvent(), context);

    expect(result.compliance).toBe('COMPLIANT');
    expect(sentEvaluation()).toMatchObject({
      ComplianceType: 'COMPLIANT',
      Annotation: 'The root user has no access keys and no password.',
    });
  });

  it('reports NOT_APPLICABLE for a root user without credentials when asked to (row 2)', async () => {
    accountSummary(0, 0);

    await newHandler()(scheduledEvent({ RootWithoutCredentials: 'NOT_APPLICABLE' }), context);

    expect(sentEvaluation()?.ComplianceType).toBe('NOT_APPLICABLE');
  });

  it('reports COMPLIANT with one IAM call and one PutEvaluations call when no key exists (row 3)', async () => {
    accountSummary(0, 1);

    const result = await newHandler()(scheduledEvent(), context);

    expect(result).toEqual({
      accountId: '012345678912',
      compliance: 'COMPLIANT',
      annotation: 'No root access key exists (IAM account summary: AccountAccessKeysPresent is 0).',
      testMode: false,
    });
    expect(iamMock.calls()).toHaveLength(1);
    expect(putCalls()).toHaveLength(1);
    expect(stsMock.calls()).toHaveLength(0);
    expect(putCalls()[0]?.args[0].input).toEqual({
      Evaluations: [
        {
          ComplianceResourceType: 'AWS::::Account',
          ComplianceResourceId: '012345678912',
          ComplianceType: 'COMPLIANT',
          Annotation: result.annotation,
          OrderingTimestamp: new Date('2016-07-13T21:50:00.373Z'),
        },
      ],
      ResultToken: RESULT_TOKEN,
    });
  });

  it('reports NON_COMPLIANT with per-key detail when keys exist (row 4)', async () => {
    accountSummary(2, 1);
    reportFixture('root-two-keys');

    const result = await newHandler()(scheduledEvent(), context);

    expect(result.compliance).toBe('NON_COMPLIANT');
    expect(sentEvaluation()?.Annotation).toBe(
      'Root user has 2 access keys: key 1 active, last used 2026-11-20 (s3, us-east-1), rotated 2019-03-02; key 2 inactive, never used, rotated 2019-03-02. Delete them.',
    );
    expect(iamMock.calls()).toHaveLength(2);
  });

  it('reports NON_COMPLIANT from the summary when the report is refused (row 4)', async () => {
    accountSummary(1, 1);
    iamMock
      .on(GetCredentialReportCommand)
      .rejects(new CredentialReportNotPresentException({ message: 'absent', $metadata: {} }));
    iamMock
      .on(GenerateCredentialReportCommand)
      .rejects(new LimitExceededException({ message: 'limit', $metadata: {} }));

    await newHandler()(scheduledEvent(), context);

    expect(sentEvaluation()).toMatchObject({
      ComplianceType: 'NON_COMPLIANT',
      Annotation:
        'Root user has 1 access key; details unavailable: IAM refused iam:GenerateCredentialReport (LimitExceeded). Delete it.',
    });
  });

  it('reports NON_COMPLIANT when IgnoreInactiveKeys is true and a key is active (row 5)', async () => {
    accountSummary(2, 1);
    reportFixture('root-two-keys');

    await newHandler()(scheduledEvent({ IgnoreInactiveKeys: 'TRUE' }), context);

    expect(sentEvaluation()).toMatchObject({
      ComplianceType: 'NON_COMPLIANT',
      Annotation: expect.stringMatching(
        /^Root user has 2 access keys: key 1 active.* per the credential report of 2026-11-28 04:00 UTC\. Delete them\.$/,
      ),
    });
    expect(sentEvaluation()?.Annotation?.length).toBeLessThanOrEqual(256);
  });

  it('reports COMPLIANT when IgnoreInactiveKeys is true and every key is inactive (row 6)', async () => {
    accountSummary(1, 1);
    reportFixture('root-not-first-extra-columns');

    const result = await newHandler()(scheduledEvent({ IgnoreInactiveKeys: 'true' }), context);

    expect(result.compliance).toBe('COMPLIANT');
    expect(sentEvaluation()?.Annotation).toBe(
      'Root user has only inactive access keys (key 2 inactive, last used 2024-02-03 (iam, eu-central-1), rotated 2021-05-06) per the credential report of 2026-11-28 04:00 UTC; compliant as IgnoreInactiveKeys is true, but CIS asks to delete them.',
    );
  });

  it('fails without reporting when IgnoreInactiveKeys is true and the report is unavailable (row 7)', async () => {
    accountSummary(1, 1);
    iamMock.on(GetCredentialReportCommand).rejects(serviceError('iam', 'AccessDenied', 'no', 403));

    const failure = newHandler()(scheduledEvent({ IgnoreInactiveKeys: 'true' }), context);

    await expect(failure).rejects.toBeInstanceOf(CredentialReportUnavailableError);
    expect(putCalls()).toHaveLength(0);
  });
});
