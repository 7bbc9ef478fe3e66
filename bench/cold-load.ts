import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { DeployableBundle } from './bundle-asset.js';
import { median, round } from './stats.js';

/** Size of the bundle: the entry file and the whole asset (which may hold lazily loaded chunks). */
export interface BundleSize {
  readonly entryBytes: number;
  readonly entryGzipBytes: number;
  readonly files: number;
  readonly assetBytes: number;
  readonly assetGzipBytes: number;
}

/** Measures the bundle's size, raw and gzipped (zlib default level, per file). */
export function bundleSize(bundle: DeployableBundle): BundleSize {
  const sizes = bundle.files.map((file) => {
    const content = readFileSync(file);
    return { file, raw: content.length, gzip: gzipSync(content).length };
  });
  const entry = sizes.find((size) => size.file === bundle.entryFile);
  return {
    entryBytes: entry?.raw ?? 0,
    entryGzipBytes: entry?.gzip ?? 0,
    files: sizes.length,
    assetBytes: sizes.reduce((sum, size) => sum + size.raw, 0),
    assetGzipBytes: sizes.reduce((sum, size) => sum + size.gzip, 0),
  };
}

/** Cold-load figures: whole processes side by side, and the in-process require. */
export interface ColdLoad {
  readonly runs: number;
  /** Median wall time of `node -e 0`, spawn to exit, in ms. */
  readonly bareNodeMs: number;
  /** Median wall time of `node -e "require(bundle)"`, spawn to exit, in ms. */
  readonly bundleProcessMs: number;
  /** bundleProcessMs / bareNodeMs. */
  readonly ratio: number;
  /** Median of `require(bundle)` timed inside the process, in ms. */
  readonly requireMs: number;
  /** The raw samples, in launch order. */
  readonly samples: {
    readonly bare: number[];
    readonly bundle: number[];
    readonly require: number[];
  };
}

/** Launches discarded before measuring, to warm the file cache. */
const WARMUP = 3;

/**
 * Times whole processes: bare `node -e 0` (the floor) and
 * `node -e "require(bundle)"`, interleaved and alternating which goes first,
 * so drift in the machine's load hits both alike; then the in-process
 * `require` time in separate launches. Children get no `NODE_OPTIONS`.
 */
export function measureColdLoad(entryFile: string, runs: number): ColdLoad {
  const env = cleanEnv();
  const file = JSON.stringify(entryFile);
  const bare = ['-e', '0'];
  const load = ['-e', `require(${file})`];
  const timed = [
    '-e',
    `const t=performance.now();require(${file});process.stdout.write(String(performance.now()-t))`,
  ];
  const [bareSamples, bundleSamples] = interleavedLaunches(bare, load, runs, env);
  const samples = {
    bare: bareSamples.map((ms) => round(ms, 2)),
    bundle: bundleSamples.map((ms) => round(ms, 2)),
    require: [] as number[],
  };
  for (let run = -WARMUP; run < runs; run++) {
    const inProcess = Number(launch(timed, env).stdout);
    if (run >= 0) samples.require.push(round(inProcess, 2));
  }
  const bareNodeMs = median(samples.bare);
  const bundleProcessMs = median(samples.bundle);
  return {
    runs,
    bareNodeMs: round(bareNodeMs),
    bundleProcessMs: round(bundleProcessMs),
    ratio: round(bundleProcessMs / bareNodeMs, 2),
    requireMs: round(median(samples.require)),
    samples,
  };
}

/**
 * Times whole processes of two variants side by side: interleaved, and
 * alternating which goes first, so drift in the machine's load hits both
 * alike; warm-up launches first. Returns each variant's samples, in order.
 */
export function interleavedLaunches(
  first: readonly string[],
  second: readonly string[],
  runs: number,
  env: NodeJS.ProcessEnv,
): [number[], number[]] {
  const samples: [number[], number[]] = [[], []];
  for (let run = -WARMUP; run < runs; run++) {
    const swapped = run % 2 !== 0;
    const a = launch(swapped ? second : first, env).ms;
    const b = launch(swapped ? first : second, env).ms;
    if (run < 0) continue;
    samples[0].push(swapped ? b : a);
    samples[1].push(swapped ? a : b);
  }
  return samples;
}

/** Launches `node <args>` and times it from spawn to exit. @throws Error when it fails */
export function launch(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  command: string = process.execPath,
): { ms: number; stdout: string } {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, [...args], { env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (exit ${result.status}): ${result.stderr}`,
    );
  }
  return { ms, stdout: result.stdout };
}

/** The environment without loaders or AWS settings that would change what is measured. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name === 'NODE_OPTIONS' || name.startsWith('AWS_') || name.startsWith('npm_')) continue;
    env[name] = value;
  }
  return { ...env, ...extra };
}
