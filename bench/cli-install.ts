import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installProject, packTarball } from '../scripts/consumer/install.js';
import { directoryBytes } from '../scripts/files.js';
import { cleanEnv, interleavedLaunches } from './cold-load.js';
import { median, round } from './stats.js';

const BIN = fileURLToPath(new URL('../bin/root-access-key-rule.mjs', import.meta.url));

/** `root-access-key-rule --help`, spawn to exit, side by side with bare `node -e 0`. */
export interface CliStart {
  readonly runs: number;
  readonly bareNodeMs: number;
  readonly helpMs: number;
  /** helpMs / bareNodeMs. */
  readonly ratio: number;
}

/**
 * `--help` of the installed package, spawn to exit: the bin a local or global
 * install puts on the PATH, against `npx root-access-key-rule` in the same
 * project (npm's own start and resolution before the same bin).
 */
export interface InstalledStart {
  readonly runs: number;
  readonly installedBinMs: number;
  readonly npxMs: number;
  /** npxMs / installedBinMs. */
  readonly npxRatio: number;
}

/** What installing the packed package alone (the CLI, no aws-cdk-lib) puts on disk, and how fast it starts. */
export interface CliFootprint {
  readonly tarballBytes: number;
  /** Every file under the project's node_modules, in MB (10^6 bytes). */
  readonly installedMb: number;
  readonly packages: number;
  readonly start: InstalledStart;
}

/**
 * Times the built tool's `--help` (the bundled bin in dist/cli, as the
 * package ships it) against `node -e 0`, interleaved and alternating which
 * goes first, after warm-up launches.
 */
export function measureCliStart(runs: number): CliStart {
  const [bare, help] = interleavedLaunches(['-e', '0'], [BIN, '--help'], runs, cleanEnv());
  const bareNodeMs = median(bare);
  const helpMs = median(help);
  return {
    runs,
    bareNodeMs: round(bareNodeMs),
    helpMs: round(helpMs),
    ratio: round(helpMs / bareNodeMs, 2),
  };
}

/** Spawns `command args` in `cwd`; milliseconds from spawn to exit. @throws Error when it fails */
function timedRun(command: string, args: readonly string[], cwd: string): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, [...args], { cwd, env: cleanEnv(), encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (exit ${result.status}): ${result.stderr}`,
    );
  }
  return ms;
}

/**
 * Times the installed bin against `npx` (offline, never installing) in
 * `project`, interleaved and alternating which goes first, after one warm-up.
 */
export function measureInstalledStart(project: string, runs: number): InstalledStart {
  const bin = () =>
    timedRun(join(project, 'node_modules/.bin/root-access-key-rule'), ['--help'], project);
  const npx = () =>
    timedRun('npx', ['--offline', '--no', 'root-access-key-rule', '--help'], project);
  const samples = { bin: [] as number[], npx: [] as number[] };
  for (let run = -1; run < runs; run++) {
    const [first, second] = run % 2 === 0 ? [bin, npx] : [npx, bin];
    const a = first();
    const b = second();
    if (run < 0) continue;
    samples.bin.push(first === bin ? a : b);
    samples.npx.push(first === npx ? a : b);
  }
  const installedBinMs = median(samples.bin);
  const npxMs = median(samples.npx);
  return {
    runs,
    installedBinMs: round(installedBinMs),
    npxMs: round(npxMs),
    npxRatio: round(npxMs / installedBinMs, 2),
  };
}

/**
 * Packs the package and installs it alone into an empty project, offline;
 * measures the tree and how fast the installed tool starts (`runs` launches
 * of each way to start it).
 */
export function measureCliFootprint(runs: number): CliFootprint {
  const work = mkdtempSync(join(tmpdir(), 'root-access-key-rule-footprint-'));
  try {
    const tarball = packTarball(work);
    const project = join(work, 'cli-only');
    installProject({ dir: project, tarball });
    const modules = join(project, 'node_modules');
    return {
      tarballBytes: statSync(tarball).size,
      installedMb: round(directoryBytes(modules) / 1_000_000, 1),
      packages: countPackages(modules),
      start: measureInstalledStart(project, runs),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function countPackages(modules: string): number {
  // npm writes the tree it installed here.
  const lock = JSON.parse(readFileSync(join(modules, '.package-lock.json'), 'utf8')) as {
    packages: Record<string, unknown>;
  };
  return Object.keys(lock.packages).length;
}
