/** Options accepted by {@link InvalidSettingError}. */
export interface InvalidSettingErrorOptions {
  /** The underlying error, kept for debugging. */
  readonly cause?: unknown;
}

/**
 * A deployment setting (a CDK context key, a construct prop or a pack-template
 * option) has a value it does not allow. The message names the setting, the
 * value received and what is allowed.
 */
export class InvalidSettingError extends Error {
  constructor(message: string, options: InvalidSettingErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
  }
}
