/** The options of `report`, as commander parses them. */
export interface ReportCommandOptions {
  readonly aggregator: string;
  readonly ruleName: string;
  readonly concurrency: number;
  /** `--timeout`, in milliseconds. */
  readonly timeout: number;
  readonly allowInsufficientData?: boolean;
  readonly allowMissingAccounts?: boolean;
  readonly packName?: string;
  /** `--max-result-age`, in milliseconds. */
  readonly maxResultAge?: number;
}
