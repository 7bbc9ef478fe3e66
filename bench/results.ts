import type { BudgetResult } from './budgets.js';
import type { DeployableBundle } from './bundle-asset.js';
import type { PathCalls } from './call-counts.js';
import type { CliFootprint, CliStart } from './cli-install.js';
import type { BundleSize, ColdLoad } from './cold-load.js';
import type { EvaluateScaling } from './evaluate-scaling.js';
import type { CostEstimate } from './lambda-cost.js';
import type { MachineInfo } from './machine.js';
import type { BenchOptions } from './options.js';
import type { PythonComparison } from './python-comparison.js';
import type { ReportHtml } from './report-html.js';
import type { ReportPaging } from './report-paging.js';
import type { WarmLatency } from './warm-latency.js';

/** Everything a bench run measured: the content of bench/results.json. */
export interface BenchResults {
  readonly generatedAt: string;
  readonly durationSeconds: number;
  readonly options: Omit<BenchOptions, 'help' | 'out'>;
  readonly machine: MachineInfo;
  readonly bundle: Omit<DeployableBundle, 'files' | 'entryFile'> & {
    /** Relative to the project. */
    readonly entryFile: string;
    readonly size: BundleSize;
  };
  readonly coldLoad: ColdLoad;
  /** Undefined when python3 with boto3 is not installed. */
  readonly python: PythonComparison | undefined;
  /**
   * The first invocation after the bundle loaded (compliant, own account, no
   * modelled latency): SDK clients are created on first use and code is not
   * yet optimized, so part of the cold start shows here, not in the load.
   */
  readonly firstInvocationMs: number;
  readonly warmLatency: readonly WarmLatency[];
  readonly callsPerPath: readonly PathCalls[];
  readonly evaluate: EvaluateScaling;
  readonly report: ReportPaging;
  /** The report's HTML page opened in Chromium. */
  readonly reportHtml: ReportHtml;
  readonly cost: CostEstimate;
  readonly cliStart: CliStart;
  readonly cliFootprint: CliFootprint;
  readonly budgets: readonly BudgetResult[];
}
