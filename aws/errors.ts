import { ProjectError } from '../definition/errors.js';

/**
 * Base of the errors the AWS toolkit raises on purpose: a call failed, was
 * denied, was refused for its credentials, or ran out of time. The message
 * says what failed and how to fix it.
 */
export class AwsError extends ProjectError {}

/**
 * AWS refused the credentials themselves (unknown key, wrong secret,
 * expired session); the message says which and how to fix it.
 */
export class InvalidCredentialsError extends AwsError {}

/** An AWS call was denied; the message names the missing permission. */
export class AccessDeniedError extends AwsError {}

/** An AWS call failed for a reason other than access (after any SDK retries). */
export class AwsCallError extends AwsError {}

/**
 * The time left ran out during an AWS call or a wait between calls;
 * the message names which. Raised before Lambda would end the invocation, so
 * it fails fast with a message instead of a timeout.
 */
export class DeadlineExceededError extends AwsError {}

const ACCESS_DENIED_NAMES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
]);

/** Errors that mean the credentials themselves were refused, with what that says. */
const CREDENTIAL_PROBLEMS: Readonly<Record<string, string>> = {
  InvalidClientTokenId:
    'the access key id is not known to AWS (deleted, mistyped, or from another partition)',
  UnrecognizedClientException:
    'the access key id is not known to AWS (deleted, mistyped, or from another partition)',
  SignatureDoesNotMatch: 'the secret access key does not belong to the access key id',
  ExpiredToken: 'the session token has expired',
  ExpiredTokenException: 'the session token has expired',
};

/** How to fix refused credentials. */
const CREDENTIAL_FIX =
  'refresh the credentials (aws sso login for an SSO profile, new keys or a new session otherwise) and run again';

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
 * Turns an SDK error from `permission` into an {@link AwsError}: a denial
 * names the permission to grant, anything else keeps the SDK's words.
 */
export function toAwsError(error: unknown, permission: string, target = ''): ProjectError {
  if (error instanceof ProjectError) return error;
  const on = target === '' ? '' : ` on ${target}`;
  const problem = CREDENTIAL_PROBLEMS[errorName(error)];
  if (problem !== undefined) {
    return new InvalidCredentialsError(
      `${permission}${on} was refused because of the credentials, not a permission (${errorName(error)}: ${errorMessage(error)}): ${problem}; ${CREDENTIAL_FIX}`,
      { cause: error },
    );
  }
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
