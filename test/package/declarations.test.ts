import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { types: string }>;
};

/** Every package a declaration file reaches names, following its relative imports. */
function packagesReached(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [join(ROOT, entry)];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    for (const [, specifier = ''] of text.matchAll(/(?:from|import\()\s*'([^']+)'/g)) {
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier.replace(/\.js$/, '.d.ts'));
        queue.push(existsSync(target) ? target : target.replace(/\.d\.ts$/, '/index.d.ts'));
      } else {
        packages.add(
          specifier
            .split('/')
            .slice(0, specifier.startsWith('@') ? 2 : 1)
            .join('/'),
        );
      }
    }
  }
  return packages;
}

const typesOf = (subpath: string) => {
  const entry = manifest.exports[subpath];
  return typeof entry === 'string' ? entry : (entry?.types ?? '');
};

describe('the declarations of each entry point (built by npm run build)', () => {
  it.each([
    ['.', ['aws-cdk-lib', 'constructs', 'yaml']],
    ['./definition', ['yaml']],
    ['./pack-template', ['yaml']],
    ['./rule', ['@aws-sdk/client-iam']],
    ['./cli', []],
  ])('%s needs no package but its documented ones (%j)', (subpath, allowed) => {
    const reached = [...packagesReached(typesOf(subpath))].filter(
      (name) => !name.startsWith('node:'),
    );
    expect(reached.filter((name) => !allowed.includes(name))).toEqual([]);
  });
});
