import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's name, by which its root directory is found. */
export const PACKAGE_NAME = 'root-access-key-rule';

/** The fields of the package's package.json that the project reads. */
export interface PackageManifest {
  readonly name: string;
  readonly version: string;
}

/**
 * The package root: the nearest directory above `from` whose package.json is
 * this package's, wherever the code runs: sources in a clone, compiled or
 * bundled files under `dist/`, or an installed copy in `node_modules`.
 *
 * @param from where to start @default the directory of this module
 * @throws Error when no such directory exists
 */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = readManifest(dir);
    if (manifest?.name === PACKAGE_NAME) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json of ${PACKAGE_NAME} above ${from}`);
  }
}

/** The package's own package.json. */
export function packageManifest(): PackageManifest {
  const manifest = readManifest(packageRoot());
  if (manifest === undefined) throw new Error(`The package.json of ${PACKAGE_NAME} is unreadable`);
  return manifest;
}

function readManifest(dir: string): PackageManifest | undefined {
  const file = join(dir, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PackageManifest) : undefined;
}
