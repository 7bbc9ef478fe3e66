/** The columns of an IAM credential report, in AWS's order (SPEC.md §3). */
export const CREDENTIAL_REPORT_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_1_last_used_region',
  'access_key_1_last_used_service',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
  'access_key_2_last_used_region',
  'access_key_2_last_used_service',
  'cert_1_active',
  'cert_1_last_rotated',
  'cert_2_active',
  'cert_2_last_rotated',
] as const;

/** One access key slot; absent slots read `false` / `N/A`. */
export interface KeySlot {
  readonly active: boolean;
  /**
   * The key's id, as `iam:ListAccessKeys` shows it in a root session.
   * @default `AKIA` + the account id + `RTK` + the slot (20 characters)
   */
  readonly accessKeyId?: string;
  /** @default DEFAULT_LAST_ROTATED */
  readonly lastRotated?: string | Date;
  /** Omitted: never used (`N/A`, and `N/A` region and service). */
  readonly lastUsedDate?: string | Date;
  /** @default 'us-east-1' when used */
  readonly lastUsedRegion?: string;
  /** @default 's3' when used */
  readonly lastUsedService?: string;
}

/** When a key was created or last rotated, unless told otherwise. */
export const DEFAULT_LAST_ROTATED = '2019-03-02T10:15:00+00:00';

/** The two key slots of a report row. */
export interface KeySlots {
  readonly key1?: KeySlot;
  readonly key2?: KeySlot;
}

/** An IAM user row. */
export interface ReportUser extends KeySlots {
  /** IAM user name; may hold commas (quoted in the CSV). */
  readonly name: string;
  /** @default true */
  readonly passwordEnabled?: boolean;
  /** @default false */
  readonly mfaActive?: boolean;
}

/** Options of {@link credentialReportCsv}. */
export interface CredentialReportOptions {
  /** @default '123456789012' */
  readonly accountId?: string;
  /** @default 'aws' */
  readonly partition?: string;
  /** The root user's key slots. @default none */
  readonly root?: KeySlots & { readonly mfaActive?: boolean };
  /** IAM user rows. @default none */
  readonly users?: readonly ReportUser[];
  /** Where the `<root_account>` row goes. @default 'first' */
  readonly rootPosition?: 'first' | 'last';
  /** Columns AWS might add, appended with one value for every row. @default none */
  readonly extraColumns?: Readonly<Record<string, string>>;
}

const CREATED = '2015-06-01T08:00:00+00:00';

/**
 * Builds an IAM credential report CSV as AWS writes it: the full header, a
 * `<root_account>` row whose password columns read `not_supported`, and IAM
 * user rows; fields with commas, quotes or newlines are quoted.
 */
export function credentialReportCsv(options: CredentialReportOptions = {}): string {
  const account = options.accountId ?? '123456789012';
  const arnPrefix = `arn:${options.partition ?? 'aws'}:iam::${account}`;
  const extra = options.extraColumns ?? {};
  const rootRow = [
    '<root_account>',
    `${arnPrefix}:root`,
    CREATED,
    'not_supported',
    '2026-11-01T12:00:00+00:00',
    'not_supported',
    'not_supported',
    String(options.root?.mfaActive ?? true),
    ...slotCells(options.root?.key1),
    ...slotCells(options.root?.key2),
    ...certCells(),
  ];
  const userRows = (options.users ?? []).map((user) => [
    user.name,
    `${arnPrefix}:user/${user.name}`,
    CREATED,
    String(user.passwordEnabled ?? true),
    user.passwordEnabled === false ? 'N/A' : '2026-10-30T07:45:00+00:00',
    user.passwordEnabled === false ? 'N/A' : '2026-01-10T09:00:00+00:00',
    'N/A',
    String(user.mfaActive ?? false),
    ...slotCells(user.key1),
    ...slotCells(user.key2),
    ...certCells(),
  ]);
  const rows = options.rootPosition === 'last' ? [...userRows, rootRow] : [rootRow, ...userRows];
  const header = [...CREDENTIAL_REPORT_COLUMNS, ...Object.keys(extra)];
  const lines = [header, ...rows.map((row) => [...row, ...Object.values(extra)])];
  return lines.map((cells) => cells.map(csvField).join(',')).join('\n');
}

function slotCells(slot: KeySlot | undefined): string[] {
  if (!slot) {
    return ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
  }
  const used = slot.lastUsedDate !== undefined;
  return [
    String(slot.active),
    reportDate(slot.lastRotated ?? DEFAULT_LAST_ROTATED),
    used ? reportDate(slot.lastUsedDate) : 'N/A',
    used ? (slot.lastUsedRegion ?? 'us-east-1') : 'N/A',
    used ? (slot.lastUsedService ?? 's3') : 'N/A',
  ];
}

function certCells(): string[] {
  return ['false', 'N/A', 'false', 'N/A'];
}

/** Report dates look like `2019-03-02T10:15:00+00:00`. */
function reportDate(value: string | Date | undefined): string {
  if (value instanceof Date) {
    return value.toISOString().replace(/\.\d{3}Z$/, '+00:00');
  }
  return value ?? 'N/A';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
