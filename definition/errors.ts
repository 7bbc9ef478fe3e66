/** Options accepted by every error of the project. */
export interface ProjectErrorOptions {
  /** The underlying error, kept for logs and debugging. */
  readonly cause?: unknown;
}

/**
 * Base of the project's error hierarchies (the rule's, the tool's and the
 * settings'): sets `name` to the class name and keeps `cause`.
 */
export class ProjectError extends Error {
  constructor(message: string, options: ProjectErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
  }
}

/** Options of an {@link InvalidSettingError}: what was refused, for surfaces that reword it. */
export interface InvalidSettingErrorOptions extends ProjectErrorOptions {
  /** The setting as the user named it: `context key "frequency"`, `OrganizationStack prop maxConcurrency`. */
  readonly label?: string;
  /** What is allowed, in words: `an integer from 1 to 900`. */
  readonly allowed?: string;
}

/**
 * A setting (a CDK context key, a construct prop, a pack-template option, a
 * command-line option or a rule parameter) has a value it does not allow, or
 * a required one is missing. The message names the setting, the value
 * received and what is allowed; each surface wraps it in its own error
 * (commander's `InvalidArgumentError`, the rule's `InvalidParameterError`)
 * with `allowed`.
 */
export class InvalidSettingError extends ProjectError {
  /** The setting as the user named it, when known. */
  public readonly label: string | undefined;
  /** What is allowed, in words, when known. */
  public readonly allowed: string | undefined;

  constructor(message: string, options: InvalidSettingErrorOptions = {}) {
    super(message, options);
    this.label = options.label;
    this.allowed = options.allowed;
  }
}
