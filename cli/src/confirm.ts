import type { CliIo } from './io.js';

/** Whether the user can be asked: both stdin and stderr are terminals. */
export function canAsk(io: CliIo): boolean {
  return io.stdin?.isTTY === true && io.stderr.isTTY === true;
}

/**
 * Asks `question` on stderr and reads one line from stdin: only `yes` (any
 * case, `y` too) confirms; anything else, or the end of input, declines.
 */
export async function confirm(io: CliIo, question: string): Promise<boolean> {
  if (io.stdin === undefined) return false;
  io.stderr.write(`${question} [yes/no] `);
  let answer = '';
  for await (const chunk of io.stdin) {
    answer += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (answer.includes('\n')) break;
  }
  return /^\s*y(es)?\s*$/i.test(answer.split('\n')[0] ?? '');
}
