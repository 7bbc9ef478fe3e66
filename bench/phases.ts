import type { AwsEndpoint, SimulatedWorld } from '../tools/aws-endpoint/index.js';
import { type DeployableBundle, stageBundle } from './bundle-asset.js';
import { countCallsPerPath, type HostedHandler, PATHS } from './call-counts.js';
import { measureColdLoad } from './cold-load.js';
import { measureEvaluateScaling } from './evaluate-scaling.js';
import { startCliHost, startEndpoint, startHandlerHost } from './hosts.js';
import type { BenchOptions } from './options.js';
import { measurePythonComparison } from './python-comparison.js';
import { measureReportPaging } from './report-paging.js';
import {
  BENCH,
  cliWorld,
  keyedAccountWorld,
  organizationWorld,
  scheduledEvent,
} from './scenario.js';
import { measureWarmLatency } from './warm-latency.js';

/** Says on stderr what the bench is doing (stdout carries the table). */
export function step(message: string): void {
  console.error(`bench: ${message}`);
}

/**
 * Measurements of the bundle itself, on a copy outside the project: cold
 * load (with the boto3 comparison), AWS calls per path and warm latency.
 */
export async function measureBundle(bundle: DeployableBundle, options: BenchOptions) {
  const staged = stageBundle(bundle);
  try {
    step(`cold load, ${options.coldRuns} launches per variant`);
    const coldLoad = measureColdLoad(staged.entryFile, options.coldRuns);
    const python = measurePythonComparison(Math.min(10, options.coldRuns));
    const handler = await measureHandler(staged.entryFile, options.invocations);
    return { coldLoad, python, ...handler };
  } finally {
    staged.remove();
  }
}

async function measureHandler(bundleFile: string, invocations: number) {
  const own = await hosted(organizationWorld(), bundleFile);
  const keyed = await hosted(keyedAccountWorld(), bundleFile);
  try {
    step('counting AWS calls per path');
    const callsPerPath = await countCallsPerPath(own, keyed);
    step(`warm latency, ${invocations} invocations per path`);
    const { centralAccount, keyedOwnAccount } = BENCH;
    const compliant = scheduledEvent(centralAccount);
    const nonCompliant = scheduledEvent(keyedOwnAccount);
    const warmLatency = [
      await measureWarmLatency(own, PATHS.compliant, compliant, invocations),
      await measureWarmLatency(keyed, PATHS.currentReport, nonCompliant, invocations),
    ] as const;
    return { callsPerPath, warmLatency };
  } finally {
    for (const target of [own, keyed]) {
      await target.host.close();
      await target.endpoint.close();
    }
  }
}

async function hosted(world: SimulatedWorld, bundleFile: string): Promise<HostedHandler> {
  const endpoint: AwsEndpoint = await startEndpoint(world);
  return { endpoint, host: await startHandlerHost(bundleFile, endpoint) };
}

/** `evaluate` scaling and `report` paging, against one endpoint with the modelled latency. */
export async function measureCli(options: BenchOptions) {
  const world = cliWorld(options.accounts, options.aggregatorAccounts);
  const endpoint = await startEndpoint(world, options.latencyMs);
  const cli = await startCliHost(endpoint);
  try {
    step(`evaluate over ${options.accounts} accounts at concurrency 1, 10, 50`);
    const { accounts, aggregatorAccounts, latencyMs } = options;
    const evaluate = await measureEvaluateScaling(endpoint, cli, accounts, latencyMs);
    step(`report over ${aggregatorAccounts} accounts`);
    const report = await measureReportPaging(endpoint, cli, aggregatorAccounts, latencyMs);
    return { evaluate, report };
  } finally {
    await cli.close();
    await endpoint.close();
  }
}
