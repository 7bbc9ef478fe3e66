import type { Evidence } from '../../evidence-types.js';
import type { DirectoryAccount } from '../../organization-types.js';

/**
 * How a row reads at a glance, one per row state; the order is the order
 * rows and groups are shown in, worst first.
 */
export const CATEGORIES = [
  'non-compliant',
  'conflict',
  'stale',
  'error',
  'insufficient-data',
  'no-result',
  'excluded',
  'ignored',
  'not-applicable',
  'compliant',
] as const;

/** One of {@link CATEGORIES}. */
export type Category = (typeof CATEGORIES)[number];

/** What a person reads for each category: the row state's own words, so a card and a badge agree. */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  'non-compliant': 'Non-compliant',
  conflict: 'Conflict',
  stale: 'Stale',
  error: 'Error',
  'insufficient-data': 'Insufficient data',
  'no-result': 'No result',
  excluded: 'Excluded',
  ignored: 'Ignored',
  'not-applicable': 'Not applicable',
  compliant: 'Compliant',
};

const BY_COMPLIANCE: Readonly<Record<string, Category>> = {
  NON_COMPLIANT: 'non-compliant',
  CONFLICT: 'conflict',
  STALE: 'stale',
  ERROR: 'error',
  INSUFFICIENT_DATA: 'insufficient-data',
  NO_RESULT: 'no-result',
  EXCLUDED: 'excluded',
  IGNORED: 'ignored',
  NOT_APPLICABLE: 'not-applicable',
  COMPLIANT: 'compliant',
};

/** The category of a `compliance` value; anything unknown reads as an error, never as compliant. */
export function categoryOf(compliance: string): Category {
  return BY_COMPLIANCE[compliance] ?? 'error';
}

/**
 * A row's place when the worst come first (non-compliant, then those without
 * a counted result, …, compliant): the page and the terminal table share it.
 */
export function severityRank(compliance: string): number {
  return CATEGORIES.indexOf(categoryOf(compliance));
}

/** One row of the page's account table; every text is escaped when rendered. */
export interface HtmlRow {
  readonly accountId: string;
  readonly accountName?: string;
  readonly organizationalUnit?: string;
  readonly region?: string;
  /** How the rule is deployed there (`pack abc123de`). */
  readonly deployedAs?: string;
  readonly compliance: string;
  /** When Config recorded the result (ISO 8601). */
  readonly recorded?: string;
  /** Root access keys present (AccountAccessKeysPresent). */
  readonly keys?: number;
  /** Each root access key in words (id or slot, status, last use, creation), where known. */
  readonly keyDetails?: readonly string[];
  /** The rule's annotation. */
  readonly annotation?: string;
  /** Why there is no result: the error or the note. */
  readonly problem?: string;
}

/** The coverage panel: does every account of the organization have a result. */
export interface HtmlCoverage {
  readonly checked: boolean;
  /** The summary line, e.g. `412 of 415 accounts: …`, or why coverage was not checked. */
  readonly summary: string;
  readonly unitsNote?: string;
  readonly leftOut: readonly DirectoryAccount[];
  readonly outsideOrganization: readonly string[];
}

/** The deployment panel: the organization conformance pack. */
export interface HtmlDeployment {
  readonly packName: string;
  readonly found: boolean;
  readonly note?: string;
  readonly excludedAccounts: readonly string[];
  readonly statusCounts: Readonly<Record<string, number>>;
  readonly problems: readonly {
    readonly accountId: string;
    readonly status: string;
    readonly errorCode?: string;
    readonly errorMessage?: string;
  }[];
}

/** Everything the HTML page shows; built by each command's view. */
export interface HtmlDocument {
  /** The page's title and main heading. */
  readonly title: string;
  /** One line under the heading: what was read. */
  readonly subject: string;
  readonly evidence: Evidence;
  readonly rows: readonly HtmlRow[];
  /**
   * Accounts per category, for the summary cards: a card for each category
   * given (zero included), none for the others.
   */
  readonly cards: Readonly<Partial<Record<Category, number>>>;
  /** Whether the results come from a Config aggregator (the NOT_APPLICABLE panel explains them). @default false */
  readonly fromAggregator?: boolean;
  /** The closing summary line(s) of the table output. */
  readonly summary: string;
  readonly coverage?: HtmlCoverage;
  readonly deployment?: HtmlDeployment;
}

/** Categories with a card even at zero: what every reader looks for first. */
const ALWAYS_CARDS: readonly Category[] = ['compliant', 'non-compliant', 'error'];

/**
 * Accounts per category, for the summary cards, from each account's one
 * state: COMPLIANT, NON_COMPLIANT and ERROR always, the others when present.
 */
export function categoryCounts(states: readonly string[]): Partial<Record<Category, number>> {
  const counts: Partial<Record<Category, number>> = Object.fromEntries(
    ALWAYS_CARDS.map((category) => [category, 0]),
  );
  for (const state of states) {
    const category = categoryOf(state);
    counts[category] = (counts[category] ?? 0) + 1;
  }
  return counts;
}
