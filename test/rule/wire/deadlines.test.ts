import { afterEach, describe, expect, it } from 'vitest';
import { DeadlineExceededError } from '../../../aws/errors.js';
import { stall } from '../../../tools/aws-endpoint/index.js';
import {
  actions,
  closeEndpoints,
  EVENT_ACCOUNT,
  invoke,
  ownAccount,
  scheduledEvent,
  sentEvaluation,
  startEndpoint,
} from './harness.js';

const ROLE = 'RootAccessKeyRuleMember';
/** The Lambda's time budget in these tests; the handler keeps 500 ms back before its end. */
const BUDGET_MS = 1_500;

afterEach(closeEndpoints);

describe('wire: a stalled answer fails the invocation within its time budget', () => {
  it.each([
    ['iam', 'GetAccountSummary'],
    ['config', 'PutEvaluations'],
  ] as const)('%s:%s', async (service, action) => {
    const endpoint = await startEndpoint(ownAccount());
    endpoint.script(service, action, stall());

    const run = await invoke(endpoint, [scheduledEvent()], { budgetMs: BUDGET_MS });

    expect(run.error).toBeInstanceOf(DeadlineExceededError);
    expect(run.error?.message).toContain(`Time ran out during ${service}:${action}`);
    expect(run.durationsMs[0]).toBeLessThan(BUDGET_MS);
    expect(run.logs).toContain('Evaluation failed; no result was reported');
  });

  it('sts:AssumeRole, in cross-account mode', async () => {
    const endpoint = await startEndpoint({
      callerAccountId: '999900001111',
      roleName: ROLE,
      accounts: [{ id: EVENT_ACCOUNT }],
    });
    endpoint.script('sts', 'AssumeRole', stall());

    const run = await invoke(endpoint, [scheduledEvent({ ExecutionRoleName: ROLE })], {
      budgetMs: BUDGET_MS,
    });

    expect(run.error).toBeInstanceOf(DeadlineExceededError);
    expect(run.error?.message).toContain('Time ran out during sts:AssumeRole');
    expect(run.durationsMs[0]).toBeLessThan(BUDGET_MS);
    expect(actions(run.calls)).toEqual(['sts:AssumeRole']);
  });

  it('iam:GetCredentialReport: polling stops in time to report the keys without details', async () => {
    const endpoint = await startEndpoint(ownAccount({ rootKeys: { key1: { active: true } } }));
    endpoint.script('iam', 'GetCredentialReport', stall());
    // 5 s are kept for PutEvaluations: polling has 1 s of this budget.
    const budgetMs = 6_000;

    const run = await invoke(endpoint, [scheduledEvent()], { budgetMs });

    expect(run.error).toBeUndefined();
    expect(sentEvaluation(run.calls)).toMatchObject({
      ComplianceType: 'NON_COMPLIANT',
      Annotation:
        'Root user has 1 access key; details unavailable: the time left ran out during iam:GetCredentialReport. Delete it.',
    });
    expect(run.durationsMs[0]).toBeLessThan(budgetMs);
  });
});
