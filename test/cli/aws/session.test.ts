import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withinDeadline } from '../../../aws/deadline.js';
import {
  configClientFor,
  iamClientFor,
  openSession,
  organizationsClientFor,
} from '../../../cli/src/aws/session.js';

/** The per-attempt timeouts a client's request handler was given. */
async function timeoutsOf(client: { config: { requestHandler: unknown } }) {
  const handler = client.config.requestHandler as {
    configProvider: Promise<Record<string, unknown>>;
  };
  return handler.configProvider;
}

describe("the caller's clients", () => {
  const saved = { ...process.env };
  beforeEach(() => {
    process.env.AWS_REGION = 'eu-west-1';
    process.env.AWS_ACCESS_KEY_ID = 'AKIDFROMENVIRONMENT1';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret-from-environment';
    delete process.env.AWS_PROFILE;
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('bound each attempt like the rule: 3 s to connect, 10 s for an answer or a silence in its body', async () => {
    const session = await openSession({});
    const clients = [
      session.sts,
      organizationsClientFor(session),
      configClientFor(session),
      iamClientFor(session),
    ];
    try {
      for (const client of clients) {
        expect(await timeoutsOf(client)).toMatchObject({
          connectionTimeout: 3000,
          requestTimeout: 10_000,
          throwOnRequestTimeout: true,
          socketTimeout: 10_000,
        });
        expect(((await client.config.retryStrategy()) as { mode?: string }).mode).toBe('adaptive');
        expect(await client.config.maxAttempts()).toBe(5);
        expect(await client.config.region()).toBe('eu-west-1');
      }
    } finally {
      for (const client of clients) client.destroy();
    }
  });

  it('have no time limit of their own without a signal, and end with one', async () => {
    const unbounded = await openSession({});
    const controller = new AbortController();
    const bounded = await openSession({ signal: controller.signal });
    try {
      expect(unbounded.deadline).toBeUndefined();
      expect(bounded.deadline?.()).toBe(Number.POSITIVE_INFINITY);
      controller.abort(new Error('time is up'));
      expect(bounded.deadline?.()).toBe(0);
      expect(bounded.deadline?.signal?.aborted).toBe(true);
    } finally {
      unbounded.destroy();
      bounded.destroy();
    }
  });
});

describe('the time limit of a session', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    process.env.AWS_REGION = 'eu-west-1';
    process.env.AWS_ACCESS_KEY_ID = 'AKIDFROMENVIRONMENT1';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret-from-environment';
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('ends many calls under way at once, without Node warning of a listener leak', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    const controller = new AbortController();
    const session = await openSession({ signal: controller.signal });
    try {
      const calls = Array.from({ length: 50 }, (_, index) =>
        withinDeadline(session.deadline, `call ${index}`, () => new Promise<never>(() => {})),
      );
      controller.abort(new Error('time is up'));

      const settled = await Promise.allSettled(calls);
      await new Promise((resolve) => setImmediate(resolve));

      expect(settled.every((result) => result.status === 'rejected')).toBe(true);
      expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
      session.destroy();
    }
  });
});
