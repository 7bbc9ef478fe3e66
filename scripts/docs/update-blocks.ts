/**
 * Puts fresh transcripts into the docs: each ```text block that starts with
 * `$ root-access-key-rule <args>` (or `$ cat <file>` or `$ grep -E <pattern> <file>`: a file a run wrote) is
 * replaced by the transcript of the same command line. Blocks of commands not run are left as they are.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const BLOCK = /```text\n(\$ (?:root-access-key-rule|cat|grep) [^\n]*)\n[\s\S]*?```/g;

/** Rewrites `file` with the `transcripts` (keyed by their first line); returns the command lines replaced. */
export function updateBlocks(file: string, transcripts: ReadonlyMap<string, string>): string[] {
  const replaced: string[] = [];
  const text = readFileSync(file, 'utf8').replace(BLOCK, (block, command: string) => {
    const transcript = transcripts.get(command);
    if (transcript === undefined) return block;
    replaced.push(command);
    return `\`\`\`text\n${transcript}\`\`\``;
  });
  writeFileSync(file, text);
  return replaced;
}
