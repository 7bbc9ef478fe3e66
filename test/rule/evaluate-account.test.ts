import {
  CredentialReportNotReadyException,
  GenerateCredentialReportCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AccessDeniedError } from '../../aws/errors.js';
import { DEFAULT_RULE_SETTINGS } from '../../definition/settings.js';
import { CredentialReportUnavailableError } from '../../rule/src/core/errors.js';
import type { RuleParameters } from '../../rule/src/core/parameters.js';
import { evaluateAccount } from '../../rule/src/evaluate-account.js';
import { reportCsv } from '../support/fixtures.js';
import { serviceError } from '../support/service-error.js';

const iamMock = mockClient(IAMClient);
const iam = new IAMClient({ region: 'us-east-1' });
const defaults: RuleParameters = { ...DEFAULT_RULE_SETTINGS };
const twoKeysCsv = reportCsv('root-two-keys');

function summary(keys: number, password = 1) {
  return { SummaryMap: { AccountAccessKeysPresent: keys, AccountPasswordPresent: password } };
}

function evaluate(parameters: RuleParameters = defaults, timeLeftMs = 60_000) {
  return evaluateAccount({
    iam,
    parameters,
    deadline: () => timeLeftMs,
    summaryDeadline: () => 60_000,
    backoff: { baseMs: 1, capMs: 2 },
    sleep: async () => {},
  });
}

describe('evaluateAccount', () => {
  beforeEach(() => {
    iamMock.reset();
  });

  it('decides a compliant account with exactly one IAM call', async () => {
    iamMock.on(GetAccountSummaryCommand).resolves(summary(0));

    const evaluation = await evaluate();

    expect(evaluation.decision).toMatchObject({ row: 3, compliance: 'COMPLIANT' });
    expect(evaluation.keys).toBeUndefined();
    expect(evaluation.timings.reportMs).toBeUndefined();
    expect(iamMock.calls()).toHaveLength(1);
  });

  it('does not fetch the report for a root user without credentials', async () => {
    iamMock.on(GetAccountSummaryCommand).resolves(summary(0, 0));

    const evaluation = await evaluate();

    expect(evaluation.decision.row).toBe(2);
    expect(iamMock.commandCalls(GetCredentialReportCommand)).toHaveLength(0);
  });

  it('fetches the credential report when root keys exist and uses it in the annotation', async () => {
    iamMock.on(GetAccountSummaryCommand).resolves(summary(2));
    iamMock
      .on(GetCredentialReportCommand)
      .resolves({ Content: new TextEncoder().encode(twoKeysCsv) });

    const evaluation = await evaluate();

    expect(evaluation.decision).toEqual({
      row: 4,
      compliance: 'NON_COMPLIANT',
      annotation:
        'Root user has 2 access keys: key 1 active, last used 2026-11-20 (s3, us-east-1), rotated 2019-03-02; key 2 inactive, never used, rotated 2019-03-02. Delete them.',
    });
    expect(evaluation.keys?.kind).toBe('available');
    expect(evaluation.summary).toEqual({ accessKeysPresent: 2, passwordPresent: 1 });
    expect(evaluation.timings.reportMs).toBeGreaterThanOrEqual(0);
    expect(iamMock.calls()).toHaveLength(2);
  });

  it('still reports NON_COMPLIANT from the summary when the report stays unavailable', async () => {
    iamMock.on(GetAccountSummaryCommand).resolves(summary(1));
    iamMock
      .on(GetCredentialReportCommand)
      .rejects(new CredentialReportNotReadyException({ message: 'in progress', $metadata: {} }));

    const evaluation = await evaluate(defaults, 1);

    expect(evaluation.decision.compliance).toBe('NON_COMPLIANT');
    expect(evaluation.decision.annotation).toMatch(
      /^Root user has 1 access key; details unavailable: the credential report was still being generated/,
    );
    expect(evaluation.keys?.kind).toBe('unavailable');
  });

  it('fails when IgnoreInactiveKeys needs a report that cannot be had', async () => {
    iamMock.on(GetAccountSummaryCommand).resolves(summary(1));
    iamMock.on(GetCredentialReportCommand).rejects(serviceError('iam', 'AccessDenied', 'no', 403));

    const failure = evaluate({ ...defaults, ignoreInactiveKeys: true });

    await expect(failure).rejects.toBeInstanceOf(CredentialReportUnavailableError);
    await expect(failure).rejects.toThrow(/the role needs iam:GetCredentialReport/);
  });

  it('fails without a report call when the summary is denied', async () => {
    iamMock.on(GetAccountSummaryCommand).rejects(serviceError('iam', 'AccessDenied', 'no', 403));

    await expect(evaluate()).rejects.toBeInstanceOf(AccessDeniedError);
    expect(iamMock.commandCalls(GetCredentialReportCommand)).toHaveLength(0);
    expect(iamMock.commandCalls(GenerateCredentialReportCommand)).toHaveLength(0);
  });
});
