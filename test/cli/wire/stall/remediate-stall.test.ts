import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceName } from '../../../../tools/aws-endpoint/index.js';
import { stall } from '../../../../tools/aws-endpoint/index.js';
import {
  ENDED_AFTER_THE_LIMIT,
  MEMBERS,
  RAN_OUT,
  rowsOf,
  stallEndpoint,
  TIMEOUT,
  timedRun,
} from './stall-fixture.js';

/**
 * `remediate --organization` against an endpoint that accepts a service's
 * connections and never answers: it ends at its `--timeout` with exit 2 and
 * a message saying what ran out, and its audit log is written and closed.
 */
const { endpoint } = stallEndpoint();
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'remediate-stall-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const logPath = () => join(dir, 'audit.jsonl');
const remediate = (...argv: string[]) =>
  timedRun(endpoint(), [
    'remediate',
    '--organization',
    '--timeout',
    TIMEOUT,
    '--audit-log',
    logPath(),
    '--output',
    'json',
    ...argv,
  ]);

/** The audit log's events, and the text of all its lines. */
function auditLog(): { events: string[]; text: string } {
  const text = readFileSync(logPath(), 'utf8');
  const lines = text.trimEnd().split('\n');
  return { events: lines.map((line) => (JSON.parse(line) as { event: string }).event), text };
}

/** The log's last line closes the run (not a run cut off after it started). */
function expectClosedLog(): void {
  expect(existsSync(logPath())).toBe(true);
  const { events, text } = auditLog();
  expect(events.at(-1)).toMatch(/^run-(finished|refused|stopped|failed)$/);
  expect(text).toContain('--timeout 3s');
}

describe('remediate --organization when a service never answers', () => {
  it('STS AssumeRoot: FAILED rows naming the time limit, exit 2, the log closed', async () => {
    endpoint().setDefault('sts', 'AssumeRoot', () => stall());

    const result = await remediate();

    expect(result.code).toBe(2);
    const failed = rowsOf(result).filter((row) => MEMBERS.includes(row.accountId as string));
    expect(failed).toHaveLength(MEMBERS.length);
    for (const row of failed) {
      expect(row.action).toBe('FAILED');
      expect(JSON.stringify(row)).toContain(`Time ran out during sts:AssumeRoot: ${RAN_OUT}`);
    }
    expect(result.stderr).toContain(`error: ${RAN_OUT}`);
    expect(result.ms).toBeGreaterThanOrEqual(ENDED_AFTER_THE_LIMIT.min);
    expect(result.ms).toBeLessThan(ENDED_AFTER_THE_LIMIT.max);
    expectClosedLog();
  });

  it.each<[ServiceName, string]>([
    ['sts', 'sts:GetCallerIdentity'],
    ['iam', 'iam:ListOrganizationsFeatures'],
    ['organizations', 'organizations:ListRoots'],
  ])('%s: exit 2 naming %s and the time limit, the log closed', async (service, call) => {
    endpoint().stallService(service);

    const result = await remediate();

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Time ran out during ${call}: ${RAN_OUT}`);
    expect(result.ms).toBeGreaterThanOrEqual(ENDED_AFTER_THE_LIMIT.min);
    expect(result.ms).toBeLessThan(ENDED_AFTER_THE_LIMIT.max);
    expectClosedLog();
  });
});
