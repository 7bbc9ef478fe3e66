import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { SynthMode } from './options.js';

/** The rule function's deployable bundle as `npm run synth` packaged it. */
export interface DeployableBundle {
  /** Stack and logical id of the function it was found in. */
  readonly stack: string;
  readonly logicalId: string;
  /** The asset directory (what is zipped and uploaded), absolute. */
  readonly assetDir: string;
  /** The file Lambda loads (from the function's `Handler`), absolute. */
  readonly entryFile: string;
  /** Every file of the asset, absolute. */
  readonly files: readonly string[];
  /** Settings of the function in the template. */
  readonly handler: string;
  readonly runtime: string;
  readonly architectures: readonly string[];
  readonly memorySizeMb: number | undefined;
  /** Whether `npm run synth` ran in this bench run, and why. */
  readonly synthesized: string | undefined;
}

const OUTDIR = 'cdk.out';
/** Sources whose change makes a bundle stale. */
const SOURCES = ['rule/src', 'definition', 'infra/constructs', 'package-lock.json'];

interface CfnFunction {
  readonly Type: string;
  readonly Properties?: {
    readonly Handler?: string;
    readonly Runtime?: string;
    readonly Architectures?: string[];
    readonly MemorySize?: number;
  };
  readonly Metadata?: Record<string, unknown>;
}

/**
 * Finds the rule function's bundle in cdk.out through the manifest and the
 * templates (the function whose `aws:cdk:path` is `…/Resource/Resource` and
 * whose code is an asset: the prebuilt handler that the package ships), never by guessing the newest directory.
 * Runs `npm run synth` first when `mode` says so, or in `auto` mode when the
 * bundle is missing or older than the sources.
 *
 * @throws Error when synth fails or no such function is found
 */
export function locateBundle(projectRoot: string, mode: SynthMode): DeployableBundle {
  let reason: string | undefined;
  if (mode === 'always') reason = '--synth';
  if (mode === 'auto') {
    const found = findBundle(projectRoot);
    if (found === undefined) reason = 'cdk.out has no bundle of the rule function';
    else if (isStale(projectRoot)) reason = "cdk.out is older than the bundle's sources";
  }
  if (reason !== undefined) synth(projectRoot, reason);
  const bundle = findBundle(projectRoot);
  if (bundle === undefined) {
    throw new Error(
      `No bundle of the rule function in ${OUTDIR}/ (looked for an AWS::Lambda::Function with bundled code at …/Resource/Resource); run npm run synth`,
    );
  }
  return { ...bundle, synthesized: reason };
}

function synth(projectRoot: string, reason: string): void {
  console.error(`bench: running npm run synth (${reason})…`);
  const result = spawnSync('npm', ['run', '--silent', 'synth'], {
    cwd: projectRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    throw new Error(`npm run synth failed (exit ${result.status ?? result.signal})`);
  }
}

function findBundle(projectRoot: string): Omit<DeployableBundle, 'synthesized'> | undefined {
  const outdir = join(projectRoot, OUTDIR);
  const manifestFile = join(outdir, 'manifest.json');
  if (!existsSync(manifestFile)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    artifacts?: Record<string, { type: string; properties?: { templateFile?: string } }>;
  };
  for (const [stack, artifact] of Object.entries(manifest.artifacts ?? {})) {
    const templateFile = artifact.properties?.templateFile;
    if (artifact.type !== 'aws:cloudformation:stack' || templateFile === undefined) continue;
    const template = JSON.parse(readFileSync(join(outdir, templateFile), 'utf8')) as {
      Resources?: Record<string, CfnFunction>;
    };
    for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
      const bundle = asRuleFunction(outdir, stack, logicalId, resource);
      if (bundle !== undefined)
        return { ...bundle, assetDir: relative(projectRoot, bundle.assetDir) };
    }
  }
  return undefined;
}

function asRuleFunction(
  outdir: string,
  stack: string,
  logicalId: string,
  resource: CfnFunction,
): Omit<DeployableBundle, 'synthesized'> | undefined {
  const path = resource.Metadata?.['aws:cdk:path'];
  const asset = resource.Metadata?.['aws:asset:path'];
  const handler = resource.Properties?.Handler;
  if (
    resource.Type !== 'AWS::Lambda::Function' ||
    typeof path !== 'string' ||
    !path.endsWith('/Resource/Resource') ||
    typeof asset !== 'string' ||
    handler === undefined
  ) {
    return undefined;
  }
  const assetDir = join(outdir, asset);
  if (!existsSync(assetDir)) return undefined;
  const moduleName = handler.slice(0, handler.lastIndexOf('.'));
  const entryFile = ['.mjs', '.cjs', '.js']
    .map((extension) => join(assetDir, `${moduleName}${extension}`))
    .find((file) => existsSync(file));
  if (entryFile === undefined) return undefined;
  return {
    stack,
    logicalId,
    assetDir,
    entryFile,
    files: filesUnder(assetDir),
    handler,
    runtime: resource.Properties?.Runtime ?? 'unknown',
    architectures: resource.Properties?.Architectures ?? ['x86_64'],
    memorySizeMb: resource.Properties?.MemorySize,
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function isStale(projectRoot: string): boolean {
  // The manifest is rewritten by every synth, unlike an asset whose hash did not change.
  const built = statSync(join(projectRoot, OUTDIR, 'manifest.json')).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(projectRoot, source)) > built);
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return filesUnder(path).reduce((newest, file) => Math.max(newest, statSync(file).mtimeMs), 0);
}

/** A copy of the bundle outside the project, and how to remove it. */
export interface StagedBundle {
  /** The copied entry file. */
  readonly entryFile: string;
  remove(): void;
}

/**
 * Copies the asset to a temporary directory, as Lambda unzips it into
 * /var/task: no package.json above it. In place, the project's
 * `"type": "module"` would make Node load a CommonJS `index.js` as an ES module.
 */
export function stageBundle(bundle: DeployableBundle): StagedBundle {
  const dir = mkdtempSync(join(tmpdir(), 'root-access-key-rule-bench-'));
  cpSync(bundle.assetDir, dir, { recursive: true });
  return {
    entryFile: join(dir, relative(bundle.assetDir, bundle.entryFile)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
