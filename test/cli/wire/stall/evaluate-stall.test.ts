import { describe, expect, it } from 'vitest';
import { stall } from '../../../../tools/aws-endpoint/index.js';
import {
  ENDED_AFTER_THE_LIMIT,
  MANAGEMENT,
  MEMBERS,
  RAN_OUT,
  ROLE,
  rowsOf,
  stallEndpoint,
  TIMEOUT,
  timedRun,
} from './stall-fixture.js';

/**
 * `evaluate` against an endpoint that accepts a service's connections and
 * never answers: it ends at its `--timeout` with exit 2 and a message saying
 * what ran out, and prints the rows it has.
 */
const { endpoint } = stallEndpoint();

const evaluate = (...argv: string[]) =>
  timedRun(endpoint(), ['evaluate', '--timeout', TIMEOUT, ...argv]);

describe('evaluate when a service never answers', () => {
  it('STS (GetCallerIdentity): exit 2 naming the call and the time limit, nothing printed', async () => {
    endpoint().stallService('sts');

    const result = await evaluate('--output', 'json');

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: Time ran out during sts:GetCallerIdentity: ${RAN_OUT}\n`);
    expect(result.stdout).toBe('');
    expect(result.ms).toBeGreaterThanOrEqual(ENDED_AFTER_THE_LIMIT.min);
    expect(result.ms).toBeLessThan(ENDED_AFTER_THE_LIMIT.max);
  });

  it("IAM: the account's row is an ERROR naming the time limit, exit 2", async () => {
    // The evidence's iam:ListOrganizationsFeatures holds the run until the limit.
    endpoint().stallService('iam');

    const result = await evaluate('--output', 'json');

    expect(result.code).toBe(2);
    expect(rowsOf(result)).toEqual([
      expect.objectContaining({
        accountId: MANAGEMENT,
        compliance: 'ERROR',
        error: `Time ran out before iam:GetAccountSummary: ${RAN_OUT}`,
      }),
    ]);
    expect(result.stderr).toBe(
      `note: centralized root access could not be read: Time ran out during iam:ListOrganizationsFeatures: ${RAN_OUT}\n` +
        `error: ${RAN_OUT} before every account was evaluated; 1 of 1 rows are errors (see each row)\n`,
    );
    expect(result.ms).toBeLessThan(ENDED_AFTER_THE_LIMIT.max);
  });

  it('Organizations, with --organization --assume-root: exit 2 naming the listing', async () => {
    endpoint().stallService('organizations');

    const result = await evaluate('--organization', '--assume-root', '--output', 'json');

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: Time ran out during organizations:ListRoots: ${RAN_OUT}\n`);
    expect(result.ms).toBeGreaterThanOrEqual(ENDED_AFTER_THE_LIMIT.min);
    expect(result.ms).toBeLessThan(ENDED_AFTER_THE_LIMIT.max);
  });

  it('STS AssumeRoot, with --organization --assume-root: the members are ERROR rows, the rest is evaluated', async () => {
    endpoint().setDefault('sts', 'AssumeRoot', () => stall());

    const result = await evaluate('--organization', '--assume-root', '--output', 'json');

    expect(result.code).toBe(2);
    const rows = rowsOf(result);
    expect(rows.map((row) => [row.accountId, row.compliance])).toEqual([
      [MANAGEMENT, 'COMPLIANT'],
      ...MEMBERS.map((id) => [id, 'ERROR']),
    ]);
    for (const row of rows.slice(1)) {
      expect(row.error).toBe(`Time ran out during sts:AssumeRoot: ${RAN_OUT}`);
    }
    expect(result.stderr).toContain(
      `error: ${RAN_OUT} before every account was evaluated; 4 of 5 rows are errors`,
    );
    expect(result.ms).toBeGreaterThanOrEqual(ENDED_AFTER_THE_LIMIT.min);
    expect(result.ms).toBeLessThan(ENDED_AFTER_THE_LIMIT.max);
  });

  it('STS AssumeRole, with --organization --role-name: the members are ERROR rows', async () => {
    endpoint().setDefault('sts', 'AssumeRole', () => stall());

    const result = await evaluate('--organization', '--role-name', ROLE, '--output', 'json');

    expect(result.code).toBe(2);
    const members = rowsOf(result).slice(1);
    expect(members.map((row) => row.error)).toEqual(
      MEMBERS.map(() => `Time ran out during sts:AssumeRole: ${RAN_OUT}`),
    );
    expect(result.ms).toBeLessThan(ENDED_AFTER_THE_LIMIT.max);
  });

  it('IAM, with --organization --assume-root: root sessions cannot be checked, exit 2 naming the time limit', async () => {
    endpoint().stallService('iam');

    const result = await evaluate('--organization', '--assume-root', '--output', 'json');

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `error: Root sessions cannot be opened: centralized root access could not be read (Time ran out during iam:ListOrganizationsFeatures: ${RAN_OUT})\n`,
    );
    expect(result.ms).toBeLessThan(ENDED_AFTER_THE_LIMIT.max);
  });
});

describe('evaluate when one call never answers', () => {
  it('IAM GetAccountSummary: the call under way is ended at the limit', async () => {
    endpoint().setDefault('iam', 'GetAccountSummary', () => stall());

    const result = await evaluate('--output', 'json');

    expect(result.code).toBe(2);
    expect(rowsOf(result)[0]?.error).toBe(`Time ran out during iam:GetAccountSummary: ${RAN_OUT}`);
    expect(result.ms).toBeGreaterThanOrEqual(ENDED_AFTER_THE_LIMIT.min);
    expect(result.ms).toBeLessThan(ENDED_AFTER_THE_LIMIT.max);
  });
});

describe('evaluate within its time limit', () => {
  it('ends as usual when every service answers', async () => {
    const result = await evaluate('--organization', '--assume-root', '--output', 'json');

    expect(result.code).toBe(1);
    expect(rowsOf(result)).toHaveLength(5);
    expect(result.stderr).toBe('');
    expect(result.ms).toBeLessThan(ENDED_AFTER_THE_LIMIT.min);
  });
});
