import {
  describeKey,
  type RootAccessKey,
  type RootKeySource,
  type RootKeysOutcome,
} from '../../../../rule/src/core/index.js';
import type { Cell, Column } from '../../output/format.js';

/** One root access key in an output row: what the source knew of it. */
export interface KeyFields {
  /** The credential report's slot (1 or 2), when the report is the source. */
  readonly slot?: 1 | 2;
  /** The access key id, when IAM's key list is the source (not a secret). */
  readonly accessKeyId?: string;
  readonly status: 'Active' | 'Inactive';
  /** Creation date, `YYYY-MM-DD`. */
  readonly created?: string;
  readonly lastUsedDate?: string;
  readonly lastUsedService?: string;
  readonly lastUsedRegion?: string;
}

/** The keys of an evaluation as row fields; nothing when their details were not read. */
export function keyFields(outcome: RootKeysOutcome | undefined): {
  keys?: KeyFields[];
  keySource?: RootKeySource;
} {
  if (outcome?.kind !== 'available') return {};
  return { keys: outcome.root.keys.map(toFields), keySource: outcome.root.source };
}

/** A key as the row shows it. */
export function toFields(key: RootAccessKey): KeyFields {
  const { active, ...rest } = key;
  return { ...rest, status: active ? 'Active' : 'Inactive' };
}

/** Each key of a row in words, as the annotation says them at full detail (`key AKIA… active, last used …`). */
export function describeKeyFields(
  keys: readonly KeyFields[] | undefined,
  source: RootKeySource | undefined,
): string[] | undefined {
  if (keys === undefined || source === undefined || keys.length === 0) return undefined;
  return keys.map(({ status, ...rest }, index) =>
    describeKey({ ...rest, active: status === 'Active' }, index, source),
  );
}

/** The most access keys an IAM user (the root user too) can have. */
const KEYS_PER_USER = 2;

const FIELDS = [
  'accessKeyId',
  'slot',
  'status',
  'created',
  'lastUsedDate',
  'lastUsedService',
  'lastUsedRegion',
] as const;

/**
 * CSV columns of the keys, so that CSV keeps one row per account:
 * `key1AccessKeyId`, `key1Slot`, `key1Status`, … `key2LastUsedRegion`.
 */
export function keyColumns<Row extends { readonly keys?: readonly KeyFields[] }>(): Column<Row>[] {
  return Array.from({ length: KEYS_PER_USER }, (_, index) =>
    FIELDS.map(
      (field): Column<Row> => ({
        header: `key${index + 1}${field[0]?.toUpperCase()}${field.slice(1)}`,
        cell: (row) => row.keys?.[index]?.[field] as Cell,
      }),
    ),
  ).flat();
}
