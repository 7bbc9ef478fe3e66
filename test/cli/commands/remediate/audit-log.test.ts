import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AuditLog,
  AuditLogError,
  defaultAuditLogPath,
} from '../../../../cli/src/commands/remediate/audit-log.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'audit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const context = { callerArn: 'arn:aws:iam::111111111111:role/admin', mode: 'apply' as const };

describe('AuditLog', () => {
  it('writes one JSON object a line, each with the time, the run id, the caller and the mode', () => {
    const path = join(dir, 'log.jsonl');
    const log = new AuditLog(path, context, () => new Date('2026-12-01T12:00:00Z'));
    log.write({
      event: 'delete',
      account: '222222222222',
      accessKeyId: 'AKIA1',
      outcome: 'deleted',
      reason: undefined,
    });
    log.write({ event: 'run-finished' });
    log.close();
    const lines = readFileSync(path, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      {
        time: '2026-12-01T12:00:00.000Z',
        runId: log.runId,
        ...context,
        event: 'delete',
        account: '222222222222',
        accessKeyId: 'AKIA1',
        outcome: 'deleted',
      },
      { time: '2026-12-01T12:00:00.000Z', runId: log.runId, ...context, event: 'run-finished' },
    ]);
    expect(log.runId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never overwrites a file, and says why it cannot create one', () => {
    const path = join(dir, 'kept.jsonl');
    writeFileSync(path, 'kept\n');
    expect(() => new AuditLog(path, context)).toThrow(AuditLogError);
    expect(() => new AuditLog(path, context)).toThrow(/exists already; it is never overwritten/);
    expect(readFileSync(path, 'utf8')).toBe('kept\n');
    expect(() => new AuditLog(join(dir, 'missing', 'log.jsonl'), context)).toThrow(
      /cannot be created \(ENOENT\)/,
    );
  });

  it('names a default file after the time, without characters file systems refuse', () => {
    expect(defaultAuditLogPath(new Date('2026-12-01T12:34:56.789Z'))).toBe(
      'root-access-key-rule-remediate-2026-12-01T12-34-56-789Z.jsonl',
    );
  });
});
