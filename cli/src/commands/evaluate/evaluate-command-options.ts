import type { RootWithoutCredentialsResult } from '../../../../definition/settings.js';

/** The options of `evaluate`, as commander parses them. */
export interface EvaluateCommandOptions {
  readonly accounts?: string[];
  readonly organization?: boolean;
  readonly roleName?: string;
  readonly assumeRoot?: boolean;
  readonly concurrency: number;
  /** `--timeout`, in milliseconds. */
  readonly timeout: number;
  readonly ignoreInactiveKeys?: boolean;
  readonly rootWithoutCredentials: RootWithoutCredentialsResult;
}
