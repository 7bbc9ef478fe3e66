import type { IConstruct } from 'constructs';
import { Frequency, RootWithoutCredentialsResult } from '../rule/src/core/constants.js';
import { InvalidSettingError } from './errors.js';
import {
  DEFAULT_RULE_SETTINGS,
  Deployment,
  LOG_RETENTION_DAYS,
  type LogRetentionDays,
  Packaging,
  RULE_NAME_DESCRIPTION,
  RULE_NAME_PATTERN,
  type RuleSettings,
} from './settings.js';
import { parseBoolean, parseEnum, parseInteger, parseList, parseString } from './validate.js';

/**
 * Every context key the app reads (`-c key=value` or `context` in cdk.json).
 * The organization keys are read by the organization deployment.
 */
export const ContextKey = {
  Deployment: 'deployment',
  Packaging: 'packaging',
  RuleName: 'ruleName',
  Frequency: 'frequency',
  IgnoreInactiveKeys: 'ignoreInactiveKeys',
  RootWithoutCredentials: 'rootWithoutCredentials',
  LogRetentionDays: 'logRetentionDays',
  ReserveConcurrency: 'reserveConcurrency',
  OrganizationId: 'organizationId',
  OrganizationalUnitIds: 'organizationalUnitIds',
  ExcludedAccounts: 'excludedAccounts',
  MemberRoleName: 'memberRoleName',
  MaxConcurrency: 'maxConcurrency',
  Aggregator: 'aggregator',
  AggregatorName: 'aggregatorName',
  DelegatedAdmin: 'delegatedAdmin',
} as const;

/** One of the values of {@link ContextKey}. */
export type ContextKey = (typeof ContextKey)[keyof typeof ContextKey];

/**
 * Reads a context value; `undefined` or an empty string (as `-c key=` gives)
 * counts as not set.
 */
export function readRaw(scope: IConstruct, key: string): unknown {
  const value: unknown = scope.node.tryGetContext(key);
  return value === '' ? undefined : value;
}

const label = (key: string) => `context key "${key}"`;

/** A context value that must be one of `allowed`, or `defaultValue` when not set. */
export function readEnum<T extends string>(
  scope: IConstruct,
  key: string,
  allowed: readonly T[],
  defaultValue: T,
): T {
  const value = readRaw(scope, key);
  return value === undefined ? defaultValue : parseEnum(label(key), value, allowed);
}

/** A context value `true` / `false` (any case), or `defaultValue` when not set. */
export function readBoolean(scope: IConstruct, key: string, defaultValue: boolean): boolean {
  const value = readRaw(scope, key);
  return value === undefined ? defaultValue : parseBoolean(label(key), value);
}

/** Options of {@link readString}. */
export interface ReadStringOptions {
  /** What a valid value must match. */
  readonly pattern: RegExp;
  /** The pattern in words, for error messages. */
  readonly description: string;
  /** Value when the key is not set. @default none: the key is required */
  readonly defaultValue?: string;
}

/**
 * A context string matching a pattern.
 *
 * @throws InvalidSettingError when the value does not match, or when the key is
 *   not set and has no default
 */
export function readString(scope: IConstruct, key: string, options: ReadStringOptions): string {
  const value = readRaw(scope, key);
  if (value === undefined && options.defaultValue !== undefined) return options.defaultValue;
  if (value === undefined) throw missing(key, options.description);
  return parseString(label(key), value, options.pattern, options.description);
}

/** An integer context value between `min` and `max`, or `defaultValue` when not set. */
export function readInteger(
  scope: IConstruct,
  key: string,
  range: { readonly min: number; readonly max: number },
  defaultValue: number,
): number {
  const value = readRaw(scope, key);
  return value === undefined ? defaultValue : parseInteger(label(key), value, range.min, range.max);
}

/** Options of {@link readList}. */
export interface ReadListOptions {
  /** What each item must match. */
  readonly pattern: RegExp;
  /** One item in words, for error messages. */
  readonly description: string;
  /** Value when the key is not set. @default none: the key is required */
  readonly defaultValue?: readonly string[];
}

/**
 * A list (JSON array in cdk.json, comma-separated with `-c`) whose items match
 * a pattern.
 *
 * @throws InvalidSettingError when an item does not match, or when the key is
 *   not set (or empty) and has no default
 */
export function readList(scope: IConstruct, key: string, options: ReadListOptions): string[] {
  const value = readRaw(scope, key);
  const items =
    value === undefined
      ? undefined
      : parseList(label(key), value, options.pattern, options.description);
  if (items !== undefined && items.length > 0) return items;
  if (options.defaultValue !== undefined) return [...options.defaultValue];
  throw missing(key, `a comma-separated list of ${options.description}`);
}

