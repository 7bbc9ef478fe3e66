import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_NAME, packageRoot } from '../../definition/package-root.js';

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
