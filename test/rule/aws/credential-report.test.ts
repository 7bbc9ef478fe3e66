import {
  CredentialReportExpiredException,
  CredentialReportNotPresentException,
  CredentialReportNotReadyException,
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  IAMClient,
  LimitExceededException,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BackoffOptions } from '../../../aws/backoff.js';
import { fetchCredentialReport } from '../../../rule/src/aws/credential-report.js';
import type { RootKeysOutcome } from '../../../rule/src/core/facts.js';
import { reportCsv } from '../../support/fixtures.js';
import { serviceError } from '../../support/service-error.js';

const iamMock = mockClient(IAMClient);
const iam = new IAMClient({ region: 'us-east-1' });

const twoKeysCsv = reportCsv('root-two-keys');
const meta = { $metadata: {} };
const notPresent = () =>
  new CredentialReportNotPresentException({ message: 'Report not present', ...meta });
const expired = () => new CredentialReportExpiredException({ message: 'Report expired', ...meta });
const notReady = () =>
  new CredentialReportNotReadyException({ message: 'Report in progress', ...meta });

function report(csv: string) {
  return { Content: new TextEncoder().encode(csv), ReportFormat: 'text/csv' as const };
}

/** A clock that only sleeping moves, with `budgetMs` of time left at the start. */
function fakeTime(budgetMs = 60_000) {
  let now = 0;
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms: number) => {
      delays.push(ms);
      now += ms;
    },
    deadline: () => budgetMs - now,
  };
}

function fetchWith(time: ReturnType<typeof fakeTime>, backoff?: BackoffOptions) {
  return fetchCredentialReport(iam, {
    deadline: time.deadline,
    sleep: time.sleep,
    ...(backoff === undefined ? {} : { backoff }),
  });
}

function reason(outcome: RootKeysOutcome): string {
  expect(outcome.kind).toBe('unavailable');
  return outcome.kind === 'unavailable' ? outcome.reason : '';
}

