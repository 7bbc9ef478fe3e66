/**
 * `npm run test:consumer` (CI runs it): the package as its users get it.
 * Packs the tarball and installs it offline into fresh projects, then:
 * 1. a consumer CDK app in TypeScript (strict, nodenext; test/fixtures/consumer)
 *    that uses the single-account and the organization constructs type-checks
 *    against the installed `.d.ts` and synthesizes, and its templates hold the
 *    prebuilt Lambda asset and the Config resources;
 * 2. the README's consumer: a project with exactly the packages the README's
 *    "The package" section installs, its TypeScript snippet and its
 *    tsconfig.json (skipLibCheck false), type-checks and runs;
 * 3. a CommonJS app (TypeScript `module: commonjs`; test/fixtures/consumer-commonjs)
 *    requires `root-access-key-rule/cli` and `/definition` and runs them;
 * 4. a CLI-only install holds no aws-cdk-lib, tsx or esbuild, and its
 *    installed bin runs `--help`, `--version` and `pack-template`.
 * Exits 1 on the first failed check.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { HANDLER_ASSET_PATH, HANDLER_FILE } from '../infra/constructs/handler-asset.js';
import { installProject, packTarball, ROOT } from './consumer/install.js';
import { directoryBytes } from './files.js';

const require = createRequire(import.meta.url);
const FIXTURE = join(ROOT, 'test/fixtures/consumer');
const COMMONJS_FIXTURE = join(ROOT, 'test/fixtures/consumer-commonjs');
const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin/tsc');
const CDK_PACKAGES = ['aws-cdk-lib', 'constructs', '@types/node', '@aws-sdk/client-iam'];

interface Template {
  readonly Resources: Record<
    string,
    { readonly Type: string; readonly Properties?: Record<string, unknown> }
  >;
}

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`consumer test: ${what}`);
  process.stderr.write(`consumer test: ok: ${what}\n`);
}

function countOf(template: Template, type: string): number {
  return Object.values(template.Resources).filter((resource) => resource.Type === type).length;
}

function readTemplate(outdir: string, stack: string): Template {
  return JSON.parse(readFileSync(join(outdir, `${stack}.template.json`), 'utf8')) as Template;
}

/** Whether a package is anywhere in the project's dependency tree. */
function installed(project: string, name: string): boolean {
  return existsSync(join(project, 'node_modules', name));
}

function consumerApp(work: string, tarball: string): void {
  const project = join(work, 'cdk-app');
  installProject({ dir: project, tarball, withPackages: CDK_PACKAGES });
  for (const file of ['app.ts', 'tsconfig.json'])
    copyFileSync(join(FIXTURE, file), join(project, file));
  execFileSync(process.execPath, [tsc, '-p', project], { stdio: 'inherit' });
  check(true, 'the consumer app type-checks (strict, nodenext, skipLibCheck false)');
  const outdir = join(project, 'cdk.out');
  execFileSync(process.execPath, [join(project, 'out/app.js'), outdir], {
    cwd: project,
    stdio: 'inherit',
    env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1' },
  });
  check(!installed(project, 'cdk-nag'), 'the library entry needs no cdk-nag');
  check(
    !installed(project, 'esbuild') && !installed(project, 'tsx'),
    'no esbuild and no tsx were installed',
  );

  const account = readTemplate(outdir, 'ConsumerAccount');
  const functions = Object.values(account.Resources).filter(
    (r) => r.Type === 'AWS::Lambda::Function',
  );
  check(functions.length === 1, 'the account stack holds one Lambda function');
  check(
    functions[0]?.Properties?.Handler === 'index.handler',
    'its handler is the prebuilt index.handler',
  );
  const key = String((functions[0]?.Properties?.Code as { S3Key?: string } | undefined)?.S3Key);
  const asset = join(outdir, `asset.${key.replace(/\.zip$/, '')}`, HANDLER_FILE);
  const shipped = readFileSync(join(ROOT, HANDLER_ASSET_PATH, HANDLER_FILE));
  check(
    existsSync(asset) && readFileSync(asset).equals(shipped),
    'its asset is the prebuilt handler bundle, byte for byte',
  );
  check(
    countOf(account, 'AWS::Config::ConformancePack') === 1,
    'the account stack holds the conformance pack',
  );
  check(
    countOf(account, 'AWS::Config::ConfigRule') === 1,
    'the account stack holds the standalone rule',
  );

  const organization = readTemplate(outdir, 'ConsumerOrganization');
  for (const type of [
    'AWS::Config::OrganizationConformancePack',
    'AWS::CloudFormation::StackSet',
    'AWS::Config::ConfigurationAggregator',
    'AWS::Lambda::Function',
  ]) {
    check(countOf(organization, type) === 1, `the organization stack holds one ${type}`);
  }
  const central = readTemplate(outdir, 'ConsumerCentral');
  check(
    countOf(central, 'AWS::Config::OrganizationConformancePack') === 1,
    'the organization pack construct works alone',
  );
}

