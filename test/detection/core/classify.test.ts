import { describe, expect, it } from 'vitest';
import {
  AlertKind,
  nonCompliantAlert,
  rootKeyAlert,
  subject,
} from '../../../detection/src/core/alert.js';
import { classify } from '../../../detection/src/core/classify.js';
import { cloudTrailEvent, configEvent, deniedRootEvent, detailOf } from '../support.js';

const RULE = 'root-access-key-rule';

describe('classify: root key events from CloudTrail', () => {
  it.each([
    ['root-create-access-key', '123456789012', '1111', 'created'],
    ['root-create-access-key-console', '493859302102', 'AKIA5ZZZK44445XXFFVB', 'created'],
    ['forwarded/root-create-access-key-console', '493859302102', 'AKIA5ZZZK44445XXFFVB', 'created'],
    ['root-update-access-key-active', '493859302102', 'AKIA5ZZZK44445XXFFVB', 'reactivated'],
  ])('%s is a root key event of account %s, key %s (%s)', (name, accountId, key, action) => {
    const result = classify(cloudTrailEvent(name), RULE);
    expect(result).toMatchObject({
      kind: 'root-key',
      event: { accountId, accessKeyId: key, action },
    });
  });

  it('keeps what an alert names: time, source address, user agent, event id', () => {
    const result = classify(cloudTrailEvent('root-create-access-key-console'), RULE);
    expect(result).toEqual({
      kind: 'root-key',
      event: {
        action: 'created',
        accountId: '493859302102',
        accessKeyId: 'AKIA5ZZZK44445XXFFVB',
        eventName: 'CreateAccessKey',
        eventTime: '2020-11-01T08:32:19Z',
        eventId: '1',
        sourceIPAddress: '92.55.146.245',
        userAgent: 'console.amazonaws.com',
      },
    });
  });

  it.each([
    ['iam-user-create-access-key', 'not made by the root user'],
    ['root-create-access-key-for-user', 'IAM user "example-user"'],
    ['root-create-access-key-for-user-cli', 'IAM user "tracy_stone"'],
  ])('ignores %s (%s)', (name, reason) => {
    const result = classify(cloudTrailEvent(name), RULE);
    expect(result.kind).toBe('ignored');
    expect(result.kind === 'ignored' && result.reason).toContain(reason);
  });

  it('ignores a root UpdateAccessKey to Inactive', () => {
    const event = cloudTrailEvent('root-update-access-key-active');
    (detailOf(event).requestParameters as Record<string, unknown>).status = 'Inactive';
    expect(classify(event, RULE)).toEqual({
      kind: 'ignored',
      reason: 'UpdateAccessKey to "Inactive", not Active',
    });
  });

  it('ignores other root IAM calls the pattern would not send', () => {
    const event = cloudTrailEvent('root-create-access-key-console');
    detailOf(event).eventName = 'DeleteAccessKey';
    expect(classify(event, RULE).kind).toBe('ignored');
  });

  it('ignores an event without a 12-digit account', () => {
    const event = cloudTrailEvent('root-create-access-key-console');
    detailOf(event).recipientAccountId = '4938593021';
    expect(classify(event, RULE)).toMatchObject({
      kind: 'ignored',
      reason: expect.stringContaining('account id'),
    });
  });

  it.each([
    ['null', null],
    ['a string', 'CreateAccessKey'],
    ['an array', [cloudTrailEvent('root-create-access-key')]],
    ['an empty object', {}],
    ['an event without detail', { ...cloudTrailEvent('root-create-access-key'), detail: 'x' }],
    ['another source', { ...cloudTrailEvent('root-create-access-key'), source: 'aws.s3' }],
  ])('ignores garbage: %s', (_, event) => {
    expect(classify(event, RULE).kind).toBe('ignored');
  });

  it('calls a denied root attempt a blocked attempt', () => {
    expect(classify(deniedRootEvent(), RULE)).toMatchObject({
      kind: 'blocked-attempt',
      event: { accountId: '493859302102', errorCode: 'AccessDenied' },
    });
  });
});

