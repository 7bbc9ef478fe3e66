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

/** What installing the packed package alone (the CLI, no aws-cdk-lib) puts on disk. */
export interface CliFootprint {
  readonly tarballBytes: number;
  /** Every file under the project's node_modules, in MB (10^6 bytes). */
  readonly installedMb: number;
  readonly packages: number;
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

/** Packs the package and installs it alone into an empty project, offline; measures the tree. */
export function measureCliFootprint(): CliFootprint {
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
