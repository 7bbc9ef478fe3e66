import { afterEach, describe, expect, it } from 'vitest';
import { iamResponses } from '../../../tools/aws-endpoint/index.js';
import {
  actions,
  closeEndpoints,
  invoke,
  invokeIn,
  ownAccount,
  scheduledEvent,
  sentEvaluation,
  startEndpoint,
} from './harness.js';

const activeKey = { active: true, lastUsedDate: '2026-11-20T08:00:00+00:00' };
const DETAILED =
  'Root user has 1 access key: key 1 active, last used 2026-11-20 (s3, us-east-1), rotated 2019-03-02. Delete it.';

afterEach(closeEndpoints);

describe('wire: credential report states', () => {
  it('generates a missing report and reads it once generation is COMPLETE', async () => {
    const endpoint = await startEndpoint(ownAccount({ rootKeys: { key1: activeKey } }));
    endpoint.script(
      'iam',
      'GetCredentialReport',
      iamResponses.reportNotPresent(),
      iamResponses.reportNotPresent(),
      iamResponses.reportNotPresent(),
    );
    endpoint.script(
      'iam',
      'GenerateCredentialReport',
      iamResponses.generateCredentialReport('STARTED'),
      iamResponses.generateCredentialReport('INPROGRESS'),
      iamResponses.generateCredentialReport('COMPLETE'),
    );

    const run = await invoke(endpoint, [scheduledEvent()]);

    expect(actions(run.calls)).toEqual([
      'iam:GetAccountSummary',
      'iam:GetCredentialReport',
      'iam:GenerateCredentialReport',
      'iam:GetCredentialReport',
      'iam:GenerateCredentialReport',
      'iam:GetCredentialReport',
      'iam:GenerateCredentialReport',
      'iam:GetCredentialReport',
      'config:PutEvaluations',
    ]);
    expect(endpoint.unusedScripts()).toEqual([]);
    expect(sentEvaluation(run.calls).Annotation).toBe(DETAILED);
  });

  it('polls a report in progress until it is ready', async () => {
    const run = await invokeIn(
      ownAccount({
        rootKeys: { key1: activeKey },
        credentialReport: { exists: false, notReadyPolls: 2 },
      }),
      [scheduledEvent()],
    );

    expect(actions(run.calls)).toEqual([
      'iam:GetAccountSummary',
      'iam:GetCredentialReport',
      'iam:GenerateCredentialReport',
      'iam:GetCredentialReport',
      'iam:GetCredentialReport',
      'iam:GetCredentialReport',
      'config:PutEvaluations',
    ]);
    expect(run.calls.map((call) => call.status)).toEqual([200, 410, 200, 404, 404, 200, 200]);
    expect(sentEvaluation(run.calls).Annotation).toBe(DETAILED);
  });

  it('generates a new report when the last one expired', async () => {
    const run = await invokeIn(
      ownAccount({
        rootKeys: { key1: activeKey },
        credentialReport: { exists: false, getErrors: ['ReportExpired'] },
      }),
      [scheduledEvent()],
    );

    expect(actions(run.calls)).toEqual([
      'iam:GetAccountSummary',
      'iam:GetCredentialReport',
      'iam:GenerateCredentialReport',
      'iam:GetCredentialReport',
      'iam:GetCredentialReport',
      'config:PutEvaluations',
    ]);
    expect(run.calls[1]?.status).toBe(410);
    expect(sentEvaluation(run.calls).Annotation).toBe(DETAILED);
  });

  it('waits out ReportInProgress without generating another report', async () => {
    const run = await invokeIn(
      ownAccount({
        rootKeys: { key1: activeKey },
        credentialReport: { getErrors: ['ReportInProgress', 'ReportInProgress'] },
      }),
      [scheduledEvent()],
    );

    expect(actions(run.calls)).toEqual([
      'iam:GetAccountSummary',
      'iam:GetCredentialReport',
      'iam:GetCredentialReport',
      'iam:GetCredentialReport',
      'config:PutEvaluations',
    ]);
    expect(sentEvaluation(run.calls).ComplianceType).toBe('NON_COMPLIANT');
  });

  it('reads the root row wherever it is among users with commas in their names', async () => {
    const run = await invokeIn(
      ownAccount({
        rootKeys: { key1: activeKey },
        credentialReport: {
          users: [
            { name: 'smith, john', key1: { active: false } },
            { name: 'ops "admin"', key2: { active: true } },
          ],
        },
      }),
      [scheduledEvent()],
    );

    expect(sentEvaluation(run.calls).Annotation).toBe(DETAILED);
  });

  it('reports NON_COMPLIANT naming the permission when the report is denied', async () => {
    const run = await invokeIn(
      ownAccount({ rootKeys: { key1: activeKey }, deniedActions: ['iam:GetCredentialReport'] }),
      [scheduledEvent()],
    );

    expect(actions(run.calls)).toEqual([
      'iam:GetAccountSummary',
      'iam:GetCredentialReport',
      'config:PutEvaluations',
    ]);
    expect(sentEvaluation(run.calls)).toMatchObject({
      ComplianceType: 'NON_COMPLIANT',
      Annotation:
        'Root user has 1 access key; details unavailable: access denied: the role needs iam:GetCredentialReport. Delete it.',
    });
  });
});
