import {
  fsyncSync,
  ftruncateSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AuditLog,
  AuditLogError,
  type AuditLogFileSystem,
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

  it('writes the rest of a line after a short write: whole lines only', () => {
    const path = join(dir, 'short.jsonl');
    const short: AuditLogFileSystem = {
      writeSync: (fd, buffer, offset, length) =>
        writeSync(fd, buffer, offset, Math.min(length, 10)),
      fsyncSync,
      ftruncateSync,
    };
    const log = new AuditLog(path, context, () => new Date(), short);
    expect(log.write({ event: 'intent', accessKeyId: 'AKIA1' })).toBe(true);
    log.close();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ event: 'intent' });
  });

  it.each([
    [
      'throws ENOSPC',
      () => {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
        });
      },
      /could not be written \(Error: ENOSPC: no space left on device, write\)/,
    ],
    ['writes nothing', () => 0, /could not be written \(Error: wrote 0 of \d+ bytes\)/],
  ])(
    'breaks at the first write that fails (%s): says why, and attempts no further line',
    (_, fail, why) => {
      const path = join(dir, 'failing.jsonl');
      let writes = 0;
      const failing: AuditLogFileSystem = {
        writeSync: (fd, buffer, offset, length) => {
          writes++;
          return writes === 3 ? fail() : writeSync(fd, buffer, offset, length);
        },
        fsyncSync,
        ftruncateSync,
      };
      const log = new AuditLog(path, context, () => new Date(), failing);
      expect(log.write({ event: 'one' })).toBe(true);
      expect(log.write({ event: 'two' })).toBe(true);
      expect(log.failure).toBeUndefined();
      expect(log.write({ event: 'three' })).toBe(false);
      expect(log.failure).toMatch(why);
      expect(log.write({ event: 'four' })).toBe(false);
      expect(writes).toBe(3);
      log.close();
      expect(
        readFileSync(path, 'utf8')
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line).event),
      ).toEqual(['one', 'two']);
    },
  );

  it('takes back a line written in part before the disk filled: whole lines only', () => {
    const path = join(dir, 'partial.jsonl');
    let writes = 0;
    const log = new AuditLog(path, context, () => new Date(), {
      writeSync: (fd, buffer, offset, length) => {
        writes++;
        if (writes === 2) return writeSync(fd, buffer, offset, Math.min(length, 7));
        if (writes === 3)
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
            code: 'ENOSPC',
          });
        return writeSync(fd, buffer, offset, length);
      },
      fsyncSync,
      ftruncateSync,
    });
    expect(log.write({ event: 'one' })).toBe(true);
    expect(log.write({ event: 'two' })).toBe(false);
    log.close();
    const text = readFileSync(path, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(
      text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).event),
    ).toEqual(['one']);
  });

  it('breaks when fsync fails: a line not on disk is not written', () => {
    const log = new AuditLog(join(dir, 'nosync.jsonl'), context, () => new Date(), {
      writeSync: (fd, buffer, offset, length) => writeSync(fd, buffer, offset, length),
      fsyncSync: () => {
        throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
      },
      ftruncateSync,
    });
    expect(log.write({ event: 'one' })).toBe(false);
    expect(log.failure).toContain('EIO');
    log.close();
  });
});
