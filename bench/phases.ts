import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AwsEndpoint, SimulatedWorld } from '../tools/aws-endpoint/index.js';
import type { CommandChild } from '../tools/child-process/parent.js';
import { type DeployableBundle, stageBundle } from './bundle-asset.js';
import { countCallsPerPath, type HostedHandler, PATHS } from './call-counts.js';
import { measureColdLoad } from './cold-load.js';
import { measureEvaluateScaling } from './evaluate-scaling.js';
import { startCliHost, startEndpoint, startHandlerHost } from './hosts.js';
import type { BenchOptions } from './options.js';
import { measurePythonComparison } from './python-comparison.js';
import { measureReportHtml } from './report-html.js';
import { measureReportPaging } from './report-paging.js';
import {
  BENCH,
  cliWorld,
  keyedAccountWorld,
  organizationWorld,
  reportWorld,
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

/**
 * `evaluate` scaling, then `report` over an organization of its own (tree,
 * aggregator, pack) and its HTML page in Chromium, each against an endpoint
 * with the modelled latency.
 */
export async function measureCli(options: BenchOptions) {
  const { accounts, aggregatorAccounts, latencyMs } = options;
  const evaluate = await withCli(cliWorld(accounts), latencyMs, (endpoint, cli) => {
    step(`evaluate over ${accounts} accounts at concurrency 1, 10, 50`);
    return measureEvaluateScaling(endpoint, cli, accounts, latencyMs);
  });
  const dir = mkdtempSync(join(tmpdir(), 'bench-report-'));
  try {
    const htmlFile = join(dir, 'report.html');
    const report = await withCli(reportWorld(aggregatorAccounts), latencyMs, (endpoint, cli) => {
      step(`report over ${aggregatorAccounts} accounts (aggregator, OU tree, pack status)`);
      return measureReportPaging(endpoint, cli, aggregatorAccounts, latencyMs, htmlFile);
    });
    step(`the report's HTML page (${report.runs[0]?.rows ?? 0} rows) in Chromium`);
    const reportHtml = await measureReportHtml(htmlFile, 'workload-00042');
    return { evaluate, report, reportHtml };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function withCli<T>(
  world: SimulatedWorld,
  latencyMs: number,
  work: (endpoint: AwsEndpoint, cli: CommandChild) => Promise<T>,
): Promise<T> {
  const endpoint = await startEndpoint(world, latencyMs);
  const cli = await startCliHost(endpoint);
  try {
    return await work(endpoint, cli);
  } finally {
    await cli.close();
    await endpoint.close();
  }
}