describe('classify: the rule turning NON_COMPLIANT', () => {
  it('takes a transition of the rule (an organization copy) with its annotation', () => {
    expect(classify(configEvent('compliance-change-non-compliant'), RULE)).toEqual({
      kind: 'non-compliant',
      change: {
        accountId: '222222222222',
        region: 'eu-west-1',
        configRuleName: 'OrgConfigRule-root-access-key-rule-ab12cd34',
        annotation:
          'Root user has 1 access key: key 1 active, never used, rotated 2026-12-06. Delete it.',
        previousCompliance: 'COMPLIANT',
        resultRecordedTime: '2026-12-06T09:02:10.894Z',
      },
    });
  });

  it('raises nothing when the result was already NON_COMPLIANT (no storm on re-evaluations)', () => {
    const event = configEvent('compliance-change-non-compliant');
    const old = detailOf(event).oldEvaluationResult as Record<string, unknown>;
    old.complianceType = 'NON_COMPLIANT';
    expect(classify(event, RULE)).toEqual({
      kind: 'ignored',
      reason: 'the result was already NON_COMPLIANT',
    });
  });

  it('takes a first result (no old result) that is NON_COMPLIANT', () => {
    const event = configEvent('compliance-change-non-compliant');
    delete detailOf(event).oldEvaluationResult;
    expect(classify(event, RULE)).toMatchObject({ kind: 'non-compliant' });
  });

  it.each([
    ['another rule', 'root-access-key-rule-v2'],
    ['another rule of a pack', 'other-rule-conformance-pack-abc'],
  ])('ignores %s', (_, name) => {
    const event = configEvent('compliance-change-non-compliant');
    detailOf(event).configRuleName = name;
    expect(classify(event, RULE).kind).toBe('ignored');
  });

  it('ignores a change to COMPLIANT', () => {
    const event = configEvent('compliance-change-non-compliant');
    (detailOf(event).newEvaluationResult as Record<string, unknown>).complianceType = 'COMPLIANT';
    expect(classify(event, RULE).kind).toBe('ignored');
  });
});

describe('alert messages', () => {
  const created = classify(cloudTrailEvent('root-create-access-key-console'), RULE);
  if (created.kind !== 'root-key') throw new Error('fixture is not a root key event');

  it('names the account, its name, the key, the event and the remediation', () => {
    const alert = rootKeyAlert(created.event, {
      accountName: 'Production',
      reEvaluation: { status: 'requested', configRuleName: 'root-access-key-rule' },
    });
    expect(alert.kind).toBe(AlertKind.RootKeyCreated);
    expect(alert.subject).toBe(
      'Root access key AKIA5ZZZK44445XXFFVB created in account 493859302102 (Production)',
    );
    expect(JSON.parse(alert.message)).toMatchObject({
      alert: 'root-access-key-created',
      accountId: '493859302102',
      accountName: 'Production',
      accessKeyId: 'AKIA5ZZZK44445XXFFVB',
      eventName: 'CreateAccessKey',
      eventTime: '2020-11-01T08:32:19Z',
      sourceIPAddress: '92.55.146.245',
      userAgent: 'console.amazonaws.com',
      reEvaluation: { status: 'requested' },
      remediation: 'npx root-access-key-rule remediate --accounts 493859302102',
    });
  });

  it('words a blocked attempt as such, without remediation', () => {
    const blocked = classify(deniedRootEvent(), RULE);
    if (blocked.kind !== 'blocked-attempt') throw new Error('not blocked');
    const alert = rootKeyAlert(blocked.event);
    expect(alert.subject).toBe(
      'Blocked root access key attempt (CreateAccessKey) in account 493859302102',
    );
    const body = JSON.parse(alert.message);
    expect(body).toMatchObject({
      alert: 'root-access-key-attempt-blocked',
      errorCode: 'AccessDenied',
    });
    expect(body.remediation).toBeUndefined();
  });

  it('carries the annotation of a NON_COMPLIANT transition', () => {
    const change = classify(configEvent('compliance-change-non-compliant'), RULE);
    if (change.kind !== 'non-compliant') throw new Error('not a change');
    const body = JSON.parse(nonCompliantAlert(change.change).message);
    expect(body.annotation).toContain('Root user has 1 access key');
    expect(body.previousCompliance).toBe('COMPLIANT');
  });

  it('keeps hostile account names out of the subject: printable ASCII, 100 characters at most', () => {
    const alert = rootKeyAlert(created.event, { accountName: `Prod\n\u0007${'x'.repeat(200)}` });
    expect(alert.subject).toMatch(/^[\x20-\x7e]{1,100}$/);
    expect(alert.subject.endsWith('...')).toBe(true);
    expect(subject('a\r\nb\tc')).toBe('a??b?c');
  });
});
