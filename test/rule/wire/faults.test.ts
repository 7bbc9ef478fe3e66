import { afterEach, describe, expect, it } from 'vitest';
import { AccessDeniedError } from '../../../aws/errors.js';
import { PutEvaluationsError } from '../../../rule/src/core/errors.js';
import {
  awsError,
  configResponses,
  connectionReset,
  type RecordedCall,
  serverError,
  type WireEvaluation,
} from '../../../tools/aws-endpoint/index.js';
import {
  actions,
  closeEndpoints,
  invoke,
  invokeIn,
  ownAccount,
  putEvaluationsParams,
  scheduledEvent,
  startEndpoint,
} from './harness.js';

const COMPLIANT_PATH = ['iam:GetAccountSummary', 'config:PutEvaluations'];

/** Config answering that every evaluation of the call failed. */
const rejectAll = (call: RecordedCall) =>
  configResponses.putEvaluations(call.params.Evaluations as WireEvaluation[]);

afterEach(closeEndpoints);

describe('wire: transient faults are retried', () => {
  it('retries after a connection reset', async () => {
    const endpoint = await startEndpoint(ownAccount());
    endpoint.script('iam', 'GetAccountSummary', connectionReset());

    const run = await invoke(endpoint, [scheduledEvent()]);

    expect(run.error).toBeUndefined();
    expect(actions(run.calls)).toEqual(['iam:GetAccountSummary', ...COMPLIANT_PATH]);
    expect(run.calls[0]?.status).toBeUndefined();
  });

  it('retries PutEvaluations after a connection reset', async () => {
    const endpoint = await startEndpoint(ownAccount());
    endpoint.script('config', 'PutEvaluations', connectionReset());

    const run = await invoke(endpoint, [scheduledEvent()]);

    expect(run.error).toBeUndefined();
    expect(actions(run.calls)).toEqual([...COMPLIANT_PATH, 'config:PutEvaluations']);
  });

  it('retries IAM server errors (500, 503)', async () => {
    const endpoint = await startEndpoint(ownAccount({ rootKeys: { key1: { active: true } } }));
    endpoint.script('iam', 'GetAccountSummary', serverError(500));
    endpoint.script('iam', 'GetCredentialReport', serverError(503));

    const run = await invoke(endpoint, [scheduledEvent()]);

    expect(actions(run.calls)).toEqual([
      'iam:GetAccountSummary',
      'iam:GetAccountSummary',
      'iam:GetCredentialReport',
      'iam:GetCredentialReport',
      'config:PutEvaluations',
    ]);
    expect(run.results[0]?.annotation).toMatch(/^Root user has 1 access key: key 1 active/);
  });

  it('retries a Config server error', async () => {
    const endpoint = await startEndpoint(ownAccount());
    endpoint.script('config', 'PutEvaluations', serverError(503));

    const run = await invoke(endpoint, [scheduledEvent()]);

    expect(run.error).toBeUndefined();
    expect(run.calls.map((call) => call.status)).toEqual([200, 503, 200]);
  });
});

describe('wire: access errors fail at once', () => {
  it('fails naming iam:GetAccountSummary when it is denied, without retrying or reporting', async () => {
    const run = await invokeIn(ownAccount({ deniedActions: ['iam:GetAccountSummary'] }), [
      scheduledEvent(),
    ]);

    expect(run.error).toBeInstanceOf(AccessDeniedError);
    expect(run.error?.message).toMatch(/the calling role needs iam:GetAccountSummary/);
    expect(actions(run.calls)).toEqual(['iam:GetAccountSummary']);
  });

  it('fails naming config:PutEvaluations when it is denied, without retrying', async () => {
    const endpoint = await startEndpoint(ownAccount());
    endpoint.script(
      'config',
      'PutEvaluations',
      awsError('AccessDeniedException', 'User is not authorized to perform config:PutEvaluations'),
    );

    const run = await invoke(endpoint, [scheduledEvent()]);

    expect(run.error).toBeInstanceOf(AccessDeniedError);
    expect(run.error?.message).toMatch(/the calling role needs config:PutEvaluations/);
    expect(actions(run.calls)).toEqual(COMPLIANT_PATH);
  });
});

describe('wire: FailedEvaluations', () => {
  it('resends evaluations that Config returned as failed, then succeeds', async () => {
    const endpoint = await startEndpoint(ownAccount());
    endpoint.script('config', 'PutEvaluations', rejectAll);

    const run = await invoke(endpoint, [scheduledEvent()]);

    expect(run.error).toBeUndefined();
    expect(actions(run.calls)).toEqual([...COMPLIANT_PATH, 'config:PutEvaluations']);
    const [first, resent] = putEvaluationsParams(run.calls);
    expect(resent).toEqual(first);
  });

  it('fails the invocation when Config keeps failing the evaluation', async () => {
    const endpoint = await startEndpoint(ownAccount());
    endpoint.setDefault('config', 'PutEvaluations', rejectAll);

    const run = await invoke(endpoint, [scheduledEvent()]);

    expect(run.error).toBeInstanceOf(PutEvaluationsError);
    expect(run.error?.message).toMatch(/012345678912 after 4 attempts/);
    expect(putEvaluationsParams(run.calls)).toHaveLength(4);
    expect(run.results).toEqual([]);
  });
});
