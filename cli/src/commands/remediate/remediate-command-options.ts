/** The options of `remediate`, as commander parses them. */
export interface RemediateCommandOptions {
  readonly accounts?: string[];
  readonly organization?: boolean;
  readonly apply?: boolean;
  readonly yes?: boolean;
  readonly minIdleDays: number;
  readonly auditLog?: string;
  readonly concurrency: number;
}
