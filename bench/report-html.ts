import { pathToFileURL } from 'node:url';
import { launchChromium } from '../tools/chromium/launch.js';
import { round } from './stats.js';

/** How the HTML page of a 10,000-account report behaves in Chromium. */
export interface ReportHtml {
  readonly rows: number;
  /** From navigation start to the load event (parse, layout, the script's first pass). */
  readonly loadMs: number;
  /** Filtering to NON_COMPLIANT: the script's work plus the layout it causes. */
  readonly filterCategoryMs: number;
  /** Filtering by a text that matches one account. */
  readonly filterTextMs: number;
  /** Clearing the filters: every row shown again. */
  readonly clearMs: number;
  /** Sorting every OU group by account name. */
  readonly sortMs: number;
  readonly rowsShownAfterFilter: number;
}

/**
 * Opens the page from disk in headless Chromium (1280×900) and times, inside
 * the page, what a person does: load, filter by result, by text, clear, sort.
 * Each timing includes a forced layout, so the rendering work is counted.
 */
export async function measureReportHtml(file: string, searchFor: string): Promise<ReportHtml> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const timed = (action: string, value = '') =>
      page.evaluate(
        ([what, text]) => {
          const doc = (globalThis as unknown as { document: BrowserDocument }).document;
          const started = performance.now();
          if (what === 'sort') {
            doc.querySelector('#accounts thead th:nth-child(2) button')?.click();
          } else {
            const field = doc.querySelector(
              what === 'text' ? 'input[name="q"]' : 'select[name="category"]',
            );
            if (field) field.value = text;
            field?.dispatchEvent(new Event('input', { bubbles: true }));
          }
          void doc.body.offsetHeight;
          return performance.now() - started;
        },
        [action, value] as const,
      );
    const loadMs = await page.evaluate(() => {
      const timing = performance as unknown as {
        getEntriesByType(type: string): NavigationTiming[];
      };
      const [navigation] = timing.getEntriesByType('navigation');
      return navigation ? navigation.loadEventEnd - navigation.startTime : Number.NaN;
    });
    const rows = await page.$$eval('#accounts tr[data-category]', (found) => found.length);
    const filterCategoryMs = await timed('category', 'non-compliant');
    const rowsShownAfterFilter = await page.$$eval(
      '#accounts tr[data-category]:not([hidden])',
      (found) => found.length,
    );
    await timed('category', '');
    const filterTextMs = await timed('text', searchFor);
    const clearMs = await timed('text', '');
    const sortMs = await timed('sort');
    return {
      rows,
      loadMs: round(loadMs),
      filterCategoryMs: round(filterCategoryMs),
      filterTextMs: round(filterTextMs),
      clearMs: round(clearMs),
      sortMs: round(sortMs),
      rowsShownAfterFilter,
    };
  } finally {
    await browser.close();
  }
}

/** The parts of the page's document the timings touch (the bench compiles without the DOM library). */
interface BrowserDocument {
  querySelector(selector: string): (BrowserElement & { value: string }) | null;
  readonly body: { readonly offsetHeight: number };
}
interface BrowserElement {
  click(): void;
  dispatchEvent(event: unknown): boolean;
}
declare const Event: new (type: string, init: { bubbles: boolean }) => unknown;
interface NavigationTiming {
  readonly loadEventEnd: number;
  readonly startTime: number;
}
