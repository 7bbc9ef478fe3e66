import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEndpoint, startAwsEndpoint, withEnv } from '../../../tools/aws-endpoint/index.js';
import { launchChromium } from '../../../tools/chromium/launch.js';
import {
  ACCOUNTS as A,
  coverageWorld,
  HOSTILE_ANNOTATION,
  HOSTILE_NAME,
  rootCredentialsManagementOn,
} from '../../support/coverage-world.js';
import { run } from '../capture-io.js';

/** Browser globals used inside page callbacks (the project compiles without the DOM library). */
declare const window: { readonly __pwned?: number };
declare function getComputedStyle(element: unknown): { readonly display: string };

/**
 * The HTML report opened in headless Chromium from disk, read as a person
 * would: counts, OU groups, filters, sorting, hostile text, no network.
 */
const dir = mkdtempSync(join(tmpdir(), 'html-report-'));
const reportFile = join(dir, 'report.html');
const evaluateFile = join(dir, 'evaluate.html');
let endpoint: AwsEndpoint;
let browser: Browser;
let context: BrowserContext;
let reportCode: number;

/** What a page did that it must not: requests other than its own file, errors, CSP violations. */
interface PageWatch {
  readonly requests: string[];
  readonly problems: string[];
}

async function open(
  file: string,
  javaScriptEnabled = true,
): Promise<{ page: Page; watch: PageWatch }> {
  const ctx = javaScriptEnabled ? context : await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const watch: PageWatch = { requests: [], problems: [] };
  page.on('request', (request) => watch.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      watch.problems.push(message.text());
  });
  page.on('pageerror', (error) => watch.problems.push(error.message));
  await page.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort(),
  );
  await page.goto(pathToFileURL(file).href);
  return { page, watch };
}

beforeAll(async () => {
  endpoint = await startAwsEndpoint({ world: coverageWorld() });
  endpoint.setDefault('iam', 'ListOrganizationsFeatures', rootCredentialsManagementOn);
  await withEnv(endpoint.env('eu-west-1'), async () => {
    const report = await run(['report', '--aggregator', 'org', '--output', 'html']);
    reportCode = report.code;
    writeFileSync(reportFile, report.stdout);
    const evaluate = await run([
      'evaluate',
      '--organization',
      '--role-name',
      'RootKeyAudit',
      '--output',
      'html',
    ]);
    writeFileSync(evaluateFile, evaluate.stdout);
  });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await endpoint?.close();
});

const visibleAccounts = (page: Page) =>
  page.$$eval('#accounts section.ou-group:not([hidden]) tbody tr:not([hidden]) th', (cells) =>
    cells.map((cell) => cell.textContent),
  );

