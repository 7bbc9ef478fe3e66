import {
  ConfigServiceClient,
  type Evaluation,
  PutEvaluationsCommand,
} from '@aws-sdk/client-config-service';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AccessDeniedError, AwsCallError, DeadlineExceededError } from '../../../aws/errors.js';
import {
  type AccountVerdict,
  ConfigProtocol,
  isTestMode,
  putEvaluations,
  toBatches,
} from '../../../rule/src/config/put-evaluations.js';
import { PutEvaluationsError } from '../../../rule/src/core/errors.js';
import { serviceError } from '../../support/service-error.js';

const configMock = mockClient(ConfigServiceClient);
const config = new ConfigServiceClient({ region: 'us-east-1' });
const orderingTimestamp = new Date('2026-11-28T06:00:00.000Z');

function verdict(
  accountId = '123456789012',
  annotation = 'No root access key exists.',
): AccountVerdict {
  return { accountId, compliance: 'COMPLIANT', annotation, orderingTimestamp };
}

function verdicts(count: number): AccountVerdict[] {
  return Array.from({ length: count }, (_, index) => verdict(String(index).padStart(12, '0')));
}

function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

function sentInputs() {
  return configMock.commandCalls(PutEvaluationsCommand).map((call) => call.args[0].input);
}

describe('putEvaluations', () => {
  beforeEach(() => {
    configMock.reset();
    configMock.on(PutEvaluationsCommand).resolves({ FailedEvaluations: [] });
  });

  it('sends one account evaluation with the resource type, account id and ordering timestamp', async () => {
    await putEvaluations(config, [verdict()], 'token-1');

    expect(sentInputs()).toEqual([
      {
        Evaluations: [
          {
            ComplianceResourceType: 'AWS::::Account',
            ComplianceResourceId: '123456789012',
            ComplianceType: 'COMPLIANT',
            Annotation: 'No root access key exists.',
            OrderingTimestamp: orderingTimestamp,
          },
        ],
        ResultToken: 'token-1',
      },
    ]);
  });

  it('leaves TestMode out for a real result token', async () => {
    await putEvaluations(config, [verdict()], 'token-1');

    expect(sentInputs()[0]).not.toHaveProperty('TestMode');
  });

  it('sets TestMode for the TESTMODE result token', async () => {
    await putEvaluations(config, [verdict()], 'TESTMODE');

    expect(sentInputs()[0]).toMatchObject({ ResultToken: 'TESTMODE', TestMode: true });
  });

  it('recognises only the exact TESTMODE token as a dry run', () => {
    expect(isTestMode('TESTMODE')).toBe(true);
    expect(isTestMode('testmode')).toBe(false);
    expect(isTestMode('TESTMODE-1')).toBe(false);
  });

  it('sends 250 verdicts in batches of 100, 100 and 50', async () => {
    const all = verdicts(250);

    await putEvaluations(config, all, 'token-1');

    const sent = sentInputs();
    expect(sent.map((input) => input.Evaluations?.length)).toEqual([100, 100, 50]);
    expect(sent.flatMap((input) => input.Evaluations?.map((e) => e.ComplianceResourceId))).toEqual(
      all.map((v) => v.accountId),
    );
    expect(sent.every((input) => input.ResultToken === 'token-1')).toBe(true);
  });

  it('sends exactly 100 verdicts in a single call', async () => {
    await putEvaluations(config, verdicts(ConfigProtocol.maxEvaluationsPerCall), 'token-1');

    expect(sentInputs()).toHaveLength(1);
  });

  it('makes no call when there is nothing to report', async () => {
    await putEvaluations(config, [], 'token-1');

    expect(sentInputs()).toHaveLength(0);
  });

  it('splits items into batches of at most the given size', () => {
    expect(toBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(toBatches([], 2)).toEqual([]);
  });

  it('resends failed evaluations with backoff until Config accepts them', async () => {
    const failing = verdicts(3);
    configMock
      .on(PutEvaluationsCommand)
      .callsFakeOnce((input: { Evaluations: Evaluation[] }) => ({
        FailedEvaluations: input.Evaluations.slice(1),
      }))
      .callsFakeOnce((input: { Evaluations: Evaluation[] }) => ({
        FailedEvaluations: input.Evaluations.slice(1),
      }))
      .resolves({ FailedEvaluations: [] });
    const time = recordingSleep();

    await putEvaluations(config, failing, 'token-1', {
      sleep: time.sleep,
      backoff: { baseMs: 100, capMs: 1000, random: () => 0 },
    });

    expect(
      sentInputs().map((input) => input.Evaluations?.map((e) => e.ComplianceResourceId)),
    ).toEqual([
      ['000000000000', '000000000001', '000000000002'],
      ['000000000001', '000000000002'],
      ['000000000002'],
    ]);
    expect(time.delays).toEqual([50, 100]);
  });

  it('resends the full original evaluation even when Config returns only its identity', async () => {
    configMock
      .on(PutEvaluationsCommand)
      .resolvesOnce({
        FailedEvaluations: [
          {
            ComplianceResourceType: 'AWS::::Account',
            ComplianceResourceId: '123456789012',
            ComplianceType: 'COMPLIANT',
            OrderingTimestamp: orderingTimestamp,
          },
        ],
      })
      .resolves({ FailedEvaluations: [] });

    await putEvaluations(config, [verdict()], 'token-1', { sleep: async () => {} });

    expect(sentInputs()[1]?.Evaluations).toEqual(sentInputs()[0]?.Evaluations);
  });

  it('fails with PutEvaluationsError naming the accounts when evaluations keep failing', async () => {
    configMock.on(PutEvaluationsCommand).callsFake((input: { Evaluations: Evaluation[] }) => ({
      FailedEvaluations: input.Evaluations,
    }));
    const time = recordingSleep();

    const failure = putEvaluations(config, [verdict()], 'token-1', {
      sleep: time.sleep,
      backoff: { baseMs: 100, capMs: 1000, random: () => 0.999_999 },
    });

    await expect(failure).rejects.toBeInstanceOf(PutEvaluationsError);
    await expect(failure).rejects.toThrow(
      'Config rejected the evaluation(s) of 123456789012 after 4 attempts',
    );
    expect(sentInputs()).toHaveLength(1 + ConfigProtocol.maxResends);
    expect(time.delays).toEqual([100, 200, 400]);
  });

  it('keeps annotations of up to 256 characters as they are', async () => {
    const exact = `${'word '.repeat(51)}x`;
    expect(exact).toHaveLength(256);

    await putEvaluations(config, [verdict(undefined, exact)], 'token-1');

    expect(sentInputs()[0]?.Evaluations?.[0]?.Annotation).toBe(exact);
  });

  it('truncates an annotation over 256 characters at a word boundary', async () => {
    const long = `Root user has 2 access keys: ${'details '.repeat(40)}end.`;

    await putEvaluations(config, [verdict(undefined, long)], 'token-1');

    const sent = sentInputs()[0]?.Evaluations?.[0]?.Annotation ?? '';
    expect(sent.length).toBeLessThanOrEqual(256);
    expect(sent.endsWith('details…')).toBe(true);
    expect(long.startsWith(sent.slice(0, -1))).toBe(true);
  });

  it('turns a denial into an AccessDeniedError naming config:PutEvaluations', async () => {
    configMock
      .on(PutEvaluationsCommand)
      .rejects(serviceError('config', 'AccessDeniedException', 'not authorized', 400));

    const failure = putEvaluations(config, [verdict()], 'token-1');

    await expect(failure).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(failure).rejects.toThrow(/the calling role needs config:PutEvaluations/);
    expect(sentInputs()).toHaveLength(1);
  });

  it('fails with AwsCallError when Config rejects the token', async () => {
    configMock
      .on(PutEvaluationsCommand)
      .rejects(
        serviceError('config', 'InvalidResultTokenException', 'The result token is invalid'),
      );

    const failure = putEvaluations(config, [verdict()], 'token-1');

    await expect(failure).rejects.toBeInstanceOf(AwsCallError);
    await expect(failure).rejects.toThrow(/config:PutEvaluations failed: InvalidResultToken/);
  });

  it('fails with a DeadlineExceededError when Config does not answer in the time left', async () => {
    configMock.on(PutEvaluationsCommand).callsFake(() => new Promise(() => {}));

    const failure = putEvaluations(config, [verdict()], 'token-1', { deadline: () => 30 });

    await expect(failure).rejects.toBeInstanceOf(DeadlineExceededError);
    await expect(failure).rejects.toThrow(/Time ran out during config:PutEvaluations/);
  });

  it('does not wait to resend past the deadline', async () => {
    configMock.on(PutEvaluationsCommand).callsFake((input: { Evaluations: Evaluation[] }) => ({
      FailedEvaluations: input.Evaluations,
    }));
    const time = recordingSleep();
    let left = 1_000;

    const failure = putEvaluations(config, [verdict()], 'token-1', {
      sleep: async (ms) => {
        left -= ms;
        await time.sleep(ms);
      },
      backoff: { baseMs: 400, capMs: 8000, random: () => 0.999 },
      deadline: () => left,
    });

    await expect(failure).rejects.toBeInstanceOf(DeadlineExceededError);
    await expect(failure).rejects.toThrow(
      /Time ran out during the wait to resend evaluations Config returned in FailedEvaluations \(attempt 2 of 4\)/,
    );
    expect(time.delays).toEqual([400]);
    expect(sentInputs()).toHaveLength(2);
  });

  it.each([
    ['a string', 'nope'],
    ['a list of non-evaluations', [null, 1]],
  ])('fails with AwsCallError, not a crash, when FailedEvaluations is %s', async (_, odd) => {
    configMock.on(PutEvaluationsCommand).resolves({ FailedEvaluations: odd as never });

    const failure = putEvaluations(config, [verdict()], 'token-1');

    await expect(failure).rejects.toBeInstanceOf(AwsCallError);
    await expect(failure).rejects.toThrow(
      /config:PutEvaluations answered with FailedEvaluations that is not a list of evaluations/,
    );
  });

  it('resends only what it sent: FailedEvaluations naming another evaluation fail the call', async () => {
    configMock
      .on(PutEvaluationsCommand)
      .resolves({ FailedEvaluations: [{ ComplianceResourceId: '999999999999' } as Evaluation] });

    const failure = putEvaluations(config, [verdict()], 'token-1', { sleep: async () => {} });

    await expect(failure).rejects.toBeInstanceOf(AwsCallError);
    await expect(failure).rejects.toThrow(/naming "undefined\/999999999999", which was not sent/);
    expect(sentInputs()).toHaveLength(1);
  });
});
