import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

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

/** Where a browser was found, in the order they are tried. */
export const ChromiumSource = {
  /** The `CHROMIUM_PATH` environment variable: a browser chosen by the user. */
  Env: 'CHROMIUM_PATH',
  /** A Chromium or Chrome installed on the machine (on the `PATH`, or macOS's app). */
  System: 'system',
  /** The Chromium inside the `@sparticuz/chromium` dev dependency, unpacked once. */
  Package: '@sparticuz/chromium',
} as const;
export type ChromiumSource = (typeof ChromiumSource)[keyof typeof ChromiumSource];

/** A browser to launch: where it is, where it came from, the flags it needs. */
export interface ChromiumBrowser {
  readonly source: ChromiumSource;
  readonly executablePath: string;
  readonly args: readonly string[];
}

/** Names a system Chromium or Chrome goes by on the `PATH`. */
export const SYSTEM_BROWSER_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome-stable',
  'google-chrome',
] as const;

/** Absolute paths tried after the `PATH` (macOS installs apps outside it). */
export const SYSTEM_BROWSER_PATHS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
] as const;

/** What {@link findInstalledChromium} may look at: injectable, so the order is testable. */
export interface ChromiumLookup {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isFile: (path: string) => boolean;
}

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/**
 * The browser chosen by `CHROMIUM_PATH`, else a system Chromium or Chrome;
 * `undefined` when neither exists (then the packaged one is used).
 *
 * @throws Error when `CHROMIUM_PATH` is set to a path that is not a file: a
 *   browser the user chose is never silently replaced by another
 * @example
 * findInstalledChromium({ env: process.env, isFile: (p) => existsSync(p) });
 */
export function findInstalledChromium(
  lookup: ChromiumLookup = { env: process.env, isFile },
): ChromiumBrowser | undefined {
  const chosen = lookup.env.CHROMIUM_PATH;
  if (chosen !== undefined && chosen !== '') {
    if (!lookup.isFile(chosen)) {
      throw new Error(
        `CHROMIUM_PATH is ${chosen}, which is not a file: expected the path of a Chromium or Chrome executable (or leave CHROMIUM_PATH unset to use a system browser or the one in @sparticuz/chromium).`,
      );
    }
    return { source: ChromiumSource.Env, executablePath: chosen, args: CHROMIUM_ARGS };
  }
  const dirs = (lookup.env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  const candidates = [
    ...dirs.flatMap((dir) => SYSTEM_BROWSER_NAMES.map((name) => join(dir, name))),
    ...SYSTEM_BROWSER_PATHS,
  ];
  const found = candidates.find((path) => lookup.isFile(path));
  return found === undefined
    ? undefined
    : { source: ChromiumSource.System, executablePath: found, args: CHROMIUM_ARGS };
}

const PACKAGE_DIR = fileURLToPath(
  new URL('../../node_modules/@sparticuz/chromium/', import.meta.url),
);
const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url));
/** The only platform whose Chromium `@sparticuz/chromium` ships. */
export const PACKAGED_PLATFORM = 'linux-x64';
/** A lock older than this is left over from a killed run (unpacking takes ~10 s). */
const STALE_LOCK_MS = 120_000;

/**
 * The directory `@sparticuz/chromium` is unpacked into, per version, under
 * `node_modules/.cache` (so `npm ci` starts afresh and nothing outlives the install).
 */
export function packagedChromiumDir(): string {
  const { version } = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
    version: string;
  };
  return join(CACHE_DIR, `sparticuz-chromium-${version}`);
}

/**
 * Unpacks the Chromium inside `@sparticuz/chromium` once (~10 s) and returns
 * it. The package unpacks into the temporary directory it reads at the call,
 * so the call is pointed at a staging directory that is renamed into place
 * when complete; a lock keeps parallel test workers from unpacking twice, and
 * an interrupted unpack never leaves a half-written browser behind.
 *
 * @param platform `<os>-<arch>` of this machine
 * @throws Error on any platform but Linux x64, the only one the package ships
 */
export async function unpackPackagedChromium(
  platform: string = `${process.platform}-${process.arch}`,
): Promise<ChromiumBrowser> {
  if (platform !== PACKAGED_PLATFORM) {
    throw new Error(
      `@sparticuz/chromium ships Chromium for ${PACKAGED_PLATFORM} only, and this is ${platform}: set CHROMIUM_PATH to a Chromium or Chrome, or install one.`,
    );
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  const dir = packagedChromiumDir();
  const executablePath = join(dir, 'chromium');
  const browser = { source: ChromiumSource.Package, executablePath, args: packaged.args };
  const lock = `${dir}.lock`;
  mkdirSync(CACHE_DIR, { recursive: true });
  for (;;) {
    if (existsSync(executablePath)) return browser;
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true });
      else await sleep(250);
    }
  }
  const staging = `${dir}.${process.pid}`;
  try {
    if (existsSync(executablePath)) return browser;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = staging;
    // Every path the package writes is computed before its first await.
    const unpacking = packaged.executablePath(join(PACKAGE_DIR, 'bin'));
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    await unpacking;
    renameSync(staging, dir);
    return browser;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The browser to test with: `CHROMIUM_PATH`, else a system Chromium or
 * Chrome, else the one `npm ci` installed with `@sparticuz/chromium`.
 */
export async function resolveChromium(): Promise<ChromiumBrowser> {
  return findInstalledChromium() ?? (await unpackPackagedChromium());
}

/**
 * Launches headless Chromium with playwright-core, for tests, the bench and
 * the docs' screenshot, which open the HTML output as a person would.
 *
 * @param browser @default the one {@link resolveChromium} finds
 * @throws Error naming the browser that cannot be used; never skips
 * @example
 * const browser = await launchChromium();
 * try { await (await browser.newPage()).goto(url); } finally { await browser.close(); }
 */
export async function launchChromium(browser?: ChromiumBrowser): Promise<Browser> {
  const { source, executablePath, args } = browser ?? (await resolveChromium());
  if (!isFile(executablePath)) {
    throw new Error(
      `Chromium (${source}) is not at ${executablePath}: the HTML output is tested in a real browser. Set CHROMIUM_PATH, install Chromium or Chrome, or run "npm ci" to install @sparticuz/chromium.`,
    );
  }
  return chromium.launch({ executablePath, args: [...args], headless: true });
}
