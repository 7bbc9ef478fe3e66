import type { IConstruct } from 'constructs';
import { InvalidSettingError } from '../../definition/errors.js';
import { type NameFormat, RuleName } from '../../definition/names.js';
import { definedFields } from '../../definition/objects.js';
import {
  Frequency,
  RootWithoutCredentialsResult,
  type RuleSettings,
  resolveRuleSettings,
} from '../../definition/settings.js';
import {
  parseBoolean,
  parseEnum,
  parseInteger,
  parseList,
  parseName,
} from '../../definition/validate.js';
import type { RealtimeDetectionSettings } from '../detection/root-key-detection.js';
import {
  DEFAULT_LOG_RETENTION_DAYS,
  LOG_RETENTION_DAYS,
  type LogRetentionDays,
  Packaging,
} from '../settings.js';
import { ContextKey, ORGANIZATION_CONTEXT_KEYS } from './context-keys.js';

/**
 * Reads a context value; `undefined` or an empty string (as `-c key=` gives)
 * counts as not set.
 */
export function readRaw(scope: IConstruct, key: string): unknown {
  const value: unknown = scope.node.tryGetContext(key);
  return value === '' ? undefined : value;
}

/** How a context key is named in messages. */
export const contextLabel = (key: string) => `context key "${key}"`;

/** A context value that must be one of `allowed`, or `defaultValue` when not set. */
export function readEnum<T extends string>(
  scope: IConstruct,
  key: string,
  allowed: readonly T[],
  defaultValue: T,
): T {
  const value = readRaw(scope, key);
  return value === undefined ? defaultValue : parseEnum(contextLabel(key), value, allowed);
}

/** A context value `true` / `false` (any case), or `defaultValue` when not set. */
export function readBoolean(scope: IConstruct, key: string, defaultValue: boolean): boolean {
  const value = readRaw(scope, key);
  return value === undefined ? defaultValue : parseBoolean(contextLabel(key), value);
}

/**
 * A context string of a {@link NameFormat}, or `defaultValue` when not set.
 *
 * @throws InvalidSettingError when the value does not match, or when the key is
 *   not set and has no default
 */
export function readName(
  scope: IConstruct,
  key: string,
  format: NameFormat,
  defaultValue?: string,
): string {
  const value = readRaw(scope, key);
  if (value === undefined && defaultValue !== undefined) return defaultValue;
  if (value === undefined) throw missing(key, format.description);
  return parseName(contextLabel(key), value, format);
}

/** An integer context value between `min` and `max`, or `defaultValue` when not set. */
export function readInteger(
  scope: IConstruct,
  key: string,
  range: { readonly min: number; readonly max: number },
  defaultValue: number,
): number {
  const value = readRaw(scope, key);
  return value === undefined
    ? defaultValue
    : parseInteger(contextLabel(key), value, range.min, range.max);
}

/**
 * A list (JSON array in cdk.json, comma-separated with `-c`) whose items are
 * of a {@link NameFormat}; `defaultValue` when not set or empty.
 *
 * @throws InvalidSettingError when an item does not match, or when the key is
 *   not set (or empty) and has no default
 */
export function readList(
  scope: IConstruct,
  key: string,
  format: NameFormat,
  defaultValue?: readonly string[],
): string[] {
  const value = readRaw(scope, key);
  const items =
    value === undefined
      ? undefined
      : parseList(contextLabel(key), value, format.pattern, format.description);
  if (items !== undefined && items.length > 0) return items;
  if (defaultValue !== undefined) return [...defaultValue];
  throw missing(key, `a comma-separated list of ${format.description}`);
}

function missing(key: string, allowed: string): InvalidSettingError {
  return new InvalidSettingError(
    `Missing ${contextLabel(key)}: it is required; allowed: ${allowed} (set it with -c ${key}=...)`,
  );
}

/** Reads `packaging`: `conformance-pack` (default) or `rule`. */
export function readPackaging(scope: IConstruct): Packaging {
  return readEnum(scope, ContextKey.Packaging, Object.values(Packaging), Packaging.ConformancePack);
}

/** The settings of the CDK app: the rule's settings and the function's log retention. */
export interface AppSettings extends Omit<RuleSettings, 'executionRoleName'> {
  /** Retention of the function's log group, in days. */
  readonly logRetentionDays: LogRetentionDays;
}

