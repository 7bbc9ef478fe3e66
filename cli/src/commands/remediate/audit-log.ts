import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { CliError, describeError } from '../../errors.js';

/** The audit log cannot be created where asked (it exists, or the place is not writable). */
export class AuditLogError extends CliError {}

/** What every line of the audit log carries, besides its own fields. */
export interface AuditContext {
  /**
   * Who ran the tool (its ARN); absent on the lines written before the caller
   * was known (see {@link AuditLog.identify}).
   */
  readonly callerArn?: string;
  /** `dry-run` or `apply`. */
  readonly mode: 'dry-run' | 'apply';
}

/** One event of a run, in the fields the log keeps (undefined fields are left out). */
export interface AuditEvent {
  /** What happened: `run-started`, `session-opened`, `keys-listed`, `planned`, `delete`, `verified`, … */
  readonly event: string;
  readonly account?: string | undefined;
  /** The task policy's ARN of the root session involved. */
  readonly taskPolicy?: string | undefined;
  /** The AssumeRoot session's access key id: CloudTrail records the session's actions under it. */
  readonly sessionAccessKeyId?: string | undefined;
  /** The root access key concerned. */
  readonly accessKeyId?: string | undefined;
  /** The remediation action (WOULD_DELETE, DELETED, …) or the call made. */
  readonly action?: string | undefined;
  /** `ok`, `failed`, `deleted`, `already-gone`, … */
  readonly outcome?: string | undefined;
  readonly reason?: string | undefined;
  readonly [field: string]: unknown;
}

/** The file calls the log makes; tests replace them to fail at a chosen write. */
export interface AuditLogFileSystem {
  /** Writes bytes at the file's end; returns how many were written. */
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  /** Cuts the file back to `length` bytes (a line written in part is taken back). */
  ftruncateSync(fd: number, length: number): void;
}

const NODE_FILE_SYSTEM: AuditLogFileSystem = {
  writeSync: (fd, buffer, offset, length) => writeSync(fd, buffer, offset, length),
  fsyncSync: (fd) => fsyncSync(fd),
  ftruncateSync: (fd, length) => ftruncateSync(fd, length),
};

/** The default file name of a run's audit log: never the same twice, in the working directory. */
export function defaultAuditLogPath(now: Date): string {
  return `root-access-key-rule-remediate-${now.toISOString().replace(/[:.]/g, '-')}.jsonl`;
}

/**
 * The audit trail of a remediation run: JSON Lines, one event a line, each
 * written whole and flushed to disk at once (a run that dies half-way still
 * leaves its trail). The file is created new; an existing file is never
 * overwritten. Every write is checked: once one fails (a full disk, a short
 * write), the log is broken, {@link AuditLog.write} says so by returning
 * false, and no further line is attempted; the caller must stop changing
 * anything it could no longer record.
 */
export class AuditLog {
  /** The run's id, on every line. */
  readonly runId = randomUUID();
  private readonly fd: number;
  private failureReason: string | undefined;
  /** Bytes of whole lines on disk. */
  private size = 0;
  private callerArn: string | undefined;

  /**
   * @throws AuditLogError when the file exists or cannot be created
   */
  constructor(
    readonly path: string,
    private readonly context: AuditContext,
    private readonly now: () => Date = () => new Date(),
    private readonly fs: AuditLogFileSystem = NODE_FILE_SYSTEM,
  ) {
    this.callerArn = context.callerArn;
    try {
      this.fd = openSync(path, 'wx', 0o600);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new AuditLogError(
        code === 'EEXIST'
          ? `The audit log ${path} exists already; it is never overwritten: give another --audit-log, or leave it out for a new file name`
          : `The audit log ${path} cannot be created (${code ?? String(error)}); give a writable path with --audit-log`,
        { cause: error },
      );
    }
  }

  /**
   * Appends one event, whole, and flushes it to disk. Returns true when the
   * line is on disk; false when it could not be (or the log broke before):
   * then {@link AuditLog.failure} says why.
   */
  write(event: AuditEvent): boolean {
    if (this.failureReason !== undefined) return false;
    const line = {
      time: this.now().toISOString(),
      runId: this.runId,
      ...(this.callerArn === undefined ? {} : { callerArn: this.callerArn }),
      mode: this.context.mode,
      ...event,
    };
    const bytes = Buffer.from(`${JSON.stringify(line)}\n`, 'utf8');
    try {
      let written = 0;
      while (written < bytes.length) {
        const count = this.fs.writeSync(this.fd, bytes, written, bytes.length - written);
        if (count <= 0) throw new Error(`wrote ${written} of ${bytes.length} bytes`);
        written += count;
      }
      this.fs.fsyncSync(this.fd);
      this.size += bytes.length;
      return true;
    } catch (error) {
      this.failureReason = `the audit log ${this.path} could not be written (${describeError(error)})`;
      this.takeBackPartialLine();
      return false;
    }
  }

  /** A line written in part would read as a corrupt record: the file goes back to its whole lines. */
  private takeBackPartialLine(): void {
    try {
      this.fs.ftruncateSync(this.fd, this.size);
      this.fs.fsyncSync(this.fd);
    } catch {
      // The failure is already recorded; a log that cannot even be cut stays as it is.
    }
  }

  /**
   * Names the caller on every line from now on: the log is opened before the
   * caller is known, so that a run that cannot even identify it (a stalled
   * or refused STS) still leaves its record.
   */
  identify(callerArn: string): void {
    this.callerArn = callerArn;
  }

  /** Why the log broke, or undefined while every line was written. */
  get failure(): string | undefined {
    return this.failureReason;
  }

  /** Closes the file (a failure to close breaks the log, as a write would). */
  close(): void {
    try {
      closeSync(this.fd);
    } catch (error) {
      this.failureReason ??= `the audit log ${this.path} could not be closed (${describeError(error)})`;
    }
  }
}
