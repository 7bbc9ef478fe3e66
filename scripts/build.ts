/**
 * `npm run build`: builds what the package ships, into dist/:
 * - dist/lib: the library entries (constructs, definition, rule), compiled
 *   to ES modules with `.d.ts` by TypeScript, plus the tool's `.d.ts`;
 * - dist/lambda/handler: the rule's Lambda handler, bundled by esbuild with
 *   the AWS SDK, minified: the asset every RootAccessKeyFunction deploys;
 * - dist/lambda/alert: the alert function of real-time detection, bundled
 *   the same way: the asset every RootKeyAlertFunction deploys;
 * - dist/cli: the command-line tool, bundled by esbuild with its
 *   dependencies into ES modules, one chunk per command, so an install needs
 *   neither TypeScript nor a bundler and `--help` loads no AWS SDK.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, type Plugin } from 'esbuild';
import { HANDLER_ASSET_PATH, HANDLER_FILE } from '../infra/constructs/handler-asset.js';
import { ALERT_ASSET_PATH } from '../infra/detection/alert-asset.js';
import { CLI_BUNDLE_DIR, CLI_ENTRIES, HANDLER_BUNDLE_TARGET } from './build-settings.js';
import { directoryBytes } from './files.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

function step(text: string): void {
  process.stderr.write(`build: ${text}\n`);
}

function compileLibrary(): void {
  // typescript's exports hide bin/tsc; its package.json is exported, and the bin sits beside it.
  const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin/tsc');
  for (const project of ['tsconfig.build.json', 'tsconfig.build-types.json']) {
    execFileSync(process.execPath, [tsc, '-p', project], { cwd: ROOT, stdio: 'inherit' });
  }
}

/**
 * What both bundles share. Resolving packages by their `module` field first
 * bundles the AWS SDK's ES module builds, which esbuild tree-shakes: 0.47 MB
 * instead of 0.82 MB for the handler, and a module load of about 35 ms
 * instead of 75 ms. Class names are kept: errors are named after their class.
 */
const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  mainFields: ['module', 'main'],
  minify: true,
  keepNames: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
} as const satisfies BuildOptions;

/**
 * The handler bundle. Output is CommonJS: loaded with `require` it is as fast
 * as ESM output (measured), without the `require` shim ESM output needs for
 * bundled CommonJS code. A package.json beside it says so, wherever it is loaded.
 */
async function bundleHandler(entry: string, assetPath: string): Promise<void> {
  const outdir = join(ROOT, assetPath);
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [join(ROOT, entry)],
    outfile: join(outdir, HANDLER_FILE),
    ...BUNDLE_OPTIONS,
    target: HANDLER_BUNDLE_TARGET,
    format: 'cjs',
    plugins: [securityHubApart],
    // The findings the function imports name the version that made them.
    define: { 'process.env.ROOT_ACCESS_KEY_RULE_VERSION': JSON.stringify(packageVersion()) },
  });
  await build({
    entryPoints: [join(ROOT, 'rule/src/aws/security-hub-client.ts')],
    outfile: join(outdir, SECURITY_HUB_FILE),
    ...BUNDLE_OPTIONS,
    target: HANDLER_BUNDLE_TARGET,
    format: 'cjs',
  });
  writeFileSync(join(outdir, 'package.json'), '{ "type": "commonjs" }\n');
}

/** The Security Hub client's file in the handler asset. */
const SECURITY_HUB_FILE = 'security-hub.js';

/**
 * Keeps the Security Hub client out of the handler's file: CommonJS output
 * cannot be split, and even unrun, the client's code doubled the time Node
 * takes to compile the file (measured: 25 → 53 ms). The handler requires
 * `./security-hub.js` instead, a bundle of its own, only when it imports a
 * finding.
 */
const securityHubApart: Plugin = {
  name: 'security-hub-apart',
  setup(build) {
    build.onResolve({ filter: /^@aws-sdk\/client-securityhub$/ }, () => ({
      path: `./${SECURITY_HUB_FILE}`,
      external: true,
    }));
  },
};

/**
 * The command-line tool: ES modules with code splitting, so each command's
 * dependencies (the AWS SDK, yaml, the progress bar) sit in chunks loaded by
 * `import()` only when that command runs. Bundled CommonJS packages get the
 * `require` they expect from `createRequire`.
 */
async function bundleCli(): Promise<void> {
  await build({
    entryPoints: Object.fromEntries(
      Object.entries(CLI_ENTRIES).map(([name, entry]) => [name, join(ROOT, entry)]),
    ),
    outdir: join(ROOT, CLI_BUNDLE_DIR),
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    ...BUNDLE_OPTIONS,
    splitting: true,
    target: 'node20.19',
    format: 'esm',
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
}

function sizeOf(dir: string): string {
  return `${(directoryBytes(dir) / 1024).toFixed(1)} KiB`;
}

const started = performance.now();
rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
step('compiling the library (tsc)');
compileLibrary();
step('bundling the Lambda handlers (esbuild)');
await bundleHandler('rule/src/handler.ts', HANDLER_ASSET_PATH);
await bundleHandler('detection/src/handler.ts', ALERT_ASSET_PATH);
step('bundling the command-line tool (esbuild)');
await bundleCli();
for (const dir of ['dist/lib', HANDLER_ASSET_PATH, ALERT_ASSET_PATH, CLI_BUNDLE_DIR]) {
  step(`${relative(ROOT, join(ROOT, dir))}: ${sizeOf(join(ROOT, dir))}`);
}
step(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
