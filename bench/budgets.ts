/** A performance budget, checked against measured figures. */
export interface BudgetResult {
  readonly name: string;
  readonly limit: string;
  readonly measured: string;
  readonly pass: boolean;
}

/** The budgets' limits. */
export const BUDGETS = {
  /** AWS calls of a compliant evaluation (GetAccountSummary and PutEvaluations). */
  compliantCalls: 2,
  /** Whole-process cold load of the bundle over bare `node -e 0`. */
  coldLoadRatio: 1.5,
  /**
   * "Close to linear" made measurable: at every concurrency up to 50,
   * accounts/s at least this share of concurrency × accounts/s at concurrency 1.
   */
  scalingEfficiency: 0.8,
  /** `root-access-key-rule --help`, spawn to exit, over bare `node -e 0`. */
  cliHelpRatio: 2,
  /** The installed CLI's dependency tree without aws-cdk-lib, in MB. */
  cliFootprintMb: 25,
} as const;

/** Measured figures the budgets are checked against. */
export interface BudgetInputs {
  /** Calls of the compliant path, one per way it was counted (single invocation, warm run average). */
  readonly compliantCalls: readonly number[];
  readonly coldLoadRatio: number;
  readonly scaling: readonly { readonly concurrency: number; readonly scalingEfficiency: number }[];
  readonly cliHelpRatio: number;
  readonly cliFootprintMb: number;
}

/** Checks every budget. */
export function checkBudgets(inputs: BudgetInputs): BudgetResult[] {
  const worst = inputs.scaling.reduce(
    (low, run) => (run.scalingEfficiency < low.scalingEfficiency ? run : low),
    inputs.scaling[inputs.scaling.length - 1] ?? { concurrency: 0, scalingEfficiency: Number.NaN },
  );
  return [
    {
      name: 'compliant evaluation: AWS calls',
      limit: `= ${BUDGETS.compliantCalls}`,
      measured: [...new Set(inputs.compliantCalls)].join(' / '),
      pass: inputs.compliantCalls.every((calls) => calls === BUDGETS.compliantCalls),
    },
    {
      name: 'cold load: bundle / bare node',
      limit: `≤ ${BUDGETS.coldLoadRatio}×`,
      measured: `${inputs.coldLoadRatio.toFixed(2)}×`,
      pass: inputs.coldLoadRatio <= BUDGETS.coldLoadRatio,
    },
    {
      name: 'evaluate scaling up to 50 (efficiency vs linear)',
      limit: `≥ ${BUDGETS.scalingEfficiency} at each concurrency`,
      measured: `${worst.scalingEfficiency.toFixed(2)} (lowest, at ${worst.concurrency})`,
      pass: inputs.scaling.every((run) => run.scalingEfficiency >= BUDGETS.scalingEfficiency),
    },
    {
      name: 'CLI --help cold start / bare node',
      limit: `≤ ${BUDGETS.cliHelpRatio}×`,
      measured: `${inputs.cliHelpRatio.toFixed(2)}×`,
      pass: inputs.cliHelpRatio <= BUDGETS.cliHelpRatio,
    },
    {
      name: 'installed CLI footprint (no aws-cdk-lib)',
      limit: `≤ ${BUDGETS.cliFootprintMb} MB`,
      measured: `${inputs.cliFootprintMb.toFixed(1)} MB`,
      pass: inputs.cliFootprintMb <= BUDGETS.cliFootprintMb,
    },
  ];
}
