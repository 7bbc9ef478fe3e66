/**
 * `npx tsx bench/detection.ts [--runs n] [--warm n]`: the figures of
 * real-time detection, against the local endpoint, from the built bundles
 * (run `npm run build` first):
 *
 * - the alert function, event in → alert out: cold (process start, bundle
 *   and SDK load, first invocation: spawn to exit) and warm (handler time of
 *   later invocations in one process); budgets 1 s and 50 ms at the median;
 * - the rule function's cold load with its metrics (Powertools Metrics)
 *   against the same handler built without them: budget 1.05×, checked on
 *   the `require` timed inside each process (whole-process times are
 *   reported too; on a loaded machine they move by tens of percent).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { build } from 'esbuild';
import { HANDLER_ASSET_PATH, HANDLER_FILE } from '../infra/constructs/handler-asset.js';
import { ALERT_ASSET_PATH } from '../infra/detection/alert-asset.js';
import { HANDLER_BUNDLE_TARGET } from '../scripts/build-settings.js';
import { endpointEnv } from '../tools/aws-endpoint/env.js';
import { startAwsEndpoint } from '../tools/aws-endpoint/server.js';
import { createWorld } from '../tools/aws-endpoint/world/world.js';
import { cleanEnv, interleavedLaunches, launch } from './cold-load.js';
import { median, round } from './stats.js';

const ROOT = join(import.meta.dirname, '..');
const run = promisify(execFile);

/** The budgets of the issue. */
export const DETECTION_BUDGETS = { coldMs: 1000, warmMs: 50, ruleColdLoadRatio: 1.05 } as const;

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '15' }, warm: { type: 'string', default: '200' } },
});
const runs = Number(values.runs);
const warm = Number(values.warm);

const OWN = '111111111111';
const TOPIC = `arn:aws:sns:eu-west-1:${OWN}:alerts`;
const RULE = 'root-access-key-rule-conformance-pack-x1y2z3';

async function alertFunctionFigures() {
  const world = createWorld({
    callerAccountId: OWN,
    topics: [TOPIC],
    accounts: [{ id: OWN, configRules: [RULE] }],
  });
  const server = await startAwsEndpoint({ world });
  try {
    const dir = mkdtempSync(join(tmpdir(), 'bench-detection-'));
    const eventFile = join(dir, 'event.json');
    // The real root CreateAccessKey event, in the function's own account.
    const fixture = await import(
      '../test/fixtures/cloudtrail/root-create-access-key-console.json',
      {
        with: { type: 'json' },
      }
    );
    writeFileSync(eventFile, JSON.stringify(fixture.default).replaceAll('493859302102', OWN));
    const env = cleanEnv({
      ...endpointEnv(server.url, 'eu-west-1'),
      ALERTS_TOPIC_ARN: TOPIC,
      RULE_NAME: 'root-access-key-rule',
    });
    const bundle = join(ROOT, ALERT_ASSET_PATH, HANDLER_FILE);
    const host = join(ROOT, 'bench/alert-host.mjs');
    const launch = async (count: number) => {
      const started = performance.now();
      const { stdout } = await run(process.execPath, [host, bundle, eventFile, String(count)], {
        env,
      });
      const wallMs = performance.now() - started;
      const figures = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
        loadMs: number;
        handlerMs: number[];
      };
      return { wallMs, ...figures };
    };
    const cold = [];
    for (let index = 0; index < runs; index++) cold.push(await launch(1));
    const warmRun = await launch(warm + 1);
    const warmMs = warmRun.handlerMs.slice(1);
    const publishes = server.calls.filter((call) => call.action === 'Publish').length;
    return {
      coldWallMs: round(median(cold.map((c) => c.wallMs))),
      coldLoadMs: round(median(cold.map((c) => c.loadMs))),
      coldFirstHandlerMs: round(median(cold.map((c) => c.handlerMs[0] ?? Number.NaN))),
      warmHandlerMedianMs: round(median(warmMs), 2),
      warmHandlerP95Ms: round(
        [...warmMs].sort((a, b) => a - b)[Math.floor(warmMs.length * 0.95)] ?? 0,
        2,
      ),
      publishes,
      expectedPublishes: runs + warm + 1,
    };
  } finally {
    await server.close();
  }
}

