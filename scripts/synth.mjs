#!/usr/bin/env node
/**
 * `npm run synth [-- -c key=value ...]`: synthesizes the CDK app into cdk.out/
 * offline, without AWS credentials, notices, telemetry or version check.
 * Extra arguments go to `cdk synth`. Exits non-zero when the synth fails
 * (an invalid context value, a cdk-nag finding, a bundling error).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const cdkCli = require.resolve('aws-cdk/bin/cdk');
const outdir = 'cdk.out';

const env = {
  ...process.env,
  CDK_DISABLE_VERSION_CHECK: '1',
  CDK_DISABLE_CLI_TELEMETRY: 'true',
};

const args = [
  cdkCli,
  'synth',
  '--quiet',
  '--no-notices',
  '--no-version-reporting',
  '--output',
  outdir,
  ...process.argv.slice(2),
];

const started = performance.now();
const result = spawnSync(process.execPath, args, { env, stdio: 'inherit' });
const seconds = ((performance.now() - started) / 1000).toFixed(1);

if (result.error !== undefined) {
  console.error(`synth: could not run the CDK CLI: ${result.error.message}`);
  process.exit(1);
}
if (result.status !== 0) {
  console.error(`synth: failed after ${seconds} s (exit ${result.status ?? result.signal})`);
  process.exit(result.status ?? 1);
}

const readJson = (file) => JSON.parse(readFileSync(join(outdir, file), 'utf8'));
const kilobytes = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const directoryBytes = (dir) =>
  readdirSync(dir, { recursive: true })
    .map((name) => statSync(join(dir, name)))
    .filter((stats) => stats.isFile())
    .reduce((sum, stats) => sum + stats.size, 0);

for (const [name, artifact] of Object.entries(readJson('manifest.json').artifacts ?? {})) {
  if (artifact.type === 'aws:cloudformation:stack') {
    const file = join(outdir, artifact.properties.templateFile);
    console.log(
      `synth: stack ${name} (${artifact.environment}): ${file}, ${kilobytes(statSync(file).size)}`,
    );
  } else if (artifact.type === 'cdk:asset-manifest') {
    for (const asset of Object.values(readJson(artifact.properties.file).files ?? {})) {
      if (asset.source.packaging !== 'zip') continue;
      const dir = join(outdir, asset.source.path);
      console.log(`synth: asset ${asset.displayName}: ${dir}, ${kilobytes(directoryBytes(dir))}`);
    }
  }
}
console.log(`synth: done in ${seconds} s`);
