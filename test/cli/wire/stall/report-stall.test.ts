import { describe, expect, it } from 'vitest';
import { stall } from '../../../../tools/aws-endpoint/index.js';
import {
  AGGREGATOR,
  ENDED_AFTER_THE_LIMIT,
  MEMBERS,
  RAN_OUT,
  rowsOf,
  stallEndpoint,
  TIMEOUT,
  timedRun,
} from './stall-fixture.js';

/**
 * `report` against an endpoint that accepts a service's connections and
 * never answers: it ends at its `--timeout` with exit 2 and a message saying
 * what ran out, and prints the rows it has.
 */
const { endpoint } = stallEndpoint();

const report = (...argv: string[]) =>
  timedRun(endpoint(), [
    'report',
    '--aggregator',
    AGGREGATOR,
    '--timeout',
    TIMEOUT,
    '--output',
    'json',
    ...argv,
  ]);

describe('report when a service never answers', () => {
  it('Config: exit 2 naming the aggregator listing and the time limit, nothing printed', async () => {
    endpoint().stallService('config');

    const result = await report();

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `error: Time ran out during config:DescribeAggregateComplianceByConfigRules: ${RAN_OUT}\n`,
    );
    expect(result.stdout).toBe('');
    expect(result.ms).toBeGreaterThanOrEqual(ENDED_AFTER_THE_LIMIT.min);
    expect(result.ms).toBeLessThan(ENDED_AFTER_THE_LIMIT.max);
  });

  it("Config's detail reads: each account's row is an ERROR naming the time limit", async () => {
    endpoint().setDefault('config', 'GetAggregateComplianceDetailsByConfigRule', () => stall());

    const result = await report();

    expect(result.code).toBe(2);
    const members = rowsOf(result).filter((row) => MEMBERS.includes(row.accountId as string));
    expect(members.map((row) => [row.compliance, row.error])).toEqual(
      MEMBERS.map(() => [
        'ERROR',
        `Time ran out during config:GetAggregateComplianceDetailsByConfigRule: ${RAN_OUT}`,
      ]),
    );
    expect(result.stderr).toContain(`error: ${RAN_OUT} before every account was read;`);
    expect(result.ms).toBeGreaterThanOrEqual(ENDED_AFTER_THE_LIMIT.min);
    expect(result.ms).toBeLessThan(ENDED_AFTER_THE_LIMIT.max);
  });

  it('Organizations: the results are printed without coverage, exit 2 naming the time limit', async () => {
    endpoint().stallService('organizations');

    const result = await report();

    expect(result.code).toBe(2);
    expect(rowsOf(result).map((row) => [row.accountId, row.compliance])).toEqual(
      MEMBERS.map((id) => [id, 'COMPLIANT']),
    );
    expect(result.stderr).toContain(`organizations:ListRoots: ${RAN_OUT}`);
    expect(result.stderr).toContain(`error: ${RAN_OUT} before every account was read;`);
    expect(result.ms).toBeGreaterThanOrEqual(ENDED_AFTER_THE_LIMIT.min);
    expect(result.ms).toBeLessThan(ENDED_AFTER_THE_LIMIT.max);
  });

  it('STS: exit 2 naming the caller identity call and the time limit', async () => {
    endpoint().stallService('sts');

    const result = await report();

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: Time ran out during sts:GetCallerIdentity: ${RAN_OUT}\n`);
    expect(result.ms).toBeLessThan(ENDED_AFTER_THE_LIMIT.max);
  });

  it('IAM: the results are printed, the root access state says what ran out, exit 2', async () => {
    endpoint().stallService('iam');

    const result = await report('--output', 'table');

    expect(result.code).toBe(2);
    expect(result.stdout).toContain(
      `Centralized root access: not readable: Time ran out during iam:ListOrganizationsFeatures: ${RAN_OUT}\n`,
    );
    expect(result.stderr).toContain(`error: ${RAN_OUT} before every account was read;`);
    expect(result.ms).toBeLessThan(ENDED_AFTER_THE_LIMIT.max);
  });
});
