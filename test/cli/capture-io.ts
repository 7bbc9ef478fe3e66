import type { CliIo, OutputStream } from '../../cli/src/io.js';
import { runCli } from '../../cli/src/main.js';

/** A stream that keeps what is written. */
export interface CapturedStream extends OutputStream {
  readonly text: () => string;
}

function captured(isTTY: boolean): CapturedStream {
  const chunks: string[] = [];
  return {
    isTTY,
    columns: 120,
    write: (chunk: string) => {
      chunks.push(chunk);
      return true;
    },
    text: () => chunks.join(''),
  };
}

/** Streams for an in-process run; `tty` makes them look like a terminal. */
export function captureIo(tty = { stdout: false, stderr: false }): CliIo & {
  readonly stdout: CapturedStream;
  readonly stderr: CapturedStream;
} {
  return { stdout: captured(tty.stdout), stderr: captured(tty.stderr) };
}

/** What an in-process run printed and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the tool in-process with captured streams. */
export async function run(
  argv: readonly string[],
  tty = { stdout: false, stderr: false },
): Promise<CliRun> {
  const io = captureIo(tty);
  const code = await runCli(argv, io);
  return { code, stdout: io.stdout.text(), stderr: io.stderr.text() };
}
