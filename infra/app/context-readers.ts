import type { IConstruct } from 'constructs';
import { InvalidSettingError } from '../../definition/errors.js';
import type { Setting } from '../../definition/setting.js';
import { resolveSetting, SettingScope, type SettingValue } from '../../definition/setting.js';
import { Deployment, type Packaging } from '../../definition/setting-values.js';
import { type ResolvedSettings, settingsIn } from '../../definition/settings.js';
import { SETTINGS } from '../../definition/settings-table.js';
import type { RealtimeDetectionSettings } from '../detection/root-key-detection.js';
import { ContextKey, ORGANIZATION_CONTEXT_KEYS } from './context-keys.js';

export { Deployment } from '../../definition/setting-values.js';

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

/** The value {@link readSetting} gives: always one for a setting required or with a default. */
export type ContextValue<S> = S extends { readonly required: true }
  ? SettingValue<S>
  : S extends { readonly defaultValue: unknown }
    ? SettingValue<S>
    : SettingValue<S> | undefined;

/**
 * Reads one setting from its context key by its row of `SETTINGS`: the
 * row's default when not set; a setting without a context key takes its
 * default.
 *
 * @throws InvalidSettingError naming the key, the value received and what is
 *   allowed, or saying how to set a required key that is missing
 */
export function readSetting<S extends Setting>(scope: IConstruct, setting: S): ContextValue<S> {
  const key = setting.contextKey;
  if (key === undefined) return setting.defaultValue as ContextValue<S>;
  try {
    return resolveSetting(setting, contextLabel(key), readRaw(scope, key)) as ContextValue<S>;
  } catch (error) {
    if (!(error instanceof InvalidSettingError) || !error.message.startsWith('Missing '))
      throw error;
    throw new InvalidSettingError(`${error.message} (set it with -c ${key}=...)`, {
      label: contextLabel(key),
      allowed: setting.allowed,
      cause: error,
    });
  }
}

/** Reads the settings of `rows` from the context, by name. */
export function readSettings(scope: IConstruct, rows: readonly Setting[]): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const row of rows) {
    const value = readSetting(scope, row);
    if (value !== undefined) settings[row.name] = value;
  }
  return settings;
}

/** Reads `packaging`: `conformance-pack` (default) or `rule`. */
export function readPackaging(scope: IConstruct): Packaging {
  return readSetting(scope, SETTINGS.packaging);
}

/**
 * The settings of the CDK app shared by every deployment: the rule's settings
 * and those of every deployment (rows of scope `rule` and `deployment`),
 * defaults applied.
 */
export interface AppSettings
  extends Omit<
    ResolvedSettings<'rule' | 'deployment'>,
    'executionRoleName' | 'deployment' | 'realtimeDetection' | 'alertEmail'
  > {}

/**
 * Reads the settings shared by every deployment (rows of scope `rule` and
 * `deployment` with a context key), defaults filled in, every value validated.
 */
export function readRuleSettings(scope: IConstruct): AppSettings {
  // Rows that are no prop (deployment, realtimeDetection, alertEmail) are
  // read on their own: the stacks take them otherwise.
  const rows = settingsIn(SettingScope.Rule, SettingScope.Deployment).filter(
    (row) => row.prop !== false && row !== SETTINGS.executionRoleName,
  );
  return readSettings(scope, rows) as unknown as AppSettings;
}

/** Reads `deployment`: `account` (default) or `organization`. */
export function readDeployment(scope: IConstruct): Deployment {
  return readSetting(scope, SETTINGS.deployment);
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

/**
 * Reads `realtimeDetection` (on by default) and `alertEmail`: the settings
 * of real-time detection, or undefined when it is turned off.
 *
 * @throws InvalidSettingError when a value is malformed, or `alertEmail` is
 *   set with detection off (its alerts would never be sent)
 */
export function readDetection(scope: IConstruct): RealtimeDetectionSettings | undefined {
  const on = readSetting(scope, SETTINGS.realtimeDetection);
  const alertEmail = readSetting(scope, SETTINGS.alertEmail);
  if (!on) {
    if (alertEmail !== undefined) {
      throw new InvalidSettingError(
        `Context key "${ContextKey.AlertEmail}" needs real-time detection, but "${ContextKey.RealtimeDetection}" is false; remove one of them`,
      );
    }
    return undefined;
  }
  return alertEmail === undefined ? {} : { alertEmail };
}
