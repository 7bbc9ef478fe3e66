import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, which `.ci/run` installs with apt-get. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, offline, no sandbox (root in CI), nothing phoning home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

/**
 * Launches Debian's Chromium with playwright-core, for tests and the bench
 * that open the HTML output as a person would.
 *
 * @param executablePath @default {@link CHROMIUM_PATH}
 * @throws Error naming the missing browser and how to install it; never skips
 */
export async function launchChromium(executablePath: string = CHROMIUM_PATH): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium is not installed at ${executablePath}: the HTML output is tested in a real browser. Install it with "apt-get install -y chromium" (.ci/run does).`,
    );
  }
  return chromium.launch({
    executablePath,
    args: [...CHROMIUM_ARGS],
    headless: true,
  });
}
