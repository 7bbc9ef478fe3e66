import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, launchChromium } from '../../../tools/chromium/launch.js';

describe('launchChromium', () => {
  it('fails, naming the browser and how to install it, when it is missing', async () => {
    await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow(
      'Chromium is not installed at /nonexistent/chromium: the HTML output is tested in a real browser. Install it with "apt-get install -y chromium" (.ci/run does).',
    );
  });

  it("launches Debian's Chromium, headless", async () => {
    const browser = await launchChromium();
    try {
      expect(CHROMIUM_PATH).toBe('/usr/bin/chromium');
      expect(browser.version()).toMatch(/^\d+\./);
    } finally {
      await browser.close();
    }
  });
});
