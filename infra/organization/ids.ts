import { Token } from 'aws-cdk-lib';
import { InvalidSettingError } from '../errors.js';
import { received } from '../validate.js';

/** An AWS Organizations organization id, such as `o-a1b2c3d4e5`. */
export const ORGANIZATION_ID_PATTERN = /^o-[a-z0-9]{10,32}$/;

/** An organizational unit id, such as `ou-ab12-cdefgh34`. */
export const ORGANIZATIONAL_UNIT_ID_PATTERN = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;

/** An organization root id, such as `r-ab12`. */
export const ROOT_ID_PATTERN = /^r-[0-9a-z]{4,32}$/;

/** An OU id or a root id: the deployment targets a StackSet accepts. */
export const DEPLOYMENT_TARGET_PATTERN = new RegExp(
  `${ORGANIZATIONAL_UNIT_ID_PATTERN.source}|${ROOT_ID_PATTERN.source}`,
);

/** {@link DEPLOYMENT_TARGET_PATTERN} in words, for error messages. */
export const DEPLOYMENT_TARGET_DESCRIPTION =
  'an OU id (ou-<4-32 characters>-<8-32 characters>, such as ou-ab12-cdefgh34) or the root id (r-<4-32 characters>, such as r-ab12)';

/** A 12-digit account id (the rule's own check). */
export { ACCOUNT_ID_PATTERN } from '../../rule/src/core/arn.js';

/**
 * Throws an {@link InvalidSettingError} when a construct property holds a
 * concrete value that fails `isValid`; unresolved tokens pass, since their
 * value is only known at deployment.
 */
export function assertValid(
  label: string,
  value: string,
  isValid: (value: string) => boolean,
  allowed: string,
): void {
  if (Token.isUnresolved(value) || isValid(value)) return;
  throw new InvalidSettingError(
    `Invalid ${label}: received ${received(value)}; allowed: ${allowed}`,
  );
}
