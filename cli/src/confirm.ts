import type { CliIo } from './io.js';

/**
 * Whether a person can be asked: stdin and stderr (where the plan and the
 * question are written) are both terminals. When either is redirected
 * (`--apply 2>err.txt`, `echo yes | …`), nobody would see the question or
 * nobody would type the answer, so nobody can be asked.
 */
export function canAsk(io: CliIo): boolean {
  return io.stdin?.isTTY === true && io.stderr.isTTY === true;
}

/** A person's answer to {@link confirm}. */
export interface Answer {
  /** True only for `y` or `yes` (any case). */
  readonly given: boolean;
  /** The first line typed, trimmed, or `(end of input)`. */
  readonly answer: string;
}

/**
 * Asks `question` on stderr and reads one line from stdin: only `yes` (any
 * case, `y` too) followed by Enter confirms; anything else, or the end of
 * input, declines.
 */
export async function confirm(io: CliIo, question: string): Promise<Answer> {
  if (io.stdin === undefined) return { given: false, answer: '(no input)' };
  io.stderr.write(`${question} [yes/no] `);
  let answer = '';
  let ended = true;
  for await (const chunk of io.stdin) {
    answer += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (answer.includes('\n')) {
      ended = false;
      break;
    }
  }
  // Input that ends before a whole line was typed is no answer, whatever it held.
  if (ended) return { given: false, answer: '(end of input)' };
  const line = (answer.split('\n')[0] ?? '').trim();
  return { given: /^y(es)?$/i.test(line), answer: line.slice(0, 40) };
}
