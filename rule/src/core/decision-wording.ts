import {
  countKeys,
  deleteAdvice,
  describeKeysByDetail,
  fitAnnotation,
  truncateAtWord,
} from './annotation.js';
import { ANNOTATION_MAX_LENGTH } from './constants.js';
import {
  type AccountSummaryFacts,
  RootKeySource,
  type RootKeys,
  type RootKeysOutcome,
} from './facts.js';

/**
 * The annotation of each row of the decision table, in one place: what the
 * rule says, in plain English within 256 characters (docs/rule.md lists them).
 */
export const Wording = {
  /** Row 1. */
  leftScope: "The account left the rule's scope.",
  /** Row 2. */
  noCredentials: 'The root user has no access keys and no password.',
  /** Row 3. */
  noKey: 'No root access key exists (IAM account summary: AccountAccessKeysPresent is 0).',
} as const;

/** What the details come from, in words: "the credential report". */
export function sourceName(source: RootKeySource | undefined): string {
  return source === RootKeySource.AccessKeyList
    ? "IAM's list of the root user's keys"
    : 'the credential report';
}

/** The source and how it counts keys, before a number: "the credential report … lists". */
export function listedBy(source: RootKeySource): string {
  return source === RootKeySource.AccessKeyList
    ? "IAM's list of the root user's keys shows"
    : 'the credential report, which can be up to 4 hours old, lists';
}

/**
 * `the credential report of 2026-11-28 06:00 UTC`: the report a verdict was
 * decided from, by its generation time (IAM serves one up to 4 hours old).
 */
export function reportOf(root: RootKeys): string {
  const at = root.generatedAt?.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}).*$/, '$1 $2 UTC');
  return at === undefined ? 'the credential report' : `the credential report of ${at}`;
}

/**
 * The annotation of rows 4 and 5: keys exist, with what their details say.
 * Row 5 decides from the credential report (`decidedFromReport`): then the
 * annotation names the report's generation time, at every length.
 */
export function keysExist(
  summary: AccountSummaryFacts,
  outcome: RootKeysOutcome | undefined,
  decidedFromReport = false,
): string {
  const count = summary.accessKeysPresent;
  const head = `Root user has ${countKeys(count)}`;
  const advice = deleteAdvice(count);
  if (outcome?.kind !== 'available') {
    const reason =
      outcome?.kind === 'unavailable' ? outcome.reason : `${sourceName(undefined)} was not fetched`;
    const room = ANNOTATION_MAX_LENGTH - `${head}; details unavailable: . ${advice}`.length;
    return `${head}; details unavailable: ${truncateAtWord(reason, room)}. ${advice}`;
  }
  const root = outcome.root;
  const named = decidedFromReport && root.source === RootKeySource.CredentialReport;
  const by = named ? ` per ${reportOf(root)}` : '';
  return fitAnnotation(withDetails(head, advice, count, root, by));
}

function withDetails(
  head: string,
  advice: string,
  count: number,
  root: RootKeys,
  by: string,
): string[] {
  const listed = root.keys.length;
  if (listed === 0) {
    const notYet =
      root.source === RootKeySource.AccessKeyList
        ? `IAM's list of the root user's keys shows none`
        : `${root.generatedAt === undefined ? 'the credential report, up to 4 hours old,' : reportOf(root)} does not list ${count === 1 ? 'it' : 'them'} yet`;
    return [`${head}; ${notYet}. ${advice}`];
  }
  const lists =
    root.source === RootKeySource.AccessKeyList ? 'IAM lists' : 'the credential report lists';
  const intro = listed === count ? `${head}: ` : `${head}; ${lists} ${listed}: `;
  return [
    ...describeKeysByDetail(root).map((details) => `${intro}${details}${by}. ${advice}`),
    ...(by === '' ? [] : [`${head}${by}. ${advice}`]),
  ];
}

/**
 * The annotation of row 6: only inactive keys, tolerated by IgnoreInactiveKeys,
 * decided from the credential report, which it names by its generation time.
 */
export function onlyInactiveKeys(root: RootKeys): string {
  const tail = 'compliant as IgnoreInactiveKeys is true, but CIS asks to delete them.';
  const by = root.source === RootKeySource.CredentialReport ? ` per ${reportOf(root)}` : '';
  return fitAnnotation([
    ...describeKeysByDetail(root).map(
      (text) => `Root user has only inactive access keys (${text})${by}; ${tail}`,
    ),
    `Root user has only inactive access keys${by}; ${tail}`,
  ]);
}
