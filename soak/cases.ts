import type { Malformation } from './events.js';
import { Mode } from './modes.js';
import type { CaseParameters } from './parameters.js';

export { Mode } from './modes.js';

/** The faults the endpoint can answer a call with, before answering it properly. */
export const FaultKind = {
  Throttle: 'throttle',
  ServerError: 'server-error',
  Bare5xx: 'bare-5xx',
  Reset: 'connection-reset',
  Stall: 'stall',
  Truncated: 'truncated-body',
  Garbage: 'garbage-body',
  Slow: 'slow-answer',
  Denied: 'access-denied',
  ExpiredToken: 'expired-token',
  FailedEvaluations: 'failed-evaluations',
  InvalidToken: 'invalid-result-token',
  OddFailedEvaluations: 'odd-failed-evaluations',
} as const;
export type FaultKind = (typeof FaultKind)[keyof typeof FaultKind];

/** The calls a fault can hit. */
export const TARGETS = [
  'sts:AssumeRole',
  'iam:GetAccountSummary',
  'iam:GenerateCredentialReport',
  'iam:GetCredentialReport',
  'config:PutEvaluations',
] as const;
export type Target = (typeof TARGETS)[number];

/** `count` answers of one kind to one call, before the proper answers. */
export interface Fault {
  readonly target: Target;
  readonly kind: FaultKind;
  readonly count: number;
  /** A number in [0, 1) that picks the fault's details (where to cut, what garbage). */
  readonly detail: number;
}

/** How the account's credential report behaves. */
export const ReportState = {
  Ready: 'ready',
  Absent: 'absent',
  Expired: 'expired',
  InProgress: 'in-progress',
  LimitExceeded: 'limit-exceeded',
  NoState: 'generate-without-state',
  EmptyContent: 'empty-content',
  NotCsv: 'not-csv',
  MissingColumn: 'missing-column',
  NoRootRow: 'no-root-row',
  OddActive: 'odd-key-state',
  FewerKeys: 'fewer-keys-than-summary',
  ExtraColumns: 'extra-columns',
  RootLast: 'root-row-last',
  Bom: 'byte-order-mark',
  CommaNames: 'commas-in-user-names',
} as const;
export type ReportState = (typeof ReportState)[keyof typeof ReportState];

/** Report states whose content is a readable report of the account. */
export const READABLE_REPORTS: ReadonlySet<ReportState> = new Set([
  ReportState.Ready,
  ReportState.Absent,
  ReportState.Expired,
  ReportState.InProgress,
  ReportState.OddActive,
  ReportState.FewerKeys,
  ReportState.ExtraColumns,
  ReportState.RootLast,
  ReportState.Bom,
  ReportState.CommaNames,
]);

/** One key slot of the root row, as the report's cells say it. */
export interface Slot {
  /** The `access_key_N_active` cell, as sent (`true`, `false`, or something odd). */
  readonly active: string;
  /** Whether `access_key_N_last_rotated` holds a date (a key is in the slot). */
  readonly rotated: boolean;
  readonly used: boolean;
}

/** The evaluated account's root user. */
export interface Facts {
  readonly accountId: string;
  /** `AccountAccessKeysPresent`. */
  readonly keyCount: number;
  readonly password: boolean;
  /** The root row's two slots; an undefined slot reads `false` / `N/A`. */
  readonly slots: readonly [Slot | undefined, Slot | undefined];
  readonly report: ReportState;
  /** Polls that see a report being generated, once generation starts. */
  readonly polls: number;
}

/** What the event is. */
export const EventKind = {
  Periodic: 'periodic',
  Change: 'change-notification',
  Oversized: 'oversized-change-notification',
  LeftScope: 'left-scope',
  Malformed: 'malformed',
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];

/** The soak's workers: three warm execution environments and one that is always cold. */
export const WORKERS = [
  { name: 'warm-own', mode: Mode.Own, cold: false, cheap: false },
  { name: 'warm-organization', mode: Mode.Organization, cold: false, cheap: false },
  { name: 'warm-organization-fast', mode: Mode.Organization, cold: false, cheap: true },
  { name: 'cold', mode: undefined, cold: true, cheap: false },
] as const;

/** One invocation of the soak: the event, the account behind it, the faults and the budget. */
export interface Case {
  readonly n: number;
  readonly worker: string;
  readonly mode: Mode;
  readonly cold: boolean;
  readonly eventKind: EventKind;
  readonly malformation?: Malformation;
  readonly facts: Facts;
  /** The rule parameters drawn, one per parameter of the settings table with choices. */
  readonly parameters: CaseParameters;
  /** How the event spells them (`ruleParameters`, every value a string). */
  readonly ruleParameters: Readonly<Record<string, string>>;
  readonly partition: 'aws' | 'aws-us-gov' | 'aws-cn';
  readonly resultToken: string;
  readonly faults: readonly Fault[];
  /** What the Lambda context says is left at the start. */
  readonly budgetMs: number;
}

/** The Lambda timeout of the rule's function: the budget of an invocation without a short one. */
export const FULL_BUDGET_MS = 60_000;
