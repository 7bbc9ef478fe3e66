import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { CliError } from '../../errors.js';

/** The audit log cannot be created where asked (it exists, or the place is not writable). */
export class AuditLogError extends CliError {}

/** What every line of the audit log carries, besides its own fields. */
export interface AuditContext {
  /** Who ran the tool (its ARN). */
  readonly callerArn: string;
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

/** The default file name of a run's audit log: never the same twice, in the working directory. */
export function defaultAuditLogPath(now: Date): string {
  return `root-access-key-rule-remediate-${now.toISOString().replace(/[:.]/g, '-')}.jsonl`;
}

/**
 * The audit trail of a remediation run: JSON Lines, one event a line, each
 * written and flushed at once (a run that dies half-way still leaves its trail).
 * The file is created new; an existing file is never overwritten.
 */
export class AuditLog {
  /** The run's id, on every line. */
  readonly runId = randomUUID();
  private readonly fd: number;

  /**
   * @throws AuditLogError when the file exists or cannot be created
   */
  constructor(
    readonly path: string,
    private readonly context: AuditContext,
    private readonly now: () => Date = () => new Date(),
  ) {
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

  /** Appends one event, flushed to disk. */
  write(event: AuditEvent): void {
    const line = {
      time: this.now().toISOString(),
      runId: this.runId,
      callerArn: this.context.callerArn,
      mode: this.context.mode,
      ...event,
    };
    writeSync(this.fd, `${JSON.stringify(line)}\n`);
    fsyncSync(this.fd);
  }

  /** Closes the file. */
  close(): void {
    closeSync(this.fd);
  }
}