function missing(key: string, allowed: string): InvalidSettingError {
  return new InvalidSettingError(
    `Missing ${label(key)}: it is required; allowed: ${allowed} (set it with -c ${key}=...)`,
  );
}

/** Reads `deployment`: `account` (default) or `organization`. */
export function readDeployment(scope: IConstruct): Deployment {
  return readEnum(scope, ContextKey.Deployment, Object.values(Deployment), Deployment.Account);
}

/** Reads `packaging`: `conformance-pack` (default) or `rule`. */
export function readPackaging(scope: IConstruct): Packaging {
  return readEnum(scope, ContextKey.Packaging, Object.values(Packaging), Packaging.ConformancePack);
}

/** Reads the settings shared by every deployment, defaults filled in. */
export function readRuleSettings(scope: IConstruct): RuleSettings {
  const defaults = DEFAULT_RULE_SETTINGS;
  return {
    ruleName: readString(scope, ContextKey.RuleName, {
      pattern: RULE_NAME_PATTERN,
      description: RULE_NAME_DESCRIPTION,
      defaultValue: defaults.ruleName,
    }),
    frequency: readEnum(scope, ContextKey.Frequency, Object.values(Frequency), defaults.frequency),
    ignoreInactiveKeys: readBoolean(
      scope,
      ContextKey.IgnoreInactiveKeys,
      defaults.ignoreInactiveKeys,
    ),
    rootWithoutCredentials: readEnum(
      scope,
      ContextKey.RootWithoutCredentials,
      Object.values(RootWithoutCredentialsResult),
      defaults.rootWithoutCredentials,
    ),
    logRetentionDays: readLogRetentionDays(scope, defaults.logRetentionDays),
  };
}

/** Reads `logRetentionDays`: one of the periods CloudWatch Logs accepts. */
function readLogRetentionDays(scope: IConstruct, defaultValue: LogRetentionDays): LogRetentionDays {
  const value = readRaw(scope, ContextKey.LogRetentionDays);
  if (value === undefined) return defaultValue;
  const text = typeof value === 'number' ? String(value) : value;
  const allowed = LOG_RETENTION_DAYS.map(String);
  // parseEnum accepted one of LOG_RETENTION_DAYS, so the cast is exact.
  return Number(parseEnum(label(ContextKey.LogRetentionDays), text, allowed)) as LogRetentionDays;
}

const CONTEXT_KEYS: ReadonlySet<string> = new Set(Object.values(ContextKey));

/** The keys only an organization deployment reads. */
export const ORGANIZATION_CONTEXT_KEYS: readonly ContextKey[] = [
  ContextKey.OrganizationId,
  ContextKey.OrganizationalUnitIds,
  ContextKey.ExcludedAccounts,
  ContextKey.MemberRoleName,
  ContextKey.MaxConcurrency,
  ContextKey.Aggregator,
  ContextKey.AggregatorName,
  ContextKey.DelegatedAdmin,
];

/**
 * Fails when organization keys are set for an account deployment: whoever
 * sets `organizationId` but forgets `deployment=organization` would otherwise
 * get a single-account stack without a word.
 */
export function assertNoOrganizationKeys(scope: IConstruct): void {
  const set = ORGANIZATION_CONTEXT_KEYS.filter((key) => readRaw(scope, key) !== undefined);
  if (set.length === 0) return;
  throw new InvalidSettingError(
    `Context key${set.length > 1 ? 's' : ''} ${set.map((key) => `"${key}"`).join(', ')} ${set.length > 1 ? 'apply' : 'applies'} only to an organization deployment, but "${ContextKey.Deployment}" is "${Deployment.Account}"; add -c ${ContextKey.Deployment}=${Deployment.Organization}, or remove ${set.length > 1 ? 'them' : 'it'}`,
  );
}

/**
 * Fails on a context key that looks like one of the app's (a plain camelCase
 * word) but is not, so a typo such as `-c frequncy=One_Hour` is not silently
 * ignored. Keys of CDK itself (`@aws-cdk/...`, `aws:cdk:...`, `cli-telemetry`)
 * and lookups contain other characters and are left alone.
 *
 * @param values the context of the app, e.g. `app.node.getAllContext()`
 */
export function assertKnownContextKeys(values: Readonly<Record<string, unknown>>): void {
  const unknown = Object.keys(values).filter(
    (key) => /^[a-z][A-Za-z0-9]*$/.test(key) && !CONTEXT_KEYS.has(key),
  );
  if (unknown.length === 0) return;
  throw new InvalidSettingError(
    `Unknown context key${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `"${key}"`).join(', ')}; allowed keys: ${[...CONTEXT_KEYS].join(', ')}`,
  );
}
