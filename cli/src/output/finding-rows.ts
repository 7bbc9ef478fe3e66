import type { FindingKey, FindingSubject } from '../../../definition/findings/finding-subject.js';
import { definedFields } from '../../../definition/objects.js';
import type { KeyFields } from '../commands/evaluate/key-fields.js';

/**
 * The fields of a command's row that a finding reads: `evaluate`'s and
 * `report`'s rows both fit.
 */
export interface FindingRow {
  readonly accountId: string;
  readonly accountName?: string;
  readonly organizationalUnit?: string;
  /** The result, or why there is none (`ERROR`, `NO_RESULT`, `EXCLUDED`, …). */
  readonly compliance: string;
  readonly annotation?: string;
  readonly error?: string;
  readonly note?: string;
  readonly accessKeysPresent?: number;
  readonly keys?: readonly KeyFields[];
  readonly keySource?: string;
  /** The row's Region (report); absent for `evaluate`, whose Region is the run's. */
  readonly region?: string;
  /** The rule's name in the account (report); absent for `evaluate`. */
  readonly ruleName?: string;
  /** When Config recorded the result (report). */
  readonly resultRecordedTime?: string;
}

/** What the findings of a run share: who ran it, where, when, with what. */
export interface FindingContext {
  /** The caller's ARN, whose partition the findings are in. */
  readonly callerArn: string;
  /** The organization's id, when known. */
  readonly organizationId?: string;
  /** The Region of rows without their own (evaluate's run Region). */
  readonly region: string;
  /** The rule's name for rows without their own. */
  readonly ruleName: string;
  /** When the run started (ISO 8601): the time of rows without their own. */
  readonly generatedAt: string;
  readonly toolVersion: string;
}

/** The finding subjects of a command's rows, one per row, in row order. */
export function findingSubjects(
  rows: readonly FindingRow[],
  context: FindingContext,
): FindingSubject[] {
  const partition = context.callerArn.split(':')[1] || 'aws';
  return rows.map((row) => ({
    accountId: row.accountId,
    partition,
    region: row.region ?? context.region,
    ruleName: row.ruleName ?? context.ruleName,
    result: row.compliance,
    observedAt: row.resultRecordedTime ?? context.generatedAt,
    productVersion: context.toolVersion,
    ...definedFields({
      accountName: row.accountName,
      organizationId: context.organizationId,
      organizationalUnit: row.organizationalUnit,
      annotation: row.annotation,
      reason: row.error ?? row.note,
      accessKeysPresent: row.accessKeysPresent,
      keys: row.keys?.map(findingKey),
      keySource: row.keySource,
    }),
  }));
}

function findingKey(key: NonNullable<FindingRow['keys']>[number]): FindingKey {
  const { status, ...rest } = key;
  return { ...rest, active: status === 'Active' };
}
