import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_NAME, packageRoot } from '../../definition/package-root.js';
import { HANDLER_FILE } from '../constructs/handler-asset.js';

/**
 * Where the prebuilt alert function bundle lives, relative to the package
 * root: `npm run build` writes it, the package ships it, and every
 * `RootKeyAlertFunction` deploys it.
 */
export const ALERT_ASSET_PATH = 'dist/lambda/alert';

/**
 * The directory of the prebuilt alert function bundle, ready to deploy as a Lambda asset.
 *
 * @throws Error when the bundle is missing (in a clone: `npm run build` makes it)
 */
export function alertAssetDirectory(): string {
  const directory = join(packageRoot(), ALERT_ASSET_PATH);
  if (!existsSync(join(directory, HANDLER_FILE))) {
    throw new Error(
      `The alert function's prebuilt Lambda handler is missing: ${join(directory, HANDLER_FILE)} does not exist; in a clone of ${PACKAGE_NAME}, run npm run build (the published package ships it)`,
    );
  }
  return directory;
}
