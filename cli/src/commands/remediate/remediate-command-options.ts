/** The options of `remediate`, as commander parses them. */
export interface RemediateCommandOptions {
  readonly accounts?: string[];
  readonly organization?: boolean;
  readonly apply?: boolean;
  readonly yes?: boolean;
  readonly minIdleDays: number;
  readonly auditLog?: string;
  readonly planFile?: string;
  /** `--max-plan-age`, in milliseconds. */
  readonly maxPlanAge: number;
  readonly concurrency: number;
  /** `--timeout`, in milliseconds. */
  readonly timeout: number;
}