/** The README's "The package" section: what it installs, its snippet, its tsconfig.json. */
function readmePackageSection(readme: string): {
  packages: string[];
  snippet: string;
  tsconfig: { compilerOptions: Record<string, unknown> };
} {
  const start = readme.indexOf('\n## The package\n');
  const end = readme.indexOf('\n## ', start + 1);
  if (start < 0) throw new Error('consumer test: README.md has no "## The package" section');
  const section = readme.slice(start, end < 0 ? undefined : end);
  const block = (lang: string) => {
    const match = new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(section);
    if (match?.[1] === undefined) {
      throw new Error(`consumer test: README.md's package section has no ${lang} block`);
    }
    return match[1];
  };
  const packages = block('sh')
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim().split(/\s+/))
    .filter(([command, verb]) => command === 'npm' && verb === 'install')
    .flatMap((words) => words.slice(2).filter((word) => !word.startsWith('-')));
  return {
    packages: [...new Set(packages)].filter((name) => name !== 'root-access-key-rule'),
    snippet: block('ts'),
    tsconfig: JSON.parse(block('json')) as { compilerOptions: Record<string, unknown> },
  };
}

function readmeConsumer(work: string, tarball: string): void {
  const project = join(work, 'readme-app');
  const { packages, snippet, tsconfig } = readmePackageSection(
    readFileSync(join(ROOT, 'README.md'), 'utf8'),
  );
  check(
    packages.includes('aws-cdk-lib') && packages.includes('constructs'),
    `the README installs ${packages.join(', ')} beside the package`,
  );
  check(
    tsconfig.compilerOptions.skipLibCheck === false,
    "the README's tsconfig.json checks the libraries' declarations (skipLibCheck false)",
  );
  installProject({ dir: project, tarball, withPackages: packages });
  writeFileSync(join(project, 'app.ts'), snippet);
  writeFileSync(
    join(project, 'tsconfig.json'),
    `${JSON.stringify({ ...tsconfig, compilerOptions: { ...tsconfig.compilerOptions, outDir: 'out' }, files: ['app.ts'] }, null, 2)}\n`,
  );
  execFileSync(process.execPath, [tsc, '-p', project], { stdio: 'inherit' });
  check(true, "the README's snippet type-checks with the README's tsconfig.json and packages");
  execFileSync(process.execPath, [join(project, 'out/app.js')], {
    cwd: project,
    stdio: 'inherit',
    env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1' },
  });
  check(true, "the README's snippet runs");
}

function commonjsConsumer(work: string, tarball: string): void {
  const project = join(work, 'commonjs-app');
  installProject({ dir: project, tarball, withPackages: ['@types/node'], type: 'commonjs' });
  for (const file of ['app.ts', 'tsconfig.json'])
    copyFileSync(join(COMMONJS_FIXTURE, file), join(project, file));
  execFileSync(process.execPath, [tsc, '-p', project], { stdio: 'inherit' });
  const compiled = readFileSync(join(project, 'out/app.js'), 'utf8');
  check(
    compiled.includes('require("root-access-key-rule/cli")') &&
      compiled.includes('require("root-access-key-rule/definition")'),
    'the CommonJS app type-checks and compiles to require() of /cli and /definition',
  );
  const output = execFileSync(process.execPath, [join(project, 'out/app.js')], {
    cwd: project,
    encoding: 'utf8',
  });
  check(
    output.trim() === '{"code":0,"same":true,"ruleNameValid":true}',
    `the CommonJS app runs the required /cli and /definition (${process.version}): ${output.trim()}`,
  );
}

function cliOnly(work: string, tarball: string): void {
  const project = join(work, 'cli-only');
  installProject({ dir: project, tarball });
  check(
    !installed(project, 'aws-cdk-lib') && !installed(project, 'constructs'),
    'a CLI-only install holds no aws-cdk-lib',
  );
  check(
    !installed(project, 'tsx') && !installed(project, 'esbuild'),
    'a CLI-only install holds no tsx and no esbuild',
  );
  const megabytes = directoryBytes(join(project, 'node_modules')) / 1_000_000;
  check(megabytes <= 25, `a CLI-only install takes ${megabytes.toFixed(1)} MB (budget 25 MB)`);
  const bin = join(project, 'node_modules/.bin/root-access-key-rule');
  const run = (args: string[]) => execFileSync(bin, args, { cwd: project, encoding: 'utf8' });
  const help = run(['--help']);
  check(
    /evaluate/.test(help) && /report/.test(help) && /pack-template/.test(help),
    'the installed bin prints --help',
  );
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
  check(run(['--version']).trim() === version, `the installed bin prints its version ${version}`);
  const template = run([
    'pack-template',
    '--function-arn',
    'arn:aws:lambda:eu-west-1:111111111111:function:rule',
  ]);
  check(
    template.includes('SourceIdentifier: arn:aws:lambda:eu-west-1:111111111111:function:rule'),
    'the installed bin prints the pack template',
  );
}

const work = mkdtempSync(join(tmpdir(), 'root-access-key-rule-consumer-'));
const started = performance.now();
try {
  const tarball = packTarball(work);
  check(existsSync(tarball), `npm pack made ${tarball}`);
  consumerApp(work, tarball);
  readmeConsumer(work, tarball);
  commonjsConsumer(work, tarball);
  cliOnly(work, tarball);
  process.stderr.write(
    `consumer test: passed in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
