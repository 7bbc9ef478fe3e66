/**
 * What a finding about one account says, whichever format carries it: the
 * account, where it sits, the rule's result or why there is none, and the
 * root user's keys. The rule, the command-line tool and users' own tools
 * fill it from their facts; the ASFF and OCSF builders render it.
 */

/** One root access key as a finding shows it (the rule's `RootAccessKey` fits as is). */
export interface FindingKey {
  /** The credential report's slot, 1 or 2. */
  readonly slot?: 1 | 2;
  /** The access key id (not a secret: IAM shows it). */
  readonly accessKeyId?: string;
  readonly active: boolean;
  /** Creation or last rotation date, `YYYY-MM-DD`. */
  readonly created?: string;
  /** Date of last use, `YYYY-MM-DD`; absent when never used. */
  readonly lastUsedDate?: string;
  readonly lastUsedService?: string;
  readonly lastUsedRegion?: string;
}

/** One account's finding, before it is put in a format. */
export interface FindingSubject {
  /** The evaluated account. */
  readonly accountId: string;
  /** The account's name, when known. */
  readonly accountName?: string;
  /** The organization's id (`o-…`), when known. */
  readonly organizationId?: string;
  /** The account's OU path (`Root/Workloads/Prod`), when known. */
  readonly organizationalUnit?: string;
  /** `aws`, `aws-cn`, `aws-us-gov`, … */
  readonly partition: string;
  /** The Region of the rule (or of the evaluation). */
  readonly region: string;
  /** The Config rule's name: the finding's generator. */
  readonly ruleName: string;
  /**
   * The result: `COMPLIANT`, `NON_COMPLIANT` or `NOT_APPLICABLE`; any other
   * value (`ERROR`, `NO_RESULT`, `EXCLUDED`, `INSUFFICIENT_DATA`, `STALE`,
   * `CONFLICT`, …) is a row without a current result, whose finding says why.
   */
  readonly result: string;
  /** The rule's annotation, when there is a result. */
  readonly annotation?: string;
  /** Why there is no result (the row's error or note), for rows without one. */
  readonly reason?: string;
  /** `AccountAccessKeysPresent` of the account summary, when read. */
  readonly accessKeysPresent?: number;
  /** The root user's keys, when their details were read. */
  readonly keys?: readonly FindingKey[];
  /** Where the keys' details came from (`credential-report`, `access-key-list`). */
  readonly keySource?: string;
  /** When the facts were read or the result recorded (ISO 8601). */
  readonly observedAt: string;
  /** The version of the tool that produced the finding. */
  readonly productVersion: string;
}

/** The outcome of a finding, common to both formats. */
export const FindingStatus = {
  Pass: 'pass',
  Fail: 'fail',
  /** NOT_APPLICABLE: the rule ran and found nothing to check (root without credentials, out of scope). */
  NotApplicable: 'not-applicable',
  /** No current result: the reason says why. */
  Unknown: 'unknown',
} as const;

/** One of the values of {@link FindingStatus}. */
export type FindingStatus = (typeof FindingStatus)[keyof typeof FindingStatus];

/** The outcome of a subject's result. */
export function findingStatus(result: string): FindingStatus {
  switch (result) {
    case 'COMPLIANT':
      return FindingStatus.Pass;
    case 'NON_COMPLIANT':
      return FindingStatus.Fail;
    case 'NOT_APPLICABLE':
      return FindingStatus.NotApplicable;
    default:
      return FindingStatus.Unknown;
  }
}

/**
 * What a finding says in words: the annotation when there is a result; for a
 * row without one, its result and the reason.
 */
export function findingText(subject: FindingSubject): string {
  if (findingStatus(subject.result) !== FindingStatus.Unknown && subject.annotation) {
    return subject.annotation;
  }
  const reason = subject.reason ?? subject.annotation ?? 'no reason was recorded';
  return `No current result for this account (${subject.result}): ${reason}`;
}

/** The account's keys, with a stable label each: its id, else its report slot, else its place. */
export function labelledKeys(
  subject: FindingSubject,
): readonly { readonly label: string; readonly key: FindingKey }[] {
  return (subject.keys ?? []).map((key, index) => ({
    label: key.accessKeyId ?? `slot ${key.slot ?? index + 1}`,
    key,
  }));
}