/** Reads the settings shared by every deployment, defaults filled in, every value validated. */
export function readRuleSettings(scope: IConstruct): AppSettings {
  const read = <T>(key: ContextKey, parse: (label: string, value: unknown) => T): T | undefined => {
    const value = readRaw(scope, key);
    return value === undefined ? undefined : parse(contextLabel(key), value);
  };
  const { executionRoleName: _never, ...settings } = resolveRuleSettings(
    definedFields({
      ruleName: read(ContextKey.RuleName, (label, value) => parseName(label, value, RuleName)),
      frequency: read(ContextKey.Frequency, (label, value) =>
        parseEnum(label, value, Object.values(Frequency)),
      ),
      ignoreInactiveKeys: read(ContextKey.IgnoreInactiveKeys, parseBoolean),
      rootWithoutCredentials: read(ContextKey.RootWithoutCredentials, (label, value) =>
        parseEnum(label, value, Object.values(RootWithoutCredentialsResult)),
      ),
    }),
    contextLabel,
  );
  return { ...settings, logRetentionDays: readLogRetentionDays(scope) };
}

/** Reads `logRetentionDays`: one of the periods CloudWatch Logs accepts. */
function readLogRetentionDays(scope: IConstruct): LogRetentionDays {
  const value = readRaw(scope, ContextKey.LogRetentionDays);
  if (value === undefined) return DEFAULT_LOG_RETENTION_DAYS;
  const text = typeof value === 'number' ? String(value) : value;
  const allowed = LOG_RETENTION_DAYS.map(String);
  // parseEnum accepted one of LOG_RETENTION_DAYS, so the cast is exact.
  return Number(
    parseEnum(contextLabel(ContextKey.LogRetentionDays), text, allowed),
  ) as LogRetentionDays;
}

/** Where the app deploys the rule (context key `deployment`). */
export const Deployment = {
  /** One account and Region (the default). */
  Account: 'account',
  /** Every account of an AWS Organization, from a central account. */
  Organization: 'organization',
} as const;

/** One of the values of {@link Deployment}. */
export type Deployment = (typeof Deployment)[keyof typeof Deployment];

/** Reads `deployment`: `account` (default) or `organization`. */
export function readDeployment(scope: IConstruct): Deployment {
  return readEnum(scope, ContextKey.Deployment, Object.values(Deployment), Deployment.Account);
}

/**
 * Fails when organization keys are set for an account deployment: whoever
 * sets `organizationId` but forgets `deployment=organization` would otherwise
 * get a single-account stack without a word.
 */
export function assertNoOrganizationKeys(scope: IConstruct): void {
  const set = ORGANIZATION_CONTEXT_KEYS.filter((key) => readRaw(scope, key) !== undefined);
  if (set.length === 0) return;
  const many = set.length > 1;
  throw new InvalidSettingError(
    `Context key${many ? 's' : ''} ${set.map((key) => `"${key}"`).join(', ')} ${many ? 'apply' : 'applies'} only to an organization deployment, but "${ContextKey.Deployment}" is "${Deployment.Account}"; add -c ${ContextKey.Deployment}=${Deployment.Organization}, or remove ${many ? 'them' : 'it'}`,
  );
}

/** An e-mail address, as SNS e-mail subscriptions take it. */
const EMAIL_FORMAT: NameFormat = {
  pattern: /^[^@\s]+@[^@\s]+\.[^@\s]+$/,
  description: 'an e-mail address (name@example.com)',
};

/**
 * Reads `realtimeDetection` (on by default) and `alertEmail`: the settings
 * of real-time detection, or undefined when it is turned off.
 *
 * @throws InvalidSettingError when a value is malformed, or `alertEmail` is
 *   set with detection off (its alerts would never be sent)
 */
export function readDetection(scope: IConstruct): RealtimeDetectionSettings | undefined {
  const on = readBoolean(scope, ContextKey.RealtimeDetection, true);
  const email = readRaw(scope, ContextKey.AlertEmail);
  if (!on) {
    if (email !== undefined) {
      throw new InvalidSettingError(
        `Context key "${ContextKey.AlertEmail}" needs real-time detection, but "${ContextKey.RealtimeDetection}" is false; remove one of them`,
      );
    }
    return undefined;
  }
  return email === undefined
    ? {}
    : { alertEmail: parseName(contextLabel(ContextKey.AlertEmail), email, EMAIL_FORMAT) };
}