/** The rule handler bundled as `npm run build` does, optionally with its metrics stubbed out. */
async function ruleBundle(withMetrics: boolean): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'bench-rule-')), 'index.js');
  writeFileSync(join(outfile, '..', 'package.json'), '{ "type": "commonjs" }\n');
  await build({
    entryPoints: [join(ROOT, 'rule/src/handler.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    mainFields: ['module', 'main'],
    minify: true,
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
    target: HANDLER_BUNDLE_TARGET,
    format: 'cjs',
    plugins: withMetrics
      ? []
      : [
          {
            name: 'no-metrics',
            setup(esbuild) {
              esbuild.onResolve({ filter: /^\.\/metrics\.js$/ }, () => ({
                path: 'no-metrics',
                namespace: 'stub',
              }));
              esbuild.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
                contents:
                  'export const recordEvaluation = () => {}; export const recordFailure = () => {}; export const publishMetrics = () => {};',
                loader: 'js',
              }));
            },
          },
        ],
  });
  return outfile;
}

async function ruleColdLoadFigures() {
  const [withMetrics, without] = await Promise.all([ruleBundle(true), ruleBundle(false)]);
  const env = cleanEnv();
  const [metricsMs, baseMs] = interleavedLaunches(
    ['-e', `require(${JSON.stringify(withMetrics)})`],
    ['-e', `require(${JSON.stringify(without)})`],
    runs * 2,
    env,
  );
  // The require alone, timed inside each process: less noise than whole processes.
  const timed = (file: string) => [
    '-e',
    `const t=performance.now();require(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t))`,
  ];
  const requireMs: [number[], number[]] = [[], []];
  for (let index = 0; index < runs * 2; index++) {
    const order = index % 2 === 0 ? [0, 1] : [1, 0];
    for (const variant of order) {
      const ms = Number(launch(timed(variant === 0 ? withMetrics : without), env).stdout);
      requireMs[variant as 0 | 1].push(ms);
    }
  }
  return {
    processWithMetricsMs: round(median(metricsMs)),
    processWithoutMetricsMs: round(median(baseMs)),
    processRatio: round(median(metricsMs) / median(baseMs), 3),
    requireWithMetricsMs: round(median(requireMs[0]), 2),
    requireWithoutMetricsMs: round(median(requireMs[1]), 2),
    requireRatio: round(median(requireMs[0]) / median(requireMs[1]), 3),
    bundleBytes: { withMetrics: statSync(withMetrics).size, without: statSync(without).size },
    shippedBundleBytes: statSync(join(ROOT, HANDLER_ASSET_PATH, HANDLER_FILE)).size,
  };
}

const alert = await alertFunctionFigures();
const rule = await ruleColdLoadFigures();
const checks = [
  [
    'alert cold (spawn to exit, median)',
    `${alert.coldWallMs} ms`,
    `≤ ${DETECTION_BUDGETS.coldMs} ms`,
    alert.coldWallMs <= DETECTION_BUDGETS.coldMs,
  ],
  [
    'alert warm handler (median)',
    `${alert.warmHandlerMedianMs} ms`,
    `≤ ${DETECTION_BUDGETS.warmMs} ms`,
    alert.warmHandlerMedianMs <= DETECTION_BUDGETS.warmMs,
  ],
  [
    'rule cold load with metrics / without (require in process, median)',
    `${rule.requireRatio}×`,
    `≤ ${DETECTION_BUDGETS.ruleColdLoadRatio}×`,
    rule.requireRatio <= DETECTION_BUDGETS.ruleColdLoadRatio,
  ],
  [
    'one alert per invocation',
    `${alert.publishes}`,
    `= ${alert.expectedPublishes}`,
    alert.publishes === alert.expectedPublishes,
  ],
] as const;
process.stdout.write(`${JSON.stringify({ runs, warm, alert, rule }, undefined, 2)}\n\n`);
for (const [name, measured, limit, pass] of checks) {
  process.stdout.write(`${pass ? 'PASS' : 'FAIL'}  ${name}: ${measured} (${limit})\n`);
}
process.exitCode = checks.every(([, , , pass]) => pass) ? 0 : 1;
