import { afterEach, describe, expect, it } from 'vitest';
import { AccessDeniedError } from '../../../aws/errors.js';
import {
  BASE_ACCESS_KEY_ID,
  BASE_SECRET_ACCESS_KEY,
  type RecordedCall,
  type SimAccount,
  type WorldOptions,
} from '../../../tools/aws-endpoint/index.js';
import {
  actions,
  closeEndpoints,
  EVENT_ACCOUNT,
  fixture,
  invokeIn,
  RESULT_TOKEN,
  scheduledEvent,
  sentEvaluation,
} from './harness.js';

const CENTRAL_ACCOUNT = '999900001111';
const ROLE = 'RootAccessKeyRuleMember';
const crossAccountEvent = (overrides: Record<string, unknown> = {}) =>
  scheduledEvent({ ExecutionRoleName: ROLE }, overrides);

/** A central account whose function evaluates member accounts through `ROLE`. */
function organization(...members: SimAccount[]): WorldOptions {
  return { callerAccountId: CENTRAL_ACCOUNT, roleName: ROLE, accounts: members };
}

/** The signers of the calls after AssumeRole: one temporary key of the member account. */
function memberSigners(calls: readonly RecordedCall[]) {
  return calls
    .filter((call) => call.service !== 'sts')
    .map((call) => ({ key: call.accessKeyId, withToken: call.sessionToken !== undefined }));
}

afterEach(closeEndpoints);

describe('wire: cross-account mode', () => {
  it('signs the IAM calls and PutEvaluations with the assumed member credentials', async () => {
    const run = await invokeIn(
      organization({ id: EVENT_ACCOUNT, rootKeys: { key1: { active: true } } }),
      [crossAccountEvent()],
    );

    expect(run.error).toBeUndefined();
    expect(actions(run.calls)).toEqual([
      'sts:AssumeRole',
      'iam:GetAccountSummary',
      'iam:GetCredentialReport',
      'config:PutEvaluations',
    ]);
    const [assume] = run.calls;
    expect(assume).toMatchObject({
      accessKeyId: BASE_ACCESS_KEY_ID,
      params: {
        RoleArn: `arn:aws:iam::${EVENT_ACCOUNT}:role/${ROLE}`,
        RoleSessionName: 'root-access-key-rule',
      },
    });
    const signers = memberSigners(run.calls);
    expect(signers).toHaveLength(3);
    expect(new Set(signers.map((signer) => signer.key)).size).toBe(1);
    expect(signers[0]?.key).toMatch(new RegExp(`^ASIA${EVENT_ACCOUNT}`));
    expect(signers.every((signer) => signer.withToken)).toBe(true);
    // The world answers IAM for the account that signed: the member's key shows here.
    expect(sentEvaluation(run.calls)).toMatchObject({
      ComplianceResourceId: EVENT_ACCOUNT,
      ComplianceType: 'NON_COMPLIANT',
    });
  });

  it('costs one AssumeRole cold and none warm for a compliant account', async () => {
    const run = await invokeIn(organization({ id: EVENT_ACCOUNT }), [
      crossAccountEvent(),
      crossAccountEvent(),
    ]);

    expect(actions(run.calls)).toEqual([
      'sts:AssumeRole',
      'iam:GetAccountSummary',
      'config:PutEvaluations',
      'iam:GetAccountSummary',
      'config:PutEvaluations',
    ]);
    expect(new Set(memberSigners(run.calls).map((signer) => signer.key)).size).toBe(1);
    expect(run.results.map((result) => result.compliance)).toEqual(['COMPLIANT', 'COMPLIANT']);
  });

  it('assumes a role in each evaluated account and signs with that account’s key', async () => {
    const other = '444455556666';
    const run = await invokeIn(
      organization({ id: EVENT_ACCOUNT }, { id: other, rootKeys: { key1: { active: true } } }),
      [crossAccountEvent(), crossAccountEvent({ accountId: other })],
    );

    expect(run.calls.filter((call) => call.service === 'sts').map((c) => c.params.RoleArn)).toEqual(
      [`arn:aws:iam::${EVENT_ACCOUNT}:role/${ROLE}`, `arn:aws:iam::${other}:role/${ROLE}`],
    );
    const keysByAccount = run.calls
      .filter((call) => call.action === 'PutEvaluations')
      .map((call) => call.accessKeyId.slice(4, 16));
    expect(keysByAccount).toEqual([EVENT_ACCOUNT, other]);
    expect(run.results.map((result) => result.compliance)).toEqual(['COMPLIANT', 'NON_COMPLIANT']);
  });

  it('builds the role ARN in the GovCloud partition of the rule', async () => {
    const govAccount = '111122223333';
    const run = await invokeIn(
      {
        callerAccountId: CENTRAL_ACCOUNT,
        callerArn: `arn:aws-us-gov:iam::${CENTRAL_ACCOUNT}:role/central-function`,
        roleName: ROLE,
        accounts: [{ id: govAccount, rootKeys: { key1: { active: true } } }],
      },
      [fixture('scheduled-notification-govcloud')],
      { region: 'us-gov-west-1' },
    );

    expect(run.error).toBeUndefined();
    expect(run.calls[0]?.params.RoleArn).toBe(`arn:aws-us-gov:iam::${govAccount}:role/${ROLE}`);
    expect(run.calls.every((call) => call.region === 'us-gov-west-1')).toBe(true);
    expect(memberSigners(run.calls).every((s) => s.key.startsWith(`ASIA${govAccount}`))).toBe(true);
    expect(sentEvaluation(run.calls)).toMatchObject({
      ComplianceResourceId: govAccount,
      ComplianceType: 'NON_COMPLIANT',
    });
  });

  it('fails naming sts:AssumeRole and the role ARN when the role cannot be assumed', async () => {
    const run = await invokeIn(organization({ id: EVENT_ACCOUNT, assumeRoleDenied: true }), [
      crossAccountEvent(),
    ]);

    expect(run.error).toBeInstanceOf(AccessDeniedError);
    expect(run.error?.message).toContain(
      `sts:AssumeRole on arn:aws:iam::${EVENT_ACCOUNT}:role/${ROLE}`,
    );
    expect(actions(run.calls)).toEqual(['sts:AssumeRole']);
  });

  it('never logs the result token or any credentials', async () => {
    const run = await invokeIn(
      organization({ id: EVENT_ACCOUNT, rootKeys: { key1: { active: true } } }),
      [crossAccountEvent(), crossAccountEvent({ accountId: '000000000001' })],
    );

    expect(run.logs).toContain('Evaluation reported');
    expect(run.logs).toContain('Evaluation failed');
    const memberKey = run.calls.find((call) => call.service === 'iam')?.accessKeyId ?? 'missing';
    for (const secret of [
      RESULT_TOKEN,
      BASE_ACCESS_KEY_ID,
      BASE_SECRET_ACCESS_KEY,
      memberKey,
      'assumed/role/secret',
      'session-token-for-',
    ]) {
      expect(run.logs).not.toContain(secret);
    }
  });
});
