import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph } from '../support/import-graph.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The product code: what the package ships or builds from. */
const PRODUCT_DIRS = ['definition', 'aws', 'rule', 'detection', 'infra', 'cli'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('import cycles', () => {
  it('finds a cycle of two modules, and none in a chain', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['a']],
      ['c', ['a']],
    ]);
    expect(cycles(graph)).toEqual([['b', 'a']]);
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('exist nowhere in the product code (type-only and dynamic imports included)', () => {
    const files = PRODUCT_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(100);
    const found = cycles(importGraph(files)).map((component) =>
      component.map((file) => relative(ROOT, file)).sort(),
    );
    expect(found).toEqual([]);
  });
});
