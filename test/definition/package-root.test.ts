import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageManifest, packageRoot } from '../../definition/package-root.js';

describe('packageRoot', () => {
  it('finds the directory whose package.json is this package, from anywhere below it', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
    expect(packageRoot()).toBe(root);
    expect(packageRoot(join(root, 'dist/cli/chunks'))).toBe(root);
    expect(packageManifest().name).toBe('root-access-key-rule');
  });

  it('says so when no such directory exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nowhere-'));
    try {
      expect(() => packageRoot(dir)).toThrow(
        `No package.json of root-access-key-rule above ${dir}`,
      );
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
