import { describe, expect, it } from 'vitest';
import { deadlineIn } from '../../aws/backoff.js';
import {
  type SendOptions,
  sleepUntilAborted,
  sleepWithin,
  untilAborted,
  withinDeadline,
} from '../../aws/deadline.js';
import { DeadlineExceededError } from '../../aws/errors.js';

const never = () => new Promise<never>(() => {});

describe('withinDeadline', () => {
  it('runs the call unbounded without a deadline, or with an infinite one', async () => {
    const seen: SendOptions[] = [];
    const call = async (options: SendOptions) => {
      seen.push(options);
      return 'answer';
    };

    expect(await withinDeadline(undefined, 'iam:GetAccountSummary', call)).toBe('answer');
    expect(await withinDeadline(() => Infinity, 'iam:GetAccountSummary', call)).toBe('answer');
    expect(seen).toEqual([{}, {}]);
  });

  it('gives the call a signal that fires when the time left runs out', async () => {
    let signal: AbortSignal | undefined;

    const attempt = withinDeadline(
      () => 30,
      'iam:GetAccountSummary',
      (options) => {
        signal = options.abortSignal;
        return never();
      },
    );

    expect(signal?.aborted).toBe(false);
    await expect(attempt).rejects.toBeInstanceOf(DeadlineExceededError);
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toBeInstanceOf(DeadlineExceededError);
  });

  it('clears its timer once the call settles: the signal never fires afterwards', async () => {
    let signal: AbortSignal | undefined;

    await withinDeadline(
      () => 30,
      'iam:GetAccountSummary',
      async (options) => {
        signal = options.abortSignal;
      },
    );

    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(signal?.aborted).toBe(false);
  });

  it('refuses to start a call when no time is left, naming it', async () => {
    let called = false;
    const attempt = withinDeadline(
      () => 0,
      'sts:AssumeRole',
      async () => {
        called = true;
      },
    );

    await expect(attempt).rejects.toBeInstanceOf(DeadlineExceededError);
    await expect(attempt).rejects.toThrow(
      'Time ran out before sts:AssumeRole; no time was left for it',
    );
    expect(called).toBe(false);
  });

  it('settles when the time runs out even if the call never does', async () => {
    const started = performance.now();

    const attempt = withinDeadline(deadlineIn(40), 'config:PutEvaluations', never);

    await expect(attempt).rejects.toThrow(
      /^Time ran out during config:PutEvaluations \((39|40) ms were left for it\)$/,
    );
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('turns the abort error of its own signal into a DeadlineExceededError with the cause', async () => {
    const sdkLike = (options: SendOptions) =>
      new Promise<never>((_, reject) => {
        const abortError = Object.assign(new Error('Request aborted'), { name: 'AbortError' });
        options.abortSignal?.addEventListener('abort', () => reject(abortError));
      });

    const error = await withinDeadline(() => 20, 'iam:GetCredentialReport', sdkLike).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(DeadlineExceededError);
    expect((error as Error).message).toMatch(/during iam:GetCredentialReport/);
  });

  it('passes other failures through unchanged', async () => {
    const denied = Object.assign(new Error('denied'), { name: 'AccessDenied' });

    await expect(
      withinDeadline(
        () => 5_000,
        'iam:GetAccountSummary',
        async () => {
          throw denied;
        },
      ),
    ).rejects.toBe(denied);
  });
});

describe('sleepWithin', () => {
  it('sleeps when the wait ends before the deadline', async () => {
    const slept: number[] = [];

    await sleepWithin(
      () => 1_000,
      999,
      'the wait',
      async (ms) => void slept.push(ms),
    );

    expect(slept).toEqual([999]);
  });

  it('refuses a wait that would reach the deadline, naming what it was for', async () => {
    const slept: number[] = [];

    const attempt = sleepWithin(
      () => 400,
      400,
      'the wait to resend',
      async (ms) => {
        slept.push(ms);
      },
    );

    await expect(attempt).rejects.toThrow(
      'Time ran out during the wait to resend (400 ms were left for it)',
    );
    expect(slept).toEqual([]);
  });

  it('sleeps unbounded without a deadline', async () => {
    const slept: number[] = [];

    await sleepWithin(undefined, 8_000, 'the wait', async (ms) => void slept.push(ms));

    expect(slept).toEqual([8_000]);
  });
});

describe('untilAborted: an overall time limit above a deadline', () => {
  const limit = () => new DeadlineExceededError("the command's time limit (--timeout 3s) ran out");

  it('aborts a call under way when the signal fires, naming the call and the limit', async () => {
    const controller = new AbortController();
    let signal: AbortSignal | undefined;
    const started = performance.now();

    const attempt = withinDeadline(
      untilAborted(controller.signal, deadlineIn(60_000)),
      'organizations:ListRoots',
      (options) => {
        signal = options.abortSignal;
        return never();
      },
    );
    setTimeout(() => controller.abort(limit()), 30);

    await expect(attempt).rejects.toThrow(
      "Time ran out during organizations:ListRoots: the command's time limit (--timeout 3s) ran out",
    );
    await expect(attempt).rejects.toBeInstanceOf(DeadlineExceededError);
    expect(signal?.aborted).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('bounds a call by the signal alone when there is no deadline', async () => {
    const controller = new AbortController();

    const attempt = withinDeadline(untilAborted(controller.signal), 'sts:GetCallerIdentity', never);
    controller.abort(limit());

    await expect(attempt).rejects.toThrow(/^Time ran out during sts:GetCallerIdentity: /);
  });

  it('starts no call once the signal has fired, and leaves no time', async () => {
    const controller = new AbortController();
    controller.abort(limit());
    const deadline = untilAborted(controller.signal, deadlineIn(60_000));
    let called = false;

    const attempt = withinDeadline(deadline, 'sts:AssumeRoot', async () => {
      called = true;
    });

    await expect(attempt).rejects.toThrow(
      "Time ran out before sts:AssumeRoot: the command's time limit (--timeout 3s) ran out",
    );
    expect(called).toBe(false);
    expect(deadline()).toBe(0);
  });

  it('keeps the inner deadline when it ends first', async () => {
    const controller = new AbortController();
    const deadline = untilAborted(controller.signal, deadlineIn(30));

    await expect(withinDeadline(deadline, 'iam:GetAccountSummary', never)).rejects.toThrow(
      /^Time ran out during iam:GetAccountSummary \(\d+ ms were left for it\)$/,
    );
    controller.abort(limit());
    expect(deadline()).toBe(0);
  });

  it('ends a wait under way when the signal fires', async () => {
    const controller = new AbortController();
    const started = performance.now();

    const attempt = sleepWithin(
      untilAborted(controller.signal, deadlineIn(60_000)),
      20_000,
      'the wait to poll again',
      (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()),
    );
    setTimeout(() => controller.abort(limit()), 20);

    await expect(attempt).rejects.toThrow(
      "Time ran out during the wait to poll again: the command's time limit (--timeout 3s) ran out",
    );
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('sleepUntilAborted', () => {
  const slow = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

  it('ends a wait under way, without an error, when the signal fires', async () => {
    const controller = new AbortController();
    const started = performance.now();

    const waiting = sleepUntilAborted(slow, controller.signal)(20_000);
    setTimeout(() => controller.abort(new Error('time is up')), 20);

    await expect(waiting).resolves.toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('does not wait at all once the signal has fired', async () => {
    const controller = new AbortController();
    controller.abort(new Error('time is up'));
    const slept: number[] = [];

    await sleepUntilAborted(async (ms) => void slept.push(ms), controller.signal)(5_000);

    expect(slept).toEqual([]);
  });

  it('is the given sleep without a signal', async () => {
    const sleep = async () => {};

    expect(sleepUntilAborted(sleep, undefined)).toBe(sleep);
  });
});
