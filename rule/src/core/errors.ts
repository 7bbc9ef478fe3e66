import { ProjectError } from '../../../definition/errors.js';

/**
 * Base class of every error the rule raises on purpose. Any `RuleError`
 * escaping the handler fails the invocation, so Config records an evaluation
 * error and keeps the last result instead of a made-up verdict.
 */
export class RuleError extends ProjectError {}

/** The Lambda event is not a Config rule event this rule can evaluate. */
export class InvalidEventError extends RuleError {}

/** A known rule parameter has a value outside what it allows. */
export class InvalidParameterError extends RuleError {}

/**
 * The details of the root user's keys are needed for the verdict
 * (`IgnoreInactiveKeys` is true and root keys exist) but could not be had or
 * do not account for the keys the account summary reports.
 */
export class RootKeysUnavailableError extends RuleError {}

/** {@link RootKeysUnavailableError} when the credential report is the source of the details. */
export class CredentialReportUnavailableError extends RootKeysUnavailableError {}

/** AWS Config kept rejecting evaluations after every retry. */
export class PutEvaluationsError extends RuleError {}
