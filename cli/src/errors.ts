import { errorMessage, errorName } from '../../aws/errors.js';
import { ProjectError } from '../../definition/errors.js';

/** Base of the tool's own errors: the message says what is wrong and how to fix it. */
export class CliError extends ProjectError {}

/**
 * The command line asks for something the tool cannot do (options that only
 * work together). Like commander's own usage errors, it exits with code 2.
 */
export class UsageError extends CliError {}

/** No AWS Region is configured and the command cannot guess one. */
export class MissingRegionError extends CliError {}

/** A Region that is not an AWS Region name, or not one of the caller's partition. */
export class InvalidRegionError extends CliError {}

/** The SDK's default chain (or the profile) gives no usable credentials. */
export class CredentialsUnavailableError extends CliError {}

/** The Config aggregator named on the command line does not exist where the tool looked. */
export class AggregatorNotFoundError extends CliError {}

/**
 * An error as one line for an output row or stderr. The rule's and the tool's
 * errors already say what failed, what was received and what is needed;
 * anything else is prefixed with its name.
 */
export function describeError(error: unknown): string {
  if (error instanceof ProjectError) return error.message;
  return `${errorName(error)}: ${errorMessage(error)}`;
}
