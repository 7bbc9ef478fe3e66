import { ConfigServiceClient, PutEvaluationsCommand } from '@aws-sdk/client-config-service';
import {
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
} from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { createHandler } from '../../../rule/src/handler.js';
import { eventFixture, reportBytes } from '../../support/fixtures.js';

/*
 * What the handler's unit tests share: SDK mocks, the events and reports they
 * send, and a log capture. Each test file calls useHandlerMocks() once.
 */

export const iamMock = mockClient(IAMClient);
export const configMock = mockClient(ConfigServiceClient);
export const stsMock = mockClient(STSClient);

export const RESULT_TOKEN = 'result-token-6b1f0c9e2d7a4e58a3c1';
export const OWN_KEY = 'AKIDOWNFUNCTIONROLE1';
export const MEMBER = {
  AccessKeyId: 'ASIAMEMBERACCOUNT001',
  SecretAccessKey: 'member-secret-access-key-9f8e7d',
  SessionToken: 'member-session-token-5a4b3c',
};
export const context = { getRemainingTimeInMillis: () => 60_000 };

export const fixture = eventFixture;

/** AWS's example periodic event (account 012345678912), with the rule's own parameters. */
export function scheduledEvent(
  parameters: Record<string, string> = {},
  overrides: Record<string, unknown> = {},
) {
  return {
    ...fixture('scheduled-notification'),
    ruleParameters: JSON.stringify(parameters),
    resultToken: RESULT_TOKEN,
    ...overrides,
  };
}

export const csvFixture = reportBytes;

export function accountSummary(keys: number, password: number) {
  iamMock.on(GetAccountSummaryCommand).resolves({
    SummaryMap: { AccountAccessKeysPresent: keys, AccountPasswordPresent: password },
  });
}

/** When the fixtures' credential report was generated (`GeneratedTime`). */
export const REPORT_GENERATED = new Date('2026-11-28T04:00:00Z');

export function reportFixture(name: string) {
  iamMock
    .on(GetCredentialReportCommand)
    .resolves({ Content: csvFixture(name), GeneratedTime: REPORT_GENERATED });
}

export function putCalls() {
  return configMock.commandCalls(PutEvaluationsCommand);
}

export function sentEvaluation() {
  expect(putCalls()).toHaveLength(1);
  return putCalls()[0]?.args[0].input.Evaluations?.[0];
}

/** Captures what the Powertools logger prints (it writes to process.stdout and stderr). */
function captureLogs() {
  const chunks: string[] = [];
  const capture = ((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  return {
    text: () => chunks.join(''),
    entries: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** The logs captured in the running test. */
export type CapturedLogs = ReturnType<typeof captureLogs>;

export function newHandler() {
  return createHandler({ backoff: { baseMs: 1, capMs: 2 }, sleep: async () => {} });
}

/**
 * Resets the mocks before each test (PutEvaluations accepts everything, the
 * function's own credentials in the environment) and captures the logs.
 *
 * @returns the running test's logs
 */
export function useHandlerMocks(): () => CapturedLogs {
  let logs: CapturedLogs | undefined;
  beforeEach(() => {
    iamMock.reset();
    configMock.reset();
    stsMock.reset();
    configMock.on(PutEvaluationsCommand).resolves({ FailedEvaluations: [] });
    vi.stubEnv('AWS_REGION', 'us-east-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', OWN_KEY);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'own-secret');
    logs = captureLogs();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });
  return () => {
    if (logs === undefined) throw new Error('useHandlerMocks: no test is running');
    return logs;
  };
}
