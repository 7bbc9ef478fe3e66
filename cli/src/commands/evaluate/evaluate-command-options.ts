import type { SettingCommand } from '../../../../definition/setting.js';
import type { SettingOptions } from '../../options.js';

/** The options of `evaluate`, as commander parses them (the rule's settings from `SETTINGS`). */
export interface EvaluateCommandOptions extends SettingOptions<typeof SettingCommand.Evaluate> {
  readonly accounts?: string[];
  readonly organization?: boolean;
  readonly roleName?: string;
  readonly assumeRoot?: boolean;
  readonly concurrency: number;
  /** `--timeout`, in milliseconds. */
  readonly timeout: number;
}
