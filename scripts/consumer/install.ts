/**
 * Installs the packed package into fresh projects the way a consumer does,
 * offline: each project gets a package-lock.json cut from this repository's
 * (the same versions, so every tarball comes from the npm cache that
 * `npm ci` filled) and is installed with `npm ci --offline`.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface LockEntry {
  readonly version?: string;
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  readonly [field: string]: unknown;
}

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  readonly devDependencies?: Record<string, string>;
  readonly bin?: Record<string, string>;
  readonly engines?: Record<string, string>;
  readonly license?: string;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** Runs npm quietly in `cwd`, failing with its output. */
export function npm(cwd: string, args: readonly string[]): string {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
}

/** Packs the package (its `prepack` builds it) into `dir`; returns the tarball's path. */
export function packTarball(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const output = npm(ROOT, ['pack', '--pack-destination', dir, '--silent']);
  const name = output.trim().split('\n').at(-1) ?? '';
  return join(dir, basename(name));
}

/**
 * The entries of this repository's lock file that `names` need: each
 * package, what it bundles and what it depends on, transitively, as
 * production packages.
 */
function lockClosure(names: Iterable<string>): Record<string, LockEntry> {
  const packages = readJson<{ packages: Record<string, LockEntry> }>(
    join(ROOT, 'package-lock.json'),
  ).packages;
  const wanted: Record<string, LockEntry> = {};
  const queue = [...names];
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    const key = `node_modules/${name}`;
    if (wanted[key] !== undefined) continue;
    const entry = packages[key];
    if (entry === undefined) throw new Error(`${name} is not in package-lock.json`);
    for (const [path, nested] of Object.entries(packages)) {
      if (path === key || path.startsWith(`${key}/node_modules/`)) {
        wanted[path] = asProduction(nested);
        for (const dep of requiredNames(nested)) {
          if (resolve(packages, path, dep) === `node_modules/${dep}`) queue.push(dep);
        }
      }
    }
  }
  return wanted;
}

/** The lock key Node's resolution finds `dep` at, from the package at `path`. */
function resolve(packages: Record<string, LockEntry>, path: string, dep: string): string {
  for (let from = path; ; ) {
    const candidate = `${from}/node_modules/${dep}`;
    if (packages[candidate] !== undefined) return candidate;
    const cut = from.lastIndexOf('/node_modules/');
    if (cut < 0) return `node_modules/${dep}`;
    from = from.slice(0, cut);
  }
}

function requiredNames(entry: LockEntry): string[] {
  const peers = Object.keys(entry.peerDependencies ?? {}).filter(
    (peer) => entry.peerDependenciesMeta?.[peer]?.optional !== true,
  );
  return [...Object.keys(entry.dependencies ?? {}), ...peers];
}

function asProduction(entry: LockEntry): LockEntry {
  const { dev: _dev, devOptional: _devOptional, peer: _peer, ...rest } = entry;
  return rest;
}

function integrity(file: string): string {
  return `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
}

/** What {@link installProject} sets up. */
export interface ProjectSpec {
  /** Where the project is created (an empty or missing directory). */
  readonly dir: string;
  /** The packed tarball of this package. */
  readonly tarball: string;
  /** Other packages, at the versions this repository locks. */
  readonly withPackages?: readonly string[];
  /** The project's own module type. @default 'module' */
  readonly type?: 'module' | 'commonjs';
}

/**
 * Creates a project depending on the tarball (and `withPackages`), writes its
 * lock file and installs it with `npm ci --offline`.
 */
export function installProject(spec: ProjectSpec): void {
  mkdirSync(spec.dir, { recursive: true });
  const manifest = readJson<Manifest>(join(ROOT, 'package.json'));
  const locked = lockClosure([
    ...Object.keys(manifest.dependencies ?? {}),
    ...(spec.withPackages ?? []),
  ]);
  const tarballSpec = `file:${spec.tarball}`;
  const dependencies: Record<string, string> = { [manifest.name]: tarballSpec };
  for (const name of spec.withPackages ?? []) {
    dependencies[name] = String(locked[`node_modules/${name}`]?.version);
  }
  const project = {
    name: 'consumer',
    version: '1.0.0',
    private: true,
    type: spec.type ?? 'module',
    dependencies,
  };
  const { devDependencies: _dev, ...published } = manifest;
  const lock = {
    name: project.name,
    version: project.version,
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: project.name, version: project.version, dependencies },
      [`node_modules/${manifest.name}`]: {
        version: manifest.version,
        resolved: tarballSpec,
        integrity: integrity(spec.tarball),
        license: published.license,
        dependencies: published.dependencies,
        bin: published.bin,
        engines: published.engines,
        peerDependencies: published.peerDependencies,
        peerDependenciesMeta: published.peerDependenciesMeta,
      },
      ...locked,
    },
  };
  writeFileSync(join(spec.dir, 'package.json'), `${JSON.stringify(project, null, 2)}\n`);
  writeFileSync(join(spec.dir, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
  npm(spec.dir, ['ci', '--offline', '--ignore-scripts']);
}
