import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's name, by which its root directory is found. */
export const PACKAGE_NAME = 'root-access-key-rule';

/**
 * Where the prebuilt handler bundle lives, relative to the package root:
 * `npm run build` writes it, the package ships it, and every
 * `RootAccessKeyFunction` (this repository's app and any consumer's) deploys it.
 */
export const HANDLER_ASSET_PATH = 'dist/lambda/handler';

/** The bundle's file, in {@link HANDLER_ASSET_PATH}. */
export const HANDLER_FILE = 'index.js';

/** The Lambda `Handler` of the bundle: the `handler` export of `index.js`. */
export const HANDLER_NAME = 'index.handler';

/**
 * The package root: the nearest directory above this module whose
 * package.json is this package's, both in a clone (sources under `infra/`)
 * and installed (compiled under `dist/lib/infra/`).
 *
 * @throws Error when no such directory exists
 */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readName(manifest) === PACKAGE_NAME) return dir;
    if (dirname(dir) === dir) {
      throw new Error(`No package.json of ${PACKAGE_NAME} above ${from}`);
    }
  }
}

function readName(manifest: string): unknown {
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
}

/**
 * The directory of the prebuilt handler bundle, ready to deploy as a Lambda asset.
 *
 * @throws Error when the bundle is missing (in a clone: `npm run build` makes it)
 */
export function handlerAssetDirectory(): string {
  const directory = join(packageRoot(), HANDLER_ASSET_PATH);
  if (!existsSync(join(directory, HANDLER_FILE))) {
    throw new Error(
      `The rule's prebuilt Lambda handler is missing: ${join(directory, HANDLER_FILE)} does not exist; in a clone of ${PACKAGE_NAME}, run npm run build (the published package ships it)`,
    );
  }
  return directory;
}
