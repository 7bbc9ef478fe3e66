import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CHROMIUM_ARGS,
  ChromiumSource,
  findInstalledChromium,
  launchChromium,
  PACKAGED_PLATFORM,
  packagedChromiumDir,
  resolveChromium,
  unpackPackagedChromium,
} from '../../../tools/chromium/launch.js';

const files =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe('findInstalledChromium', () => {
  it('takes CHROMIUM_PATH first, even when a system browser exists', () => {
    expect(
      findInstalledChromium({
        env: { CHROMIUM_PATH: '/opt/chrome/chrome', PATH: '/usr/bin' },
        isFile: files('/opt/chrome/chrome', '/usr/bin/chromium'),
      }),
    ).toEqual({
      source: 'CHROMIUM_PATH',
      executablePath: '/opt/chrome/chrome',
      args: CHROMIUM_ARGS,
    });
  });

  it('refuses a CHROMIUM_PATH that is not a file instead of using another browser', () => {
    expect(() =>
      findInstalledChromium({
        env: { CHROMIUM_PATH: '/nonexistent/chromium', PATH: '/usr/bin' },
        isFile: files('/usr/bin/chromium'),
      }),
    ).toThrow(
      'CHROMIUM_PATH is /nonexistent/chromium, which is not a file: expected the path of a Chromium or Chrome executable (or leave CHROMIUM_PATH unset to use a system browser or the one in @sparticuz/chromium).',
    );
  });

  it('finds a system Chromium or Chrome on the PATH, in PATH order', () => {
    expect(
      findInstalledChromium({
        env: { PATH: '/usr/local/bin:/usr/bin' },
        isFile: files('/usr/bin/chromium', '/usr/local/bin/google-chrome'),
      }),
    ).toEqual({
      source: 'system',
      executablePath: '/usr/local/bin/google-chrome',
      args: CHROMIUM_ARGS,
    });
  });

  it("finds macOS's Google Chrome outside the PATH", () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findInstalledChromium({ env: { PATH: '/usr/bin' }, isFile: files(chrome) })).toEqual({
      source: 'system',
      executablePath: chrome,
      args: CHROMIUM_ARGS,
    });
  });

  it('finds nothing on a bare machine (then the packaged browser is used)', () => {
    expect(
      findInstalledChromium({ env: { PATH: '/usr/bin:/bin', CHROMIUM_PATH: '' }, isFile: files() }),
    ).toBeUndefined();
  });
});

describe('launchChromium', () => {
  it('fails, naming the browser and the ways to get one, when it is missing', async () => {
    await expect(
      launchChromium({ source: 'system', executablePath: '/nonexistent/chromium', args: [] }),
    ).rejects.toThrow(
      'Chromium (system) is not at /nonexistent/chromium: the HTML output is tested in a real browser. Set CHROMIUM_PATH, install Chromium or Chrome, or run "npm ci" to install @sparticuz/chromium.',
    );
  });

  it('refuses to unpack the packaged Chromium on a platform it was not built for', async () => {
    await expect(unpackPackagedChromium('darwin-arm64')).rejects.toThrow(
      '@sparticuz/chromium ships Chromium for linux-x64 only, and this is darwin-arm64: set CHROMIUM_PATH to a Chromium or Chrome, or install one.',
    );
  });

  it('unpacks the Chromium of @sparticuz/chromium once, into node_modules/.cache, and launches it headless (Linux x64; elsewhere it refuses)', async () => {
    const platform = `${process.platform}-${process.arch}`;
    if (platform !== PACKAGED_PLATFORM) {
      await expect(unpackPackagedChromium()).rejects.toThrow(`this is ${platform}`);
      return;
    }
    const packaged = await unpackPackagedChromium();
    expect(packaged.source).toBe(ChromiumSource.Package);
    expect(packaged.executablePath).toBe(`${packagedChromiumDir()}/chromium`);
    expect(existsSync(packaged.executablePath)).toBe(true);
    expect(await unpackPackagedChromium()).toEqual(packaged);
    const browser = await launchChromium(packaged);
    try {
      expect(browser.version()).toMatch(/^\d+\./);
      const page = await browser.newPage();
      await page.setContent('<p id="p">headless</p>');
      expect(await page.textContent('#p')).toBe('headless');
    } finally {
      await browser.close();
    }
  });

  it('launches the browser it resolves on this machine', async () => {
    const resolved = await resolveChromium();
    expect(Object.values(ChromiumSource)).toContain(resolved.source);
    const browser = await launchChromium(resolved);
    try {
      expect(browser.version()).toMatch(/^\d+\./);
    } finally {
      await browser.close();
    }
  });
});
