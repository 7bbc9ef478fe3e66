import { InvalidEventError, InvalidParameterError } from './errors.js';

const ARN_PATTERN = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:/;
/** A 12-digit AWS account id. */
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;

/** The parts of an ARN the rule needs. */
export interface ArnParts {
  /** `aws`, `aws-cn`, `aws-us-gov`, … */
  readonly partition: string;
  /** The service namespace, such as `config`. */
  readonly service: string;
  /** The Region, empty for global resources. */
  readonly region: string;
  /** The owning account, if the ARN names one. */
  readonly accountId?: string;
}

/**
 * Splits an ARN into the parts the rule uses.
 *
 * @throws InvalidEventError when `arn` is not an ARN
 */
export function parseArn(arn: string, field = 'ARN'): ArnParts {
  const match = ARN_PATTERN.exec(arn);
  if (match === null) {
    throw new InvalidEventError(
      `${field} is not an ARN: received ${JSON.stringify(arn.slice(0, 200))}; expected arn:<partition>:<service>:<region>:<account>:<resource>`,
    );
  }
  const [, partition = '', service = '', region = '', accountId] = match;
  return { partition, service, region, ...(accountId === undefined ? {} : { accountId }) };
}

/** Whether `value` is a 12-digit AWS account id. */
export function isAccountId(value: unknown): value is string {
  return typeof value === 'string' && ACCOUNT_ID_PATTERN.test(value);
}

/**
 * The ARN of the role the rule assumes in an evaluated account.
 *
 * @throws InvalidParameterError when the account id is malformed
 */
export function executionRoleArn(partition: string, accountId: string, roleName: string): string {
  if (!isAccountId(accountId)) {
    throw new InvalidParameterError(
      `Cannot build the execution role ARN: received account id ${JSON.stringify(accountId)}; expected 12 digits`,
    );
  }
  return `arn:${partition}:iam::${accountId}:role/${roleName}`;
}