describe('the HTML report in Chromium', () => {
  it('is one file that loads nothing, runs only its own script, and keeps the exit code', async () => {
    const { page, watch } = await open(reportFile);
    const html = readFileSync(reportFile, 'utf8');

    expect(reportCode).toBe(2);
    expect(await page.title()).toBe('Root access key report');
    expect(watch.requests).toEqual([pathToFileURL(reportFile).href]);
    expect(watch.problems).toEqual([]);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|base)\b|<script\s+src|@import|url\(/i);
    expect(
      await page.$eval('#filters', (form) => (form as unknown as { hidden: boolean }).hidden),
    ).toBe(false);
  });

  it('shows the evidence and the accounts per result in the summary cards', async () => {
    const { page } = await open(reportFile);
    const cards = await page.$$eval('ul.cards li', (items) =>
      items.map((item) => [
        item.getAttribute('data-card'),
        item.querySelector('.count')?.textContent,
      ]),
    );
    const evidence = await page.$eval('dl.evidence', (list) => list.textContent ?? '');

    // Accounts by their one state, named as the rows' badges name them.
    expect(cards).toEqual([
      ['compliant', '2'],
      ['non-compliant', '2'],
      ['stale', '0'],
      ['insufficient-data', '1'],
      ['no-result', '3'],
      ['excluded', '1'],
      ['error', '0'],
    ]);
    expect(evidence).toContain('arn:aws:iam::111111111111:user/auditor');
    expect(evidence).toContain('o-exampleorg1');
    expect(evidence).toContain('org (eu-west-1)');
    expect(evidence).toContain('RootCredentialsManagement enabled, RootSessions not enabled');
    expect(await page.textContent('#coverage')).toContain(
      `Coverage: 4 of 9 ACTIVE accounts of the organization with a current COMPLIANT or NON_COMPLIANT result; 1 left out (not ACTIVE): ${A.suspended} SUSPENDED`,
    );
    expect(await page.textContent('.summary-line')).toContain(
      "9 accounts: 2 COMPLIANT, 2 NON_COMPLIANT, 1 INSUFFICIENT_DATA, 3 NO_RESULT, 1 EXCLUDED, 0 ERROR; 1 result IGNORED (not the deployed rule's)",
    );
    const deployment = (await page.textContent('#deployment')) ?? '';
    expect(deployment).toContain('CREATE_FAILED');
    expect(deployment).toContain(
      'NoAvailableConfigurationRecorder: Config recorder is not available in the member account.',
    );
    expect(await page.textContent('#not-applicable')).toContain(
      'aggregators never return NOT_APPLICABLE',
    );
  });

  it('groups the accounts by OU, non-compliant and no-result accounts first, and draws a bar per OU', async () => {
    const { page } = await open(reportFile);
    const groups = await page.$$eval('#accounts section.ou-group', (bodies) =>
      bodies.map((body) => body.getAttribute('data-ou')),
    );
    const security = await page.$$eval(
      '#accounts section[data-ou="Root/Security"] tbody tr',
      (rows) =>
        rows.map((row) => [
          row.querySelector('th')?.textContent,
          row.getAttribute('data-category'),
        ]),
    );
    const bars = await page.$$eval('svg.chart g.bar', (items) =>
      items.map((item) => item.getAttribute('data-ou')),
    );

    expect(groups).toEqual([
      'Root/Security',
      'Root/Workloads/Prod/Payments',
      'Root/Sandbox',
      'Root/Workloads/Prod',
      '(OU unknown)',
      'Root',
    ]);
    expect(security).toEqual([
      [A.hostile, 'non-compliant'],
      [A.notApplicable, 'insufficient-data'],
      [A.neverEvaluated, 'no-result'],
    ]);
    expect(bars).toEqual(groups);
    expect(await page.textContent('#accounts section[data-ou="Root/Sandbox"] caption')).toBe(
      'Root/Sandbox: 2 rows: 1 no result, 1 excluded',
    );
  });

  it('filters by result, by OU and by text, and says how many rows it shows', async () => {
    const { page } = await open(reportFile);

    await page.selectOption('select[name="category"]', 'non-compliant');
    expect(await visibleAccounts(page)).toEqual([A.hostile, A.keyed]);
    expect(await page.textContent('#shown')).toBe('Showing 2 of 10 rows');

    await page.selectOption('select[name="category"]', '');
    await page.selectOption('select[name="ou"]', 'Root/Workloads/Prod');
    expect(await visibleAccounts(page)).toEqual([A.deploying, A.clean]);

    await page.selectOption('select[name="ou"]', '');
    await page.fill('input[name="q"]', 'LEGACY');
    expect(await visibleAccounts(page)).toEqual([A.packFailed]);
    expect(
      await page.$$eval('#accounts section.ou-group:not([hidden])', (bodies) => bodies.length),
    ).toBe(1);
  });

  it('sorts the rows of each OU by a column', async () => {
    const { page } = await open(reportFile);
    const security = () =>
      page.$$eval('#accounts section[data-ou="Root/Security"] tbody th', (cells) =>
        cells.map((cell) => cell.textContent),
      );

    // Any unit's header sorts every unit.
    await page.click('#accounts thead th:nth-child(2) button');
    expect(await security()).toEqual(
      [HOSTILE_NAME, 'audit', 'log-archive'].map((name) =>
        name === HOSTILE_NAME ? A.hostile : name === 'audit' ? A.notApplicable : A.neverEvaluated,
      ),
    );
    expect(
      await page.getAttribute(
        '#accounts section[data-ou="Root/Security"] thead th:nth-child(2)',
        'aria-sort',
      ),
    ).toBe('ascending');
    await page.click('#accounts section[data-ou="Root/Security"] thead th:nth-child(2) button');
    expect(await security()).toEqual([A.neverEvaluated, A.notApplicable, A.hostile]);
  });

  it('shows names and annotations from member accounts as text, running none of them', async () => {
    const { page, watch } = await open(reportFile);
    const row = `#accounts tr:has(th:text-is("${A.hostile}"))`;

    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(await page.textContent(`${row} td:nth-of-type(1)`)).toBe(HOSTILE_NAME);
    expect(await page.textContent(`${row} td.detail`)).toBe(HOSTILE_ANNOTATION);
    expect(await page.$$eval('#accounts script, #accounts img', (nodes) => nodes.length)).toBe(0);
    expect(watch.problems).toEqual([]);
  });

  it('reads completely without JavaScript: every row shown, the filters hidden', async () => {
    const { page } = await open(reportFile, false);

    expect(await visibleAccounts(page)).toHaveLength(10);
    expect(
      await page.$eval('#filters', (form) => (form as unknown as { hidden: boolean }).hidden),
    ).toBe(true);
  });

  it('prints every row, without the filters, even when some are filtered out', async () => {
    const { page } = await open(reportFile);
    await page.selectOption('select[name="category"]', 'non-compliant');
    await page.emulateMedia({ media: 'print' });

    expect(await page.$eval('#filters', (form) => getComputedStyle(form).display)).toBe('none');
    const displayed = await page.$$eval(
      '#accounts tbody tr',
      (rows) => rows.filter((row) => getComputedStyle(row).display !== 'none').length,
    );
    expect(displayed).toBe(10);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('prints the counts of each bar beside it, not only in a tooltip', async () => {
    const { page } = await open(reportFile);
    await page.emulateMedia({ media: 'print' });

    expect(await page.textContent('svg.chart g.bar[data-ou="Root/Sandbox"] text.counts')).toBe(
      '2: 1 no result, 1 excluded',
    );
  });

  it('keeps words whole in long notes on paper, and shows the whole filter placeholder', async () => {
    const { page } = await open(reportFile);
    const placeholderFits = await page.evaluate(`(() => {
      const input = document.querySelector('#filters input[name="q"]');
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d');
      context.font = style.fontSize + ' ' + style.fontFamily;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return context.measureText(input.placeholder).width <= room;
    })()`);
    expect(placeholderFits).toBe(true);

    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    const lines = await page.evaluate(`(() => {
      const cell = [...document.querySelectorAll('td.detail')].find((td) => td.textContent.includes('NOT_APPLICABLE, which'));
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf('NOT_APPLICABLE');
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'NOT_APPLICABLE'.length);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      }
      return -1;
    })()`);
    expect(lines).toBe(1);
  });

  it('takes a screenshot of the page', async () => {
    const { page } = await open(reportFile);
    const shot = await page.screenshot({ fullPage: true, path: join(dir, 'report.png') });

    expect(shot.subarray(1, 4).toString()).toBe('PNG');
    expect(shot.length).toBeGreaterThan(20_000);
  });

  it('renders evaluate as a page too, with the root keys of each account', async () => {
    const { page, watch } = await open(evaluateFile);
    const failed = await page.textContent(`#accounts tr:has(th:text-is("${A.packFailed}"))`);

    expect(await page.title()).toBe('Root access key evaluation');
    expect(failed).toContain('NON_COMPLIANT');
    expect(
      await page.textContent(`#accounts tr:has(th:text-is("${A.packFailed}")) td:nth-of-type(3)`),
    ).toBe('2');
    expect(await page.textContent('#coverage')).toContain(
      `1 left out (not ACTIVE): ${A.suspended} SUSPENDED`,
    );
    // No cards for states evaluate never gives, and no panel about aggregators.
    const cards = await page.$$eval('ul.cards li', (items) =>
      items.map((item) => item.getAttribute('data-card')),
    );
    expect(cards).toEqual(['compliant', 'non-compliant', 'error']);
    expect(await page.$('#not-applicable')).toBeNull();
    expect(watch.problems).toEqual([]);
    expect(watch.requests).toHaveLength(1);
  });
});
