import { createHash } from 'node:crypto';
import { Eta, type TemplateFunction } from 'eta/core';
import { safeLines } from '../safe-text.js';
import { CATEGORIES, CATEGORY_LABELS, type Category, type HtmlDocument } from './html-document.js';
import { type ChartBar, type OuGroup, pageModel } from './html-model.js';
import { PAGE_SCRIPT } from './html-script.js';
import { PAGE_STYLE } from './html-style.js';
import { PAGE_TEMPLATE } from './html-template.js';

/** The summary cards, in reading order; only those the document gives are shown. */
const CARD_ORDER: readonly Category[] = [
  'compliant',
  'non-compliant',
  'stale',
  'conflict',
  'insufficient-data',
  'no-result',
  'excluded',
  'error',
  'not-applicable',
];

/** Above this many rows, OU tables off screen are not laid out until scrolled to (`content-visibility`). */
export const MANY_ROWS = 500;

/** Height of one bar of the chart, its counts printed under it. */
const BAR_HEIGHT = 40;

/** Longest OU label drawn in the chart; longer paths keep their end. */
const CHART_LABEL_MAX = 42;

/** Eta's own XML escaping. */
const xmlEscape = new Eta().config.escapeFunction;

/**
 * Eta with every `<%= %>` escaped: control characters made visible
 * (`safeLines`: only line breaks stay, which HTML shows as spaces except in
 * the summary line), then Eta's own XML escaping.
 */
const eta = new Eta({
  autoEscape: true,
  escapeFunction: (value: unknown) => xmlEscape(safeLines(String(value))),
});
let compiled: TemplateFunction | undefined;

/**
 * Renders the page: one self-contained HTML file (its only stylesheet and
 * script inline, allowed by hash in a Content-Security-Policy that forbids
 * every fetch), the evidence header, summary cards, a chart of results by
 * OU, the coverage and deployment panels, and the account table grouped by OU.
 */
export function renderHtml(document: HtmlDocument): string {
  const model = pageModel(document);
  const present = CATEGORIES.filter((category) =>
    model.groups.some((group) => group.counts[category] > 0),
  );
  const cards = CARD_ORDER.filter((category) => document.cards[category] !== undefined).map(
    (category) => ({
      category,
      count: document.cards[category] ?? 0,
      label: CATEGORY_LABELS[category],
    }),
  );
  const columns = model.columns;
  compiled ??= eta.compile(PAGE_TEMPLATE);
  return compiled.call(eta, {
    doc: document,
    model,
    cards,
    legend: present.map((category) => ({ category, label: CATEGORY_LABELS[category] })),
    labels: CATEGORY_LABELS,
    statusCounts: Object.entries(document.deployment?.statusCounts ?? {}).sort(),
    chartHeight: Math.max(BAR_HEIGHT, model.bars.length * BAR_HEIGHT),
    barHeight: BAR_HEIGHT,
    columnCount:
      4 +
      Number(columns.region) +
      Number(columns.deployedAs) +
      Number(columns.keys) +
      Number(columns.recorded),
    csp: contentSecurityPolicy(),
    style: PAGE_STYLE,
    script: PAGE_SCRIPT,
    clip: (ou: string) =>
      ou.length > CHART_LABEL_MAX ? `…${ou.slice(-(CHART_LABEL_MAX - 1))}` : ou,
    groupText,
    barText,
    rank: (category: Category) => CATEGORIES.indexOf(category),
    manyRows: MANY_ROWS,
  });
}

/** Nothing may be fetched; only the page's own stylesheet and script run. */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `style-src '${sha256(PAGE_STYLE)}'`,
    `script-src '${sha256(PAGE_SCRIPT)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** `12 rows: 2 non-compliant, 10 compliant`. */
function groupText(group: OuGroup): string {
  const parts = CATEGORIES.filter((category) => group.counts[category] > 0).map((category) =>
    countText(group.counts[category], category),
  );
  return `${group.rows.length} ${group.rows.length === 1 ? 'row' : 'rows'}: ${parts.join(', ')}`;
}

/** `12: 2 non-compliant, 10 compliant`, printed beside each bar (a tooltip is lost on paper). */
function barText(bar: ChartBar): string {
  const parts = bar.segments.map((segment) => countText(segment.count, segment.category));
  return `${bar.total}: ${parts.join(', ')}`;
}

/** `1 error`, `2 errors`, `3 non-compliant`: a count and its category in words. */
function countText(count: number, category: Category): string {
  const label = CATEGORY_LABELS[category].toLowerCase();
  return `${count} ${category === 'error' && count !== 1 ? 'errors' : label}`;
}
