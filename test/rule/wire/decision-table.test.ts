import { afterEach, describe, expect, it } from 'vitest';
import {
  CredentialReportUnavailableError,
  InvalidEventError,
} from '../../../rule/src/core/errors.js';
import { BASE_ACCESS_KEY_ID } from '../../../tools/aws-endpoint/index.js';
import {
  actions,
  closeEndpoints,
  EVENT_ACCOUNT,
  fixture,
  invokeIn,
  ownAccount,
  putEvaluationsParams,
  RESULT_TOKEN,
  scheduledEvent,
  sentEvaluation,
} from './harness.js';

const SUMMARY_ONLY = ['iam:GetAccountSummary', 'config:PutEvaluations'];
const WITH_REPORT = ['iam:GetAccountSummary', 'iam:GetCredentialReport', 'config:PutEvaluations'];
const usedKey = { active: true, lastUsedDate: '2026-11-20T08:00:00+00:00' };
const inactiveKey = { active: false, lastRotated: '2021-05-06T07:08:09+00:00' };

afterEach(closeEndpoints);

describe('wire: the decision table', () => {
  it('reports NOT_APPLICABLE for an account that left the scope with one AWS call (row 1)', async () => {
    const run = await invokeIn(ownAccount({ rootKeys: { key1: usedKey } }), [
      scheduledEvent({}, { eventLeftScope: true }),
    ]);

    expect(run.error).toBeUndefined();
    expect(actions(run.calls)).toEqual(['config:PutEvaluations']);
    expect(putEvaluationsParams(run.calls)).toEqual([
      {
        Evaluations: [
          {
            ComplianceResourceType: 'AWS::::Account',
            ComplianceResourceId: EVENT_ACCOUNT,
            ComplianceType: 'NOT_APPLICABLE',
            Annotation: "The account left the rule's scope.",
            OrderingTimestamp: Date.parse('2016-07-13T21:50:00.373Z') / 1000,
          },
        ],
        ResultToken: RESULT_TOKEN,
      },
    ]);
  });

  it('reports COMPLIANT for a root user without keys or password by default (row 2)', async () => {
    const run = await invokeIn(ownAccount({ passwordPresent: false }), [scheduledEvent()]);

    expect(actions(run.calls)).toEqual(SUMMARY_ONLY);
    expect(sentEvaluation(run.calls)).toMatchObject({
      ComplianceType: 'COMPLIANT',
      Annotation: 'The root user has no access keys and no password.',
    });
  });

  it('reports NOT_APPLICABLE for a root user without credentials when asked to (row 2)', async () => {
    const run = await invokeIn(ownAccount({ passwordPresent: false }), [
      scheduledEvent({ RootWithoutCredentials: 'not_applicable' }),
    ]);

    expect(sentEvaluation(run.calls).ComplianceType).toBe('NOT_APPLICABLE');
  });

  it('reports COMPLIANT with exactly one IAM call and one PutEvaluations call (row 3)', async () => {
    const run = await invokeIn(ownAccount(), [scheduledEvent()]);

    expect(run.results).toEqual([
      {
        accountId: EVENT_ACCOUNT,
        compliance: 'COMPLIANT',
        annotation:
          'No root access key exists (IAM account summary: AccountAccessKeysPresent is 0).',
        testMode: false,
      },
    ]);
    expect(actions(run.calls)).toEqual(SUMMARY_ONLY);
    expect(run.calls.every((call) => call.accessKeyId === BASE_ACCESS_KEY_ID)).toBe(true);
    expect(run.calls.map((call) => call.status)).toEqual([200, 200]);
  });

  it('reports NON_COMPLIANT with per-key detail in three AWS calls (row 4)', async () => {
    const run = await invokeIn(ownAccount({ rootKeys: { key1: usedKey, key2: inactiveKey } }), [
      scheduledEvent(),
    ]);

    expect(actions(run.calls)).toEqual(WITH_REPORT);
    expect(sentEvaluation(run.calls)).toMatchObject({
      ComplianceType: 'NON_COMPLIANT',
      Annotation:
        'Root user has 2 access keys: key 1 active, last used 2026-11-20 (s3, us-east-1), rotated 2019-03-02; key 2 inactive, never used, rotated 2021-05-06. Delete them.',
    });
  });

  it('reports NON_COMPLIANT for an inactive key by default (row 4)', async () => {
    const run = await invokeIn(ownAccount({ rootKeys: { key2: inactiveKey } }), [scheduledEvent()]);

    expect(sentEvaluation(run.calls)).toMatchObject({
      ComplianceType: 'NON_COMPLIANT',
      Annotation:
        'Root user has 1 access key: key 2 inactive, never used, rotated 2021-05-06. Delete it.',
    });
  });

  it('reports NON_COMPLIANT for an active key when IgnoreInactiveKeys is true (row 5)', async () => {
    const run = await invokeIn(ownAccount({ rootKeys: { key1: usedKey, key2: inactiveKey } }), [
      scheduledEvent({ IgnoreInactiveKeys: 'true' }),
    ]);

    expect(actions(run.calls)).toEqual(WITH_REPORT);
    expect(sentEvaluation(run.calls)).toMatchObject({
      ComplianceType: 'NON_COMPLIANT',
      Annotation: expect.stringMatching(/^Root user has 2 access keys: key 1 active/),
    });
  });

  it('reports COMPLIANT for only inactive keys when IgnoreInactiveKeys is true (row 6)', async () => {
    const run = await invokeIn(
      ownAccount({
        rootKeys: { key2: inactiveKey },
        credentialReport: {
          users: [{ name: 'smith, john', key1: { active: true } }],
          generatedTime: new Date('2026-11-28T04:00:00Z'),
        },
      }),
      [scheduledEvent({ IgnoreInactiveKeys: 'True' })],
    );

    expect(actions(run.calls)).toEqual(WITH_REPORT);
    expect(sentEvaluation(run.calls)).toMatchObject({
      ComplianceType: 'COMPLIANT',
      Annotation:
        'Root user has only inactive access keys (key 2 inactive, never used, rotated 2021-05-06) per the credential report of 2026-11-28 04:00 UTC; compliant as IgnoreInactiveKeys is true, but CIS asks to delete them.',
    });
  });

  it('fails without an evaluation when IgnoreInactiveKeys needs an unreadable report (row 7)', async () => {
    const run = await invokeIn(
      ownAccount({ rootKeys: { key2: inactiveKey }, deniedActions: ['iam:GetCredentialReport'] }),
      [scheduledEvent({ IgnoreInactiveKeys: 'true' })],
    );

    expect(run.error).toBeInstanceOf(CredentialReportUnavailableError);
    expect(run.error?.message).toMatch(/the role needs iam:GetCredentialReport/);
    expect(actions(run.calls)).toEqual(['iam:GetAccountSummary', 'iam:GetCredentialReport']);
  });

  it('fails without an evaluation when the report lists fewer keys than the summary (row 7)', async () => {
    const run = await invokeIn(ownAccount({ rootKeys: { key2: inactiveKey }, rootKeyCount: 2 }), [
      scheduledEvent({ IgnoreInactiveKeys: 'true' }),
    ]);

    expect(run.error).toBeInstanceOf(CredentialReportUnavailableError);
    expect(putEvaluationsParams(run.calls)).toEqual([]);
  });
});

