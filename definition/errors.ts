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

/**
 * A deployment setting (a CDK context key, a construct prop, a pack-template
 * option or a command-line option) has a value it does not allow. The message
 * names the setting, the value received and what is allowed.
 */
export class InvalidSettingError extends ProjectError {}
