import {
  countKeys,
  deleteAdvice,
  describeKeysByDetail,
  fitAnnotation,
  truncateAtWord,
} from './annotation.js';
import { ANNOTATION_MAX_LENGTH } from './constants.js';
import type {
  AccountSummaryFacts,
  CredentialReportOutcome,
  RootCredentialRow,
  RootKeySlot,
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

/** The annotation of rows 4 and 5: keys exist, with what the report says of them. */
export function keysExist(
  summary: AccountSummaryFacts,
  report: CredentialReportOutcome | undefined,
): string {
  const count = summary.accessKeysPresent;
  const head = `Root user has ${countKeys(count)}`;
  const advice = deleteAdvice(count);
  if (report?.kind !== 'available') {
    const reason =
      report?.kind === 'unavailable' ? report.reason : 'the credential report was not fetched';
    const room = ANNOTATION_MAX_LENGTH - `${head}; details unavailable: . ${advice}`.length;
    return `${head}; details unavailable: ${truncateAtWord(reason, room)}. ${advice}`;
  }
  return fitAnnotation(withReport(head, advice, count, report.root));
}

function withReport(
  head: string,
  advice: string,
  count: number,
  root: RootCredentialRow,
): string[] {
  const listed = root.keys.length;
  if (listed === 0) {
    return [
      `${head}; the credential report, up to 4 hours old, does not list ${count === 1 ? 'it' : 'them'} yet. ${advice}`,
    ];
  }
  const intro = listed === count ? `${head}: ` : `${head}; the credential report lists ${listed}: `;
  return describeKeysByDetail(root.keys).map((details) => `${intro}${details}. ${advice}`);
}

/** The annotation of row 6: only inactive keys, tolerated by IgnoreInactiveKeys. */
export function onlyInactiveKeys(keys: readonly RootKeySlot[]): string {
  const tail = 'compliant as IgnoreInactiveKeys is true, but CIS asks to delete them.';
  return fitAnnotation([
    ...describeKeysByDetail(keys).map(
      (text) => `Root user has only inactive access keys (${text}); ${tail}`,
    ),
    `Root user has only inactive access keys; ${tail}`,
  ]);
}
