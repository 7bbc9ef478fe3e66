import type { Evidence } from '../../evidence-types.js';
import type { DirectoryAccount } from '../../organization-types.js';

/** How a row reads at a glance; the order is the order rows and groups are shown in. */
export const CATEGORIES = [
  'non-compliant',
  'no-result',
  'error',
  'excluded',
  'not-applicable',
  'compliant',
] as const;

/** One of {@link CATEGORIES}. */
export type Category = (typeof CATEGORIES)[number];

/** What a person reads for each category. */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  'non-compliant': 'Non-compliant',
  'no-result': 'No result',
  error: 'Errors',
  excluded: 'Excluded',
  'not-applicable': 'Not applicable',
  compliant: 'Compliant',
};

const BY_COMPLIANCE: Readonly<Record<string, Category>> = {
  NON_COMPLIANT: 'non-compliant',
  INSUFFICIENT_DATA: 'no-result',
  NO_RESULT: 'no-result',
  ERROR: 'error',
  EXCLUDED: 'excluded',
  NOT_APPLICABLE: 'not-applicable',
  COMPLIANT: 'compliant',
};

/** The category of a `compliance` value; anything unknown reads as an error, never as compliant. */
export function categoryOf(compliance: string): Category {
  return BY_COMPLIANCE[compliance] ?? 'error';
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
  /** Accounts per category, for the summary cards. */
  readonly cards: Readonly<Record<Category, number>>;
  /** The closing summary line(s) of the table output. */
  readonly summary: string;
  readonly coverage?: HtmlCoverage;
  readonly deployment?: HtmlDeployment;
}

/** Rows (one per account) per category, for the summary cards. */
export function categoryCounts(compliances: readonly string[]): Record<Category, number> {
  const counts = Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Record<
    Category,
    number
  >;
  for (const compliance of compliances) counts[categoryOf(compliance)]++;
  return counts;
}
