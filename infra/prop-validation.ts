import { Token } from 'aws-cdk-lib';
import type { NameFormat } from '../definition/names.js';
import type { Setting } from '../definition/setting.js';
import { resolveSettings } from '../definition/settings.js';
import { fail } from '../definition/validate.js';

/**
 * Throws an `InvalidSettingError` when a construct prop holds a concrete value
 * that fails `isValid`; unresolved tokens pass, since their value is only
 * known at deployment.
 *
 * @param label the prop as the user knows it, e.g. `MemberRole prop roleName`
 * @param allowed what is allowed, in words
 */
export function assertValid(
  label: string,
  value: string,
  isValid: (value: string) => boolean,
  allowed: string,
): void {
  if (Token.isUnresolved(value) || isValid(value)) return;
  fail(label, value, allowed);
}

/** {@link assertValid} for a value of a {@link NameFormat}. */
export function assertName(label: string, value: string, format: NameFormat): void {
  assertValid(label, value, (candidate) => format.pattern.test(candidate), format.description);
}

/** A namer of one construct's props in messages: `propLabel('MemberRole')('roleName')`. */
export function propLabel(construct: string): (prop: string) => string {
  return (prop) => `${construct} prop ${prop}`;
}

/** Whether a prop's value is, or holds, an unresolved CDK token. */
export function isToken(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(isToken);
  return (typeof value === 'string' || typeof value === 'number') && Token.isUnresolved(value);
}

/**
 * The props of `rows` (rows of `SETTINGS`) of a construct, each checked by its
 * row exactly as its context key is, defaults applied; unresolved tokens pass
 * as they are. Errors name the prop on the construct the user created:
 * `Invalid OrganizationStack prop maxConcurrency: received number 99999; …`.
 *
 * @param construct the construct's class name, for messages
 * @throws InvalidSettingError naming the prop, the value received and what is allowed,
 *   or that a required prop is missing
 */
export function resolveProps(
  construct: string,
  rows: readonly Setting[],
  props: object,
): Record<string, unknown> {
  return resolveSettings(
    rows.filter((row) => row.prop),
    props as Readonly<Record<string, unknown>>,
    propLabel(construct),
    isToken,
  );
}
