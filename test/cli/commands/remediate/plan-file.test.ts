import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountPlan } from '../../../../cli/src/commands/remediate/context.js';
import {
  PlanFileError,
  planDocument,
  plansOf,
  readPlanFile,
  writePlanFile,
} from '../../../../cli/src/commands/remediate/plan-file.js';

const caller = {
  accountId: '111111111111',
  arn: 'arn:aws:iam::111111111111:role/admin',
  partition: 'aws',
} as const;
const NOW = new Date('2026-12-01T12:30:00Z');
const plans: AccountPlan[] = [
  {
    target: { accountId: '222222222222', accountName: 'a' },
    kind: 'planned',
    keys: [
      {
        key: {
          accessKeyId: 'AKIA222222222222RTK1',
          active: true,
          created: '2019-03-02',
          createdAt: '2019-03-02T10:00:00.000Z',
          lastUsedDate: '2026-05-01',
          lastUsedAt: '2026-05-01T09:00:00.000Z',
          lastUsedService: 's3',
        },
        remove: true,
        reason: 'idle',
      },
    ],
  },
];
const meta = {
  createdAt: '2026-12-01T12:00:00.000Z',
  caller: { arn: caller.arn, accountId: caller.accountId },
  organizationId: 'o-exampleorg1',
  options: { minIdleDays: 30, organization: false, accounts: ['222222222222'] },
  auditLog: 'audit.jsonl',
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const expected = { caller, organizationId: 'o-exampleorg1' };

describe('plan files', () => {
  it('write and read back the same keys, which become the plans applied', () => {
    const path = join(dir, 'plan.json');
    writePlanFile(path, planDocument(plans, meta));
    const read = readPlanFile(path, expected, 3_600_000, NOW);
    expect(plansOf(read)).toEqual(plans);
  });

  it('keep the rows of accounts without keys to plan, saying they are as planned', () => {
    const path = join(dir, 'plan.json');
    const left: AccountPlan = {
      target: { accountId: '666666666666' },
      kind: 'done',
      rows: [{ accountId: '666666666666', action: 'LEFT_OUT', reason: 'PENDING_CLOSURE' }],
    };
    writePlanFile(path, planDocument([left], meta));
    expect(plansOf(readPlanFile(path, expected, 3_600_000, NOW))).toEqual([
      {
        ...left,
        rows: [
          {
            accountId: '666666666666',
            action: 'LEFT_OUT',
            reason: 'when planned (2026-12-01T12:00:00.000Z): PENDING_CLOSURE',
          },
        ],
      },
    ]);
  });

  it('never overwrite a file', () => {
    const path = join(dir, 'plan.json');
    writeFileSync(path, 'mine');
    expect(() => writePlanFile(path, planDocument(plans, meta))).toThrow(
      /exists already; it is never overwritten/,
    );
    expect(readFileSync(path, 'utf8')).toBe('mine');
  });

  it.each([
    ['not JSON', 'nope', /cannot be read/],
    [
      'another format',
      JSON.stringify({ format: 'x', accounts: [] }),
      /is not a remediation plan: received format "x"/,
    ],
    [
      'an edited key',
      JSON.stringify({
        ...planDocument(plans, meta),
        accounts: [
          {
            accountId: '222222222222',
            keys: [
              {
                accessKeyId: 'AKIA222222222222RTK1',
                status: 'Active',
                action: 'remove',
                reason: '',
              },
            ],
          },
        ],
      }),
      /is not a well-formed plan: key "AKIA222222222222RTK1" of account 222222222222 has no valid id, status/,
    ],
    [
      'a row that is not an account row',
      JSON.stringify({
        ...planDocument(plans, meta),
        accounts: [
          {
            accountId: '222222222222',
            keys: [],
            rows: [{ accountId: '222222222222', action: 'DELETED', reason: '' }],
          },
        ],
      }),
      /a row of account 222222222222 is not an account row/,
    ],
    [
      'a bad account id',
      JSON.stringify({ ...planDocument(plans, meta), accounts: [{ accountId: '12', keys: [] }] }),
      /account "12" is not a 12-digit account id/,
    ],
  ])('refuse %s', (_, text, message) => {
    const path = join(dir, 'plan.json');
    writeFileSync(path, text);
    expect(() => readPlanFile(path, expected, 3_600_000, NOW)).toThrow(PlanFileError);
    expect(() => readPlanFile(path, expected, 3_600_000, NOW)).toThrow(message);
  });

  it('refuse a plan from the future by AWS’s clock', () => {
    const path = join(dir, 'plan.json');
    writePlanFile(path, planDocument(plans, { ...meta, createdAt: '2026-12-01T13:00:00.000Z' }));
    expect(() => readPlanFile(path, expected, 3_600_000, NOW)).toThrow(
      /later than AWS's clock says it is now/,
    );
  });
});
