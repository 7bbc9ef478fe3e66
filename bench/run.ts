/**
 * `npm run bench [-- options]`: measures the deployable bundle, the bundled
 * handler and the command-line tool offline, prints a table, writes
 * bench/results.json and checks the performance budgets (docs/performance.md).
 * Exits 0 unless `--check` is given and a budget fails (then 1), or the run
 * itself fails (2).
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkBudgets } from './budgets.js';
import { locateBundle } from './bundle-asset.js';
import { PATHS } from './call-counts.js';
import { measureCliFootprint, measureCliStart } from './cli-install.js';
import { bundleSize } from './cold-load.js';
import { estimateLambdaCost } from './lambda-cost.js';
import { machineInfo } from './machine.js';
import { type BenchOptions, parseOptions, USAGE } from './options.js';
import { measureBundle, measureCli, step } from './phases.js';
import { render } from './print.js';
import type { BenchResults } from './results.js';
import { round } from './stats.js';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

async function run(options: BenchOptions): Promise<BenchResults> {
  const started = performance.now();
  const generatedAt = new Date().toISOString();
  const machine = machineInfo();
  step('locating the deployable bundle');
  const bundle = locateBundle(PROJECT_ROOT, options.synth);
  const size = bundleSize(bundle);
  const { coldLoad, python, callsPerPath, warmLatency } = await measureBundle(bundle, options);
  const { evaluate, report, reportHtml } = await measureCli(options);
  step(`CLI --help cold start, ${options.coldRuns} launches per variant`);
  const cliStart = measureCliStart(options.coldRuns);
  step(
    `installing the packed CLI alone into an empty project (offline); its bin and npx, ${options.coldRuns} launches each`,
  );
  const cliFootprint = measureCliFootprint(options.coldRuns);
  const { ROOT_ACCESS_KEY_FUNCTION_DEFAULTS } = await import(
    '../infra/constructs/root-access-key-function.js'
  );
  const path = (name: string) => callsPerPath.find((counted) => counted.path === name);
  const [compliant] = warmLatency;
  const firstInvocationMs = path(PATHS.compliantFirst)?.ms ?? Number.NaN;
  const cost = estimateLambdaCost({
    memoryMb: ROOT_ACCESS_KEY_FUNCTION_DEFAULTS.memorySizeMb,
    warmP50Ms: compliant.ms.p50,
    firstInvocationMs,
    coldLoadMs: coldLoad.bundleProcessMs,
    ownAccountCalls: path(PATHS.compliant)?.total ?? Number.NaN,
    crossAccountCalls: path(PATHS.crossAccountFirst)?.total ?? Number.NaN,
    roundTripMs: options.latencyMs,
  });
  const budgets = checkBudgets({
    compliantCalls: [
      path(PATHS.compliantFirst)?.total ?? Number.NaN,
      path(PATHS.compliant)?.total ?? Number.NaN,
      compliant.callsPerInvocation,
    ],
    coldLoadRatio: coldLoad.ratio,
    scaling: evaluate.runs,
    cliHelpRatio: cliStart.ratio,
    cliFootprintMb: cliFootprint.installedMb,
  });
  const { help: _help, out: _out, ...recorded } = options;
  const { files: _files, ...bundleFields } = bundle;
  return {
    generatedAt,
    durationSeconds: round((performance.now() - started) / 1000),
    options: recorded,
    machine,
    bundle: {
      ...bundleFields,
      assetDir: relative(PROJECT_ROOT, bundle.assetDir),
      entryFile: relative(PROJECT_ROOT, bundle.entryFile),
      size,
    },
    coldLoad,
    python,
    firstInvocationMs,
    warmLatency,
    callsPerPath,
    evaluate,
    report,
    reportHtml,
    cost,
    cliStart,
    cliFootprint,
    budgets,
  };
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const results = await run(options);
  console.log(render(results));
  if (options.out !== undefined) {
    writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`Results written to ${options.out}.`);
  }
  const failed = results.budgets.filter((budget) => !budget.pass);
  return options.check && failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('bench: the run failed:', error);
    process.exitCode = 2;
  },
);