describe('fetchCredentialReport', () => {
  beforeEach(() => {
    iamMock.reset();
  });

  it('parses a current report without generating one', async () => {
    iamMock.on(GetCredentialReportCommand).resolves(report(twoKeysCsv));
    const time = fakeTime();

    const outcome = await fetchWith(time);

    expect(outcome).toEqual({
      kind: 'available',
      root: {
        source: 'credential-report',
        keys: [
          {
            slot: 1,
            active: true,
            created: '2019-03-02',
            lastUsedDate: '2026-11-20',
            lastUsedRegion: 'us-east-1',
            lastUsedService: 's3',
          },
          { slot: 2, active: false, created: '2019-03-02' },
        ],
      },
    });
    expect(iamMock.commandCalls(GetCredentialReportCommand)).toHaveLength(1);
    expect(iamMock.commandCalls(GenerateCredentialReportCommand)).toHaveLength(0);
    expect(time.delays).toEqual([]);
  });

  it('generates a report when none is present, then polls until it is ready', async () => {
    iamMock.on(GetCredentialReportCommand).rejectsOnce(notPresent()).resolves(report(twoKeysCsv));
    iamMock.on(GenerateCredentialReportCommand).resolves({ State: 'STARTED' });
    const time = fakeTime();

    const outcome = await fetchWith(time);

    expect(outcome.kind).toBe('available');
    expect(iamMock.calls().map((call) => call.args[0].constructor.name)).toEqual([
      'GetCredentialReportCommand',
      'GenerateCredentialReportCommand',
      'GetCredentialReportCommand',
    ]);
    expect(time.delays).toHaveLength(1);
    expect(time.delays[0]).toBeGreaterThan(0);
  });

  it('generates a new report when the last one expired', async () => {
    iamMock.on(GetCredentialReportCommand).rejectsOnce(expired()).resolves(report(twoKeysCsv));
    iamMock.on(GenerateCredentialReportCommand).resolves({ State: 'INPROGRESS' });

    const outcome = await fetchWith(fakeTime());

    expect(outcome.kind).toBe('available');
    expect(iamMock.commandCalls(GenerateCredentialReportCommand)).toHaveLength(1);
    expect(iamMock.commandCalls(GetCredentialReportCommand)).toHaveLength(2);
  });

  it('reads a report at once when generation answers COMPLETE', async () => {
    iamMock.on(GetCredentialReportCommand).rejectsOnce(notPresent()).resolves(report(twoKeysCsv));
    iamMock.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
    const time = fakeTime();

    const outcome = await fetchWith(time);

    expect(outcome.kind).toBe('available');
    expect(time.delays).toEqual([0]);
  });

  it('backs off between polls without looping fast when IAM keeps answering COMPLETE', async () => {
    iamMock.on(GetCredentialReportCommand).rejects(notPresent());
    iamMock.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
    const time = fakeTime(10 * 60_000);

    const outcome = await fetchWith(time, { baseMs: 100, capMs: 1000, random: () => 0 });

    expect(outcome.kind).toBe('unavailable');
    // A just-completed report is read at once, but never twice in a row without waiting.
    expect(time.delays.slice(0, 4)).toEqual([0, 100, 0, 400]);
    expect(time.delays.filter((delay) => delay === 0).length).toBeLessThanOrEqual(
      Math.ceil(time.delays.length / 2),
    );
  });

  it('polls a report in progress with exponentially growing delays', async () => {
    iamMock
      .on(GetCredentialReportCommand)
      .rejectsOnce(notReady())
      .rejectsOnce(notReady())
      .rejectsOnce(notReady())
      .rejectsOnce(notReady())
      .rejectsOnce(notReady())
      .resolves(report(twoKeysCsv));
    const low = fakeTime();
    const high = fakeTime();

    await fetchWith(low, { baseMs: 100, capMs: 1000, random: () => 0 });
    iamMock.resetHistory();
    await fetchWith(high, { baseMs: 100, capMs: 1000, random: () => 0.999_999 });

    // Equal jitter: each delay lies in [ceiling / 2, ceiling], ceiling = min(cap, base * 2^n).
    expect(low.delays).toEqual([50, 100, 200, 400, 500]);
    expect(high.delays).toEqual([100, 200, 400, 800, 1000]);
  });

  it('keeps every jittered poll delay within the exponential bounds', async () => {
    iamMock.on(GetCredentialReportCommand).rejects(notReady());
    const time = fakeTime(10 * 60_000);

    const outcome = await fetchWith(time, { baseMs: 100, capMs: 3200 });

    expect(outcome.kind).toBe('unavailable');
    expect(time.delays.length).toBeGreaterThan(6);
    time.delays.forEach((delay, attempt) => {
      const ceiling = Math.min(3200, 100 * 2 ** attempt);
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
    });
    // The jitter is random, not a fixed fraction of the ceiling.
    const ratios = time.delays.map((delay, n) => delay / Math.min(3200, 100 * 2 ** n));
    expect(new Set(ratios).size).toBeGreaterThan(1);
  });

  it('gives up with a reason when the time left runs out while the report is generated', async () => {
    iamMock.on(GetCredentialReportCommand).rejects(notReady());
    const time = fakeTime(1_000);

    const outcome = await fetchWith(time, { baseMs: 100, capMs: 8000, random: () => 0.5 });

    expect(reason(outcome)).toMatch(
      /still being generated when the time left ran out \(4 attempts\)/,
    );
    const slept = time.delays.reduce((sum, delay) => sum + delay, 0);
    expect(slept).toBeLessThanOrEqual(1_000);
    expect(time.delays).toEqual([75, 150, 300]);
  });

  it('neither calls nor sleeps when no time is left', async () => {
    iamMock.on(GetCredentialReportCommand).rejects(notReady());
    const time = fakeTime(0);

    const outcome = await fetchWith(time);

    expect(reason(outcome)).toBe('the time left ran out during iam:GetCredentialReport');
    expect(time.delays).toEqual([]);
    expect(iamMock.commandCalls(GetCredentialReportCommand)).toHaveLength(0);
  });

  it('stops after a bounded number of polls even with time left', async () => {
    iamMock.on(GetCredentialReportCommand).rejects(notReady());

    const outcome = await fetchWith(fakeTime(Number.POSITIVE_INFINITY), { baseMs: 1, capMs: 1 });

    expect(reason(outcome)).toMatch(/not ready after 30 attempts/);
    expect(iamMock.commandCalls(GetCredentialReportCommand)).toHaveLength(30);
  });

  it('bounds each report call, SDK retries included, by the time left', async () => {
    iamMock.on(GetCredentialReportCommand).rejectsOnce(notPresent()).resolves(report(twoKeysCsv));
    iamMock.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });

    await fetchWith(fakeTime(20));

    const signals = iamMock.calls().map((call) => (call.args as unknown[])[1]);
    expect(signals).toHaveLength(3);
    for (const options of signals) {
      expect((options as { abortSignal: AbortSignal }).abortSignal).toBeInstanceOf(AbortSignal);
    }
  });

  it('reports a call that outlasts the time left as unavailable, when the time runs out', async () => {
    iamMock.on(GetCredentialReportCommand).rejects(notPresent());
    iamMock.on(GenerateCredentialReportCommand).callsFake(() => new Promise(() => {}));
    const started = performance.now();

    const outcome = await fetchWith(fakeTime(30));

    expect(reason(outcome)).toBe('the time left ran out during iam:GenerateCredentialReport');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('keeps the words of an abort that was not its own', async () => {
    const aborted = Object.assign(new Error('Request aborted'), { name: 'AbortError' });
    iamMock.on(GetCredentialReportCommand).rejects(notPresent());
    iamMock.on(GenerateCredentialReportCommand).rejects(aborted);

    const outcome = await fetchWith(fakeTime());

    expect(reason(outcome)).toBe(
      'iam:GenerateCredentialReport failed: AbortError: Request aborted',
    );
  });

  it('reports LimitExceeded from report generation as unavailable', async () => {
    iamMock.on(GetCredentialReportCommand).rejects(notPresent());
    iamMock
      .on(GenerateCredentialReportCommand)
      .rejects(new LimitExceededException({ message: 'Too many reports', ...meta }));

    const outcome = await fetchWith(fakeTime());

    expect(reason(outcome)).toBe('IAM refused iam:GenerateCredentialReport (LimitExceeded)');
    expect(iamMock.commandCalls(GetCredentialReportCommand)).toHaveLength(1);
  });

  it('names iam:GetCredentialReport when reading the report is denied', async () => {
    iamMock.on(GetCredentialReportCommand).rejects(serviceError('iam', 'AccessDenied', 'no', 403));

    const outcome = await fetchWith(fakeTime());

    expect(reason(outcome)).toBe('access denied: the role needs iam:GetCredentialReport');
  });

  it('names iam:GenerateCredentialReport when generating the report is denied', async () => {
    iamMock.on(GetCredentialReportCommand).rejects(notPresent());
    iamMock
      .on(GenerateCredentialReportCommand)
      .rejects(serviceError('iam', 'AccessDenied', 'no', 403));

    const outcome = await fetchWith(fakeTime());

    expect(reason(outcome)).toBe('access denied: the role needs iam:GenerateCredentialReport');
  });

  it('reports other IAM failures as unavailable with the error name and message', async () => {
    iamMock
      .on(GetCredentialReportCommand)
      .rejects(serviceError('iam', 'Throttling', 'Rate exceeded', 400));

    const outcome = await fetchWith(fakeTime());

    expect(reason(outcome)).toBe('iam:GetCredentialReport failed: Throttling: Rate exceeded');
  });

  it('reports an empty report as unavailable', async () => {
    iamMock.on(GetCredentialReportCommand).resolves({ Content: new Uint8Array() });

    const outcome = await fetchWith(fakeTime());

    expect(reason(outcome)).toBe('GetCredentialReport returned an empty report');
  });

  it('reports an answer without Content as unavailable', async () => {
    iamMock.on(GetCredentialReportCommand).resolves({});

    const outcome = await fetchWith(fakeTime());

    expect(reason(outcome)).toBe('GetCredentialReport returned an empty report');
  });

  it('reports a report that is not valid CSV as unavailable', async () => {
    iamMock
      .on(GetCredentialReportCommand)
      .resolves(report('user,arn\n"<root_account>,arn:aws:iam::123456789012:root\n'));

    const outcome = await fetchWith(fakeTime());

    expect(reason(outcome)).toMatch(/^The credential report is not valid CSV: /);
  });

  it('reports a report without the key columns as unavailable', async () => {
    iamMock
      .on(GetCredentialReportCommand)
      .resolves(report('user,arn\n<root_account>,arn:aws:iam::123456789012:root\n'));

    const outcome = await fetchWith(fakeTime());

    expect(reason(outcome)).toMatch(/lacks column\(s\) access_key_1_active/);
  });

  it('reports a report without a root row as unavailable', async () => {
    const withoutRoot = twoKeysCsv
      .split('\n')
      .filter((line) => !line.startsWith('<root_account>'))
      .join('\n');
    iamMock.on(GetCredentialReportCommand).resolves(report(withoutRoot));

    const outcome = await fetchWith(fakeTime());

    expect(reason(outcome)).toMatch(/has no <root_account> row/);
  });

  it('reports generation that answers without a State as unavailable', async () => {
    iamMock.on(GetCredentialReportCommand).rejects(notPresent());
    iamMock.on(GenerateCredentialReportCommand).resolves({});

    const outcome = await fetchWith(fakeTime());

    expect(reason(outcome)).toBe('GenerateCredentialReport returned no State');
  });
});
