import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Bytes of every file under `dir` (what a directory weighs on disk, roughly). */
export function directoryBytes(dir: string): number {
  return readdirSync(dir, { recursive: true })
    .map((name) => statSync(join(dir, String(name)), { throwIfNoEntry: false }))
    .filter((stats) => stats?.isFile() === true)
    .reduce((sum, stats) => sum + (stats?.size ?? 0), 0);
}
