import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AwsClock } from '../../../cli/src/root-access/aws-clock.js';
import { withEnv } from '../../../tools/aws-endpoint/env.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../../tools/aws-endpoint/server.js';
import { stsResponses } from '../../../tools/aws-endpoint/sts-responses.js';

const DAY = 86_400_000;
let endpoint: AwsEndpoint;
beforeAll(async () => {
  endpoint = await startAwsEndpoint();
});
afterAll(() => endpoint.close());
beforeEach(() => endpoint.reset());

const identity = () =>
  stsResponses.getCallerIdentity({
    account: '111111111111',
    arn: 'arn:aws:iam::111111111111:user/a',
    userId: 'AIDA',
  });

describe('AwsClock', () => {
  it('is the local clock until AWS answered', () => {
    const clock = new AwsClock(() => new Date('2026-12-01T12:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-12-01T12:00:00.000Z');
    expect(clock.skewMs()).toBeUndefined();
  });

  it("takes AWS's time from the Date header of a real SDK client's answers", async () => {
    endpoint.setClockOffset(-40 * DAY);
    endpoint.script('sts', 'GetCallerIdentity', identity());
    const clock = new AwsClock();
    await withEnv(endpoint.env(), async () => {
      const sts = new STSClient({});
      clock.watch(sts);
      await sts.send(new GetCallerIdentityCommand({}));
      sts.destroy();
    });
    const skew = clock.skewMs() ?? 0;
    expect(skew).toBeLessThan(-40 * DAY + 3000);
    expect(skew).toBeGreaterThan(-40 * DAY - 3000);
    expect(Math.abs(clock.now().getTime() - (Date.now() - 40 * DAY))).toBeLessThan(3000);
  });

  it('reads the Date of an error answer too', async () => {
    endpoint.setClockOffset(DAY);
    const clock = new AwsClock();
    await withEnv(endpoint.env(), async () => {
      const sts = new STSClient({ maxAttempts: 1 });
      clock.watch(sts);
      await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toThrow();
      sts.destroy();
    });
    expect(clock.skewMs()).toBeGreaterThan(DAY - 3000);
  });

  it('ignores a Date it cannot read', () => {
    const clock = new AwsClock(() => new Date('2026-12-01T12:00:00Z'));
    clock.observe('not a date');
    clock.observe(undefined);
    expect(clock.skewMs()).toBeUndefined();
    clock.observe('Tue, 01 Dec 2026 12:10:00 GMT');
    expect(clock.skewMs()).toBe(600_000);
    expect(clock.now().toISOString()).toBe('2026-12-01T12:10:00.000Z');
  });
});
