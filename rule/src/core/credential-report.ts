import { parse } from 'csv-parse/sync';
import { ROOT_USER_NAME } from './constants.js';
import { CredentialReportUnavailableError } from './errors.js';
import { type RootAccessKey, RootKeySource, type RootKeys } from './facts.js';

const SLOTS = [1, 2] as const;
const DATE_PATTERN = /^(\d{4}-\d{2}-\d{2})(?:T|$)/;

/** Columns read from the report for key slot N; AWS may add others. */
function slotColumns(slot: 1 | 2) {
  const prefix = `access_key_${slot}`;
  return {
    active: `${prefix}_active`,
    lastRotated: `${prefix}_last_rotated`,
    lastUsedDate: `${prefix}_last_used_date`,
    lastUsedRegion: `${prefix}_last_used_region`,
    lastUsedService: `${prefix}_last_used_service`,
  } as const;
}

/**
 * Finds the root user's access keys in an IAM credential report.
 *
 * The CSV is parsed as real CSV, by header name: the root row need not be
 * first, user names may hold quoted commas, and extra columns are ignored.
 *
 * @param csv the decoded report (`GetCredentialReport` `Content`)
 * @throws CredentialReportUnavailableError when the report cannot be parsed,
 *   lacks a required column, has no `<root_account>` row, or says of a key's
 *   state anything but `true` or `false`
 */
export function findRootKeys(csv: string): RootKeys {
  const rows = parseRows(csv);
  const header = rows[0] ?? [];
  const missing = requiredColumns().filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new CredentialReportUnavailableError(
      `The credential report lacks column(s) ${missing.join(', ')}; received header ${JSON.stringify(header.slice(0, 25).join(','))}`,
    );
  }
  const userIndex = header.indexOf('user');
  const root = rows.slice(1).find((row) => row[userIndex] === ROOT_USER_NAME);
  if (root === undefined) {
    throw new CredentialReportUnavailableError(
      `The credential report has no ${ROOT_USER_NAME} row among its ${rows.length - 1} user rows`,
    );
  }
  const cell = (column: string) => root[header.indexOf(column)] ?? '';
  const keys = SLOTS.map((slot) => readSlot(slot, cell)).filter(
    (key): key is RootAccessKey => key !== undefined,
  );
  return { source: RootKeySource.CredentialReport, keys };
}

function parseRows(csv: string): string[][] {
  try {
    return parse(csv, {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      bom: true,
    }) as string[][];
  } catch (cause) {
    throw new CredentialReportUnavailableError(
      `The credential report is not valid CSV: ${(cause as Error).message}`,
      { cause },
    );
  }
}

function requiredColumns(): string[] {
  return ['user', ...SLOTS.flatMap((slot) => Object.values(slotColumns(slot)))];
}

function readSlot(slot: 1 | 2, cell: (column: string) => string): RootAccessKey | undefined {
  const columns = slotColumns(slot);
  const active = readActive(columns.active, cell(columns.active));
  const created = toDate(cell(columns.lastRotated));
  // An empty slot reads active=false and last_rotated=N/A; an inactive key keeps its date.
  if (!active && created === undefined) return undefined;
  const lastUsedDate = toDate(cell(columns.lastUsedDate));
  const lastUsedRegion = toValue(cell(columns.lastUsedRegion));
  const lastUsedService = toValue(cell(columns.lastUsedService));
  return {
    slot,
    active,
    ...(created === undefined ? {} : { created }),
    ...(lastUsedDate === undefined ? {} : { lastUsedDate }),
    ...(lastUsedRegion === undefined ? {} : { lastUsedRegion }),
    ...(lastUsedService === undefined ? {} : { lastUsedService }),
  };
}

/**
 * A key's state: `true` or `false` in any case. Anything else makes the report
 * unusable rather than counting the key as inactive: with IgnoreInactiveKeys,
 * reading `yes` or an empty cell as inactive would report COMPLIANT.
 */
function readActive(column: string, value: string): boolean {
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw new CredentialReportUnavailableError(
    `The credential report's ${column} of ${ROOT_USER_NAME} is ${JSON.stringify(value.slice(0, 40))}; expected true or false`,
  );
}

/** `YYYY-MM-DD` from an ISO 8601 time; undefined for `N/A`, `no_information`, … */
function toDate(value: string): string | undefined {
  return DATE_PATTERN.exec(value)?.[1];
}

/** The value itself, or undefined for the report's placeholders. */
function toValue(value: string): string | undefined {
  const placeholder = value === '' || /^(n\/a|no_information|not_supported)$/i.test(value);
  return placeholder ? undefined : value;
}
