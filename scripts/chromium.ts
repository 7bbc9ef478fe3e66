/**
 * Prints the browser the HTML tests, the bench and the docs' screenshot use
 * (CHROMIUM_PATH, a system Chromium or Chrome, or @sparticuz/chromium's,
 * unpacked here once) and its version. Exit 1 when none can be launched.
 */
import { launchChromium, resolveChromium } from '../tools/chromium/launch.js';

const resolved = await resolveChromium();
const browser = await launchChromium(resolved);
try {
  process.stdout.write(
    `chromium: ${browser.version()} from ${resolved.source} (${resolved.executablePath})\n`,
  );
} finally {
  await browser.close();
}