describe('wire: the Config contract', () => {
  it('sets TestMode for the TESTMODE result token', async () => {
    const run = await invokeIn(ownAccount(), [scheduledEvent({}, { resultToken: 'TESTMODE' })]);

    expect(run.results[0]?.testMode).toBe(true);
    expect(putEvaluationsParams(run.calls)[0]).toMatchObject({
      ResultToken: 'TESTMODE',
      TestMode: true,
    });
  });

  it('sends no TestMode for a real result token', async () => {
    const run = await invokeIn(ownAccount(), [scheduledEvent()]);

    expect(putEvaluationsParams(run.calls)[0]).not.toHaveProperty('TestMode');
  });

  it('orders a change-triggered evaluation by the item capture time', async () => {
    const run = await invokeIn({ callerAccountId: '123456789012' }, [
      fixture('configuration-item-change'),
    ]);

    expect(sentEvaluation(run.calls)).toMatchObject({
      ComplianceResourceId: '123456789012',
      OrderingTimestamp: Date.parse('2016-02-17T01:36:34.043Z') / 1000,
    });
  });

  it('makes no AWS call for an event it cannot evaluate', async () => {
    const run = await invokeIn(ownAccount(), [
      fixture('configuration-snapshot-delivery-completed'),
    ]);

    expect(run.error).toBeInstanceOf(InvalidEventError);
    expect(run.calls).toEqual([]);
  });

  it('makes no AWS call for an invalid parameter value', async () => {
    const run = await invokeIn(ownAccount(), [scheduledEvent({ RootWithoutCredentials: 'PASS' })]);

    expect(run.error?.name).toBe('InvalidParameterError');
    expect(run.error?.message).toMatch(/RootWithoutCredentials.*"PASS".*COMPLIANT, NOT_APPLICABLE/);
    expect(run.calls).toEqual([]);
  });

  it('logs the evaluation without the result token', async () => {
    const run = await invokeIn(ownAccount({ rootKeys: { key1: usedKey } }), [scheduledEvent()]);

    const line = run.logs
      .split('\n')
      .filter((text) => text.includes('Evaluation reported'))
      .map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(line).toEqual([
      expect.objectContaining({
        accountId: EVENT_ACCOUNT,
        compliance: 'NON_COMPLIANT',
        keyCount: 1,
        reportUsed: true,
      }),
    ]);
    expect(run.logs).not.toContain(RESULT_TOKEN);
  });
});
