import { afterEach, describe, expect, it, vi } from 'vitest';
import { iamResponses } from '../../../tools/aws-endpoint/index.js';
import {
  actions,
  closeEndpoints,
  invoke,
  ownAccount,
  scheduledEvent,
  sentEvaluation,
  startEndpoint,
} from './harness.js';

afterEach(async () => {
  vi.restoreAllMocks();
  await closeEndpoints();
});

// The SDK classes LimitExceededException as throttling and retries it (5
// attempts, throttling backoff of up to 1 s x 2^n, jittered).
describe('wire: LimitExceeded on report generation', () => {
  it('reports NON_COMPLIANT from the summary once the SDK gives up on LimitExceeded', async () => {
    const endpoint = await startEndpoint(
      ownAccount({ rootKeys: { key1: { active: true } }, credentialReport: { exists: false } }),
    );
    endpoint.setDefault('iam', 'GenerateCredentialReport', () => iamResponses.limitExceeded());
    // Without jitter the SDK's retry delays vanish.
    vi.spyOn(Math, 'random').mockReturnValue(0);

    const run = await invoke(endpoint, [scheduledEvent()]);

    expect(run.error).toBeUndefined();
    expect(actions(run.calls)).toEqual([
      'iam:GetAccountSummary',
      'iam:GetCredentialReport',
      ...Array(5).fill('iam:GenerateCredentialReport'),
      'config:PutEvaluations',
    ]);
    expect(sentEvaluation(run.calls)).toMatchObject({
      ComplianceType: 'NON_COMPLIANT',
      Annotation:
        'Root user has 1 access key; details unavailable: IAM refused iam:GenerateCredentialReport (LimitExceeded). Delete it.',
    });
  });

  it('stops the SDK retrying LimitExceeded when the time left for the report runs out', async () => {
    const endpoint = await startEndpoint(
      ownAccount({ rootKeys: { key1: { active: true } }, credentialReport: { exists: false } }),
    );
    endpoint.setDefault('iam', 'GenerateCredentialReport', () => iamResponses.limitExceeded());
    // Fixed jitter: the SDK's throttling waits are then 0.9 s, 1.8 s, 3.6 s, ...
    vi.spyOn(Math, 'random').mockReturnValue(0.9);
    const started = performance.now();

    // 5 s are kept for PutEvaluations, so 1.5 s are left for the report.
    const run = await invoke(endpoint, [scheduledEvent()], { remainingMs: 6_500 });

    expect(performance.now() - started).toBeLessThan(3_000);
    expect(
      actions(run.calls).filter((action) => action === 'iam:GenerateCredentialReport').length,
    ).toBeLessThan(5);
    expect(sentEvaluation(run.calls)).toMatchObject({
      ComplianceType: 'NON_COMPLIANT',
      Annotation:
        'Root user has 1 access key; details unavailable: the time left ran out during iam:GenerateCredentialReport. Delete it.',
    });
  });
});
