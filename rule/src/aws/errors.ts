import { AccessDeniedError, AwsCallError, RuleError } from '../core/errors.js';

const ACCESS_DENIED_NAMES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'AuthorizationError',
]);

/** Whether an SDK error means the caller lacks permission. */
export function isAccessDenied(error: unknown): boolean {
  return ACCESS_DENIED_NAMES.has(errorName(error));
}

/** The SDK exception name of an error, or `Error`. */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'Error';
}

/** The message of an error, or its string form. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Turns an SDK error from `permission` into a {@link RuleError}: a denial
 * names the permission to grant, anything else keeps the SDK's words.
 */
export function toRuleError(error: unknown, permission: string, target = ''): RuleError {
  if (error instanceof RuleError) return error;
  const on = target === '' ? '' : ` on ${target}`;
  if (isAccessDenied(error)) {
    return new AccessDeniedError(
      `${permission}${on} was denied (${errorName(error)}: ${errorMessage(error)}); the calling role needs ${permission}`,
      { cause: error },
    );
  }
  const attempts = attemptsOf(error);
  const after = attempts > 1 ? ` after ${attempts} attempts` : '';
  return new AwsCallError(
    `${permission}${on} failed${after}: ${errorName(error)}: ${errorMessage(error)}`,
    { cause: error },
  );
}

/** How many times the SDK sent the call that failed (1 when unknown). */
function attemptsOf(error: unknown): number {
  const metadata = (error as { $metadata?: { attempts?: unknown } } | null)?.$metadata;
  return typeof metadata?.attempts === 'number' ? metadata.attempts : 1;
}
