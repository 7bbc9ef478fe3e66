/**
 * `npm run test:integ [-- --update] [integ.name.ts …]`: the integration tests
 * of test/integ offline. Each `integ.*.ts` app (an `IntegTest` of
 * @aws-cdk/integ-tests-alpha: the stacks under test and the assertion stack)
 * is synthesized with this repository's CDK CLI and context (cdk.json, cdk-nag
 * on), and its templates are compared with the committed snapshot in
 * `integ.*.ts.snapshot/`, asset hashes aside (they change with every build of
 * the handler; the code is tested elsewhere) and so are the assertions' salts
 * (the synth time). `--update` writes the snapshots
 * instead. Deploying them to a sandbox: docs/integration-tests.md.
 *
 * This is integ-runner's snapshot check: integ-runner 2.197.10 (the newest)
 * cannot read the cloud assemblies of aws-cdk-lib 2.276 (schema 55; it reads
 * up to 53), so the comparison is done here, on the same files.
 *
 * Exit codes: 0 every snapshot matches (or was updated), 1 a snapshot differs
 * or is missing, 2 a synth failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { ROOT } from './consumer/install.js';

const INTEG_DIR = join(ROOT, 'test/integ');
const cdkCli = createRequire(import.meta.url).resolve('aws-cdk/bin/cdk');

const { values, positionals } = parseArgs({
  options: { update: { type: 'boolean', default: false } },
  allowPositionals: true,
});

/** A 64-hex-digit asset hash, wherever it appears (S3 keys, asset paths, metadata). */
const ASSET_HASH = /[0-9a-f]{64}/g;

/**
 * A template with asset hashes replaced, so that a rebuilt handler is not a
 * change, and without the `salt` of the assertion custom resources (the synth
 * time, which makes them run again at every deployment).
 */
function normalized(text: string): unknown {
  const template = JSON.parse(text.replace(ASSET_HASH, '<asset hash>')) as {
    Resources?: Record<string, { Type?: string; Properties?: Record<string, unknown> }>;
  };
  for (const resource of Object.values(template.Resources ?? {})) {
    if (resource.Type?.startsWith('Custom::DeployAssert') && resource.Properties !== undefined) {
      delete resource.Properties.salt;
    }
  }
  return template;
}

/** The paths at which two JSON values differ (at most `limit`). */
function differences(a: unknown, b: unknown, path = '', limit = 20): string[] {
  if (isDeepStrictEqual(a, b)) return [];
  const isObject = (value: unknown) => typeof value === 'object' && value !== null;
  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) {
    return [
      `${path || '/'}: ${JSON.stringify(a)?.slice(0, 120)} → ${JSON.stringify(b)?.slice(0, 120)}`,
    ];
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  return keys
    .flatMap((key) => differences(left[key], right[key], `${path}/${key}`, limit))
    .slice(0, limit);
}

/** Synthesizes `file` with the CDK CLI into a fresh directory; returns its templates by file name. */
function synthesize(file: string): Map<string, string> {
  const out = mkdtempSync(join(tmpdir(), 'integ-snapshot-'));
  try {
    const result = spawnSync(
      process.execPath,
      [
        cdkCli,
        'synth',
        '--quiet',
        '--no-notices',
        '--no-version-reporting',
        '--app',
        `npx tsx ${file}`,
        '--output',
        out,
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', CDK_DISABLE_CLI_TELEMETRY: 'true' },
      },
    );
    if (result.status !== 0) {
      process.stderr.write(`${result.stdout}${result.stderr}`);
      process.stderr.write(`test:integ: synthesizing ${file} failed (exit ${result.status})\n`);
      process.exit(2);
    }
    return templates(out);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function templates(dir: string): Map<string, string> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.template.json'));
  } catch {
    names = [];
  }
  return new Map(names.sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

const tests = readdirSync(INTEG_DIR)
  .filter((name) => /^integ\..+\.ts$/.test(name))
  .filter((name) => positionals.length === 0 || positionals.includes(name))
  .sort();
if (tests.length === 0) {
  process.stderr.write(
    `test:integ: no integ.*.ts test in test/integ matches ${positionals.join(' ')}\n`,
  );
  process.exit(2);
}

let failed = 0;
for (const test of tests) {
  const started = performance.now();
  const fresh = synthesize(join('test/integ', test));
  const snapshotDir = join(INTEG_DIR, `${test}.snapshot`);
  const seconds = `${((performance.now() - started) / 1000).toFixed(1)} s`;
  if (values.update) {
    rmSync(snapshotDir, { recursive: true, force: true });
    mkdirSync(snapshotDir, { recursive: true });
    for (const [name, text] of fresh) writeFileSync(join(snapshotDir, name), text);
    process.stdout.write(`UPDATED  ${test} (${fresh.size} templates, ${seconds})\n`);
    continue;
  }
  const committed = templates(snapshotDir);
  const problems: string[] = [];
  for (const name of new Set([...committed.keys(), ...fresh.keys()])) {
    const before = committed.get(name);
    const after = fresh.get(name);
    if (before === undefined) problems.push(`${name}: not in the snapshot`);
    else if (after === undefined) problems.push(`${name}: no longer synthesized`);
    else
      problems.push(
        ...differences(normalized(before), normalized(after)).map((d) => `${name} ${d}`),
      );
  }
  if (problems.length === 0) {
    process.stdout.write(`UNCHANGED ${test} (${fresh.size} templates, ${seconds})\n`);
  } else {
    failed += 1;
    process.stdout.write(
      `CHANGED  ${test} (${seconds})\n${problems.map((p) => `  ${p}\n`).join('')}`,
    );
  }
}
if (failed > 0) {
  process.stdout.write(
    `test:integ: ${failed} of ${tests.length} snapshots differ; if the change is intended, run "npm run test:integ -- --update" and commit the snapshots\n`,
  );
  process.exitCode = 1;
}
