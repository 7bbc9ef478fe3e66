import { PutEvaluationsCommand } from '@aws-sdk/client-config-service';
import { GetAccountSummaryCommand } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { DeadlineExceededError } from '../../../aws/errors.js';
import { AcceptedTriggers } from '../../../definition/config.js';
import { InvalidEventError } from '../../../rule/src/core/errors.js';
import { createHandler } from '../../../rule/src/handler.js';
import {
  accountSummary,
  configMock,
  context,
  fixture,
  iamMock,
  newHandler,
  scheduledEvent,
  useHandlerMocks,
} from './support.js';

const logs = useHandlerMocks();
const never = () => new Promise<never>(() => {});

/** A Lambda context whose time left runs down from `budgetMs`. */
function budget(budgetMs: number) {
  const end = performance.now() + budgetMs;
  return { getRemainingTimeInMillis: () => Math.round(end - performance.now()) };
}

/** Runs the handler and measures how long it took to fail. */
async function timedFailure(run: Promise<unknown>) {
  const started = performance.now();
  const error = await run.then(
    () => undefined,
    (caught: unknown) => caught as Error,
  );
  return { error, ms: performance.now() - started };
}

describe('handler: every call is bounded by the time left', () => {
  it('fails a stalled account summary before the Lambda would time out, naming the call', async () => {
    iamMock.on(GetAccountSummaryCommand).callsFake(never);

    const { error, ms } = await timedFailure(newHandler()(scheduledEvent(), budget(800)));

    expect(error).toBeInstanceOf(DeadlineExceededError);
    expect(error?.message).toMatch(/Time ran out during iam:GetAccountSummary/);
    expect(ms).toBeLessThan(800);
    expect(configMock.commandCalls(PutEvaluationsCommand)).toHaveLength(0);
    expect(logs().text()).toContain('DeadlineExceededError');
  });

  it('fails a stalled PutEvaluations before the time is up', async () => {
    accountSummary(0, 1);
    configMock.on(PutEvaluationsCommand).callsFake(never);

    const { error, ms } = await timedFailure(newHandler()(scheduledEvent(), budget(800)));

    expect(error?.message).toMatch(/Time ran out during config:PutEvaluations/);
    expect(ms).toBeLessThan(800);
  });

  it('makes no call when the time left is within the exit margin', async () => {
    const failure = createHandler({ exitMarginMs: 500 })(scheduledEvent(), {
      getRemainingTimeInMillis: () => 400,
    });

    await expect(failure).rejects.toThrow(/Time ran out before iam:GetAccountSummary/);
    expect(iamMock.calls()).toHaveLength(0);
  });
});

describe('handler: accepted triggers', () => {
  it('refuses a change notification before any AWS call when only periodic triggers are accepted', async () => {
    const handler = createHandler({ acceptedTriggers: AcceptedTriggers.Periodic });

    const failure = handler(fixture('configuration-item-change'), context);

    await expect(failure).rejects.toBeInstanceOf(InvalidEventError);
    await expect(failure).rejects.toThrow(/periodic triggers only/);
    expect(iamMock.calls()).toHaveLength(0);
    expect(configMock.calls()).toHaveLength(0);
  });

  it('still evaluates periodic triggers when only those are accepted', async () => {
    accountSummary(0, 1);
    const handler = createHandler({ acceptedTriggers: AcceptedTriggers.Periodic });

    const result = await handler(scheduledEvent(), context);

    expect(result.compliance).toBe('COMPLIANT');
  });
});
