import { Token } from 'aws-cdk-lib';
import type { NameFormat } from '../definition/names.js';
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
