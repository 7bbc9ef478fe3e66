import { afterEach, describe, expect, it } from 'vitest';
import { configResponses, iamResponses } from '../../../tools/aws-endpoint/index.js';
import {
  actions,
  closeEndpoints,
  invoke,
  ownAccount,
  scheduledEvent,
  startEndpoint,
} from './harness.js';

afterEach(closeEndpoints);

// After a throttling answer the SDK's standard retry mode waits a jittered
// throttling backoff (up to 1 s) before the next attempt.
describe('wire: throttling', () => {
  it('retries a throttled account summary and then reports', async () => {
    const endpoint = await startEndpoint(ownAccount());
    endpoint.script('iam', 'GetAccountSummary', iamResponses.throttling());

    const run = await invoke(endpoint, [scheduledEvent()]);

    expect(run.error).toBeUndefined();
    expect(actions(run.calls)).toEqual([
      'iam:GetAccountSummary',
      'iam:GetAccountSummary',
      'config:PutEvaluations',
    ]);
    expect(run.calls.map((call) => call.status)).toEqual([400, 200, 200]);
    expect(run.results[0]?.compliance).toBe('COMPLIANT');
  });

  it('retries a throttled PutEvaluations and then succeeds', async () => {
    const endpoint = await startEndpoint(ownAccount());
    endpoint.script('config', 'PutEvaluations', configResponses.throttling());

    const run = await invoke(endpoint, [scheduledEvent()]);

    expect(run.error).toBeUndefined();
    expect(actions(run.calls)).toEqual([
      'iam:GetAccountSummary',
      'config:PutEvaluations',
      'config:PutEvaluations',
    ]);
    expect(run.calls.map((call) => call.status)).toEqual([200, 400, 200]);
  });
});
