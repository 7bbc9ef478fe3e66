/** A stream the tool writes to: `process.stdout`, `process.stderr` or a test double. */
export interface OutputStream {
  write(chunk: string): unknown;
  /** True when the stream is a terminal. */
  readonly isTTY?: boolean;
  /** Terminal width, when a terminal. */
  readonly columns?: number;
}

/** A stream the tool reads answers from: `process.stdin` or a test double. */
export interface InputStream extends AsyncIterable<string | Uint8Array> {
  /** True when the stream is a terminal. */
  readonly isTTY?: boolean;
}

/**
 * Where the tool writes (results to `stdout`, messages and progress to
 * `stderr`) and reads a confirmation from (`stdin`).
 */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Read only to confirm a change on a terminal. @default none: never asked */
  readonly stdin?: InputStream;
}

/** The process's own streams. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
}
