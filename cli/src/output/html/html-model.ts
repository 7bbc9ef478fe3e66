import {
  CATEGORIES,
  type Category,
  categoryOf,
  type HtmlDocument,
  type HtmlRow,
} from './html-document.js';

/** The group of rows without an OU path (Organizations not readable, or outside the organization). */
export const NO_OU = '(OU unknown)';

/** A row with its category. */
export interface ModelRow extends HtmlRow {
  readonly category: Category;
}

/** The rows of one OU, worst first. */
export interface OuGroup {
  readonly ou: string;
  readonly rows: readonly ModelRow[];
  readonly counts: Readonly<Record<Category, number>>;
}

/** One bar of the chart of results by OU: segments in category order, widths in percent. */
export interface ChartBar {
  readonly ou: string;
  readonly total: number;
  readonly segments: readonly {
    readonly category: Category;
    readonly count: number;
    readonly x: number;
    readonly width: number;
  }[];
}

/** What the template renders. */
export interface PageModel {
  readonly groups: readonly OuGroup[];
  readonly bars: readonly ChartBar[];
  /** OUs not drawn in the chart (past {@link CHART_MAX_BARS}). */
  readonly barsLeftOut: number;
  readonly rowCount: number;
  readonly columns: {
    readonly region: boolean;
    readonly deployedAs: boolean;
    readonly keys: boolean;
    readonly recorded: boolean;
  };
}

/** Most OUs drawn in the chart; the worst come first. */
export const CHART_MAX_BARS = 25;

const rank = (category: Category) => CATEGORIES.indexOf(category);

/**
 * Groups the rows by OU: within a group non-compliant rows first, then those
 * without a result, errors, excluded, not applicable, compliant; groups with
 * the worst rows first, then by name. Pure.
 */
export function pageModel(document: HtmlDocument): PageModel {
  const byOu = new Map<string, ModelRow[]>();
  for (const row of document.rows) {
    const ou = row.organizationalUnit ?? NO_OU;
    const rows = byOu.get(ou) ?? [];
    rows.push({ ...row, category: categoryOf(row.compliance) });
    byOu.set(ou, rows);
  }
  const groups = [...byOu].map(([ou, rows]): OuGroup => {
    rows.sort((a, b) => rank(a.category) - rank(b.category) || compare(a.accountId, b.accountId));
    return { ou, rows, counts: countOf(rows) };
  });
  groups.sort((a, b) => worstFirst(a.counts, b.counts) || compare(a.ou, b.ou));
  const bars = groups.slice(0, CHART_MAX_BARS).map(toBar);
  const has = (field: keyof HtmlRow) => document.rows.some((row) => row[field] !== undefined);
  return {
    groups,
    bars,
    barsLeftOut: Math.max(0, groups.length - CHART_MAX_BARS),
    rowCount: document.rows.length,
    columns: {
      region: has('region'),
      deployedAs: has('deployedAs'),
      keys: has('keys'),
      recorded: has('recorded'),
    },
  };
}

function countOf(rows: readonly ModelRow[]): Record<Category, number> {
  const counts = Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Record<
    Category,
    number
  >;
  for (const row of rows) counts[row.category]++;
  return counts;
}

/** Compares counts category by category, most of the worst first. */
function worstFirst(
  a: Readonly<Record<Category, number>>,
  b: Readonly<Record<Category, number>>,
): number {
  for (const category of CATEGORIES.slice(0, -1)) {
    if (a[category] !== b[category]) return b[category] - a[category];
  }
  return 0;
}

function toBar(group: OuGroup): ChartBar {
  const total = group.rows.length;
  let x = 0;
  const segments = CATEGORIES.filter((category) => group.counts[category] > 0).map((category) => {
    const width = (group.counts[category] / total) * 100;
    const segment = { category, count: group.counts[category], x, width };
    x += width;
    return segment;
  });
  return { ou: group.ou, total, segments };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
