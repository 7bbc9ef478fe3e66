import { isAccountId, RoleName, roleReference } from '../../../definition/names.js';
import { InvalidEventError, InvalidParameterError } from './errors.js';

const ARN_PATTERN = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:/;

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

/**
 * The ARN of a role in an evaluated account:
 * `arn:<partition>:iam::<account>:role/<path>/<name>`.
 *
 * @param roleName the role's name, optionally under an IAM path (`security/Audit`)
 * @throws InvalidParameterError when the account id or the role name is malformed
 */
export function executionRoleArn(partition: string, accountId: string, roleName: string): string {
  if (!isAccountId(accountId)) {
    throw new InvalidParameterError(
      `Cannot build the execution role ARN: received account id ${JSON.stringify(accountId)}; expected 12 digits`,
    );
  }
  const role = roleReference(roleName);
  if (role === undefined) {
    throw new InvalidParameterError(
      `Cannot build the execution role ARN: received role name ${JSON.stringify(roleName)}; expected ${RoleName.description}`,
    );
  }
  return `arn:${partition}:iam::${accountId}:role/${role.qualifiedName}`;
}
