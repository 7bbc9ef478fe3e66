/**
 * `npm run bench:security-hub [-- <runs> [<baseline bundle>]]`: what Security
 * Hub findings cost the deployable bundle's cold start. Each launch is a
 * fresh `node` that requires the bundle (timed) and runs its first
 * invocation (timed) against the local endpoint, with the findings off (the
 * default deployment) and on (`securityHubFindings`), interleaved. The
 * Security Hub client is loaded lazily, so `require` must not grow with it
 * on, and the first invocation grows by the client's own load and one
 * `BatchImportFindings`. With a baseline bundle (one built without the
 * feature), `require` of both is compared too.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SECURITY_HUB_FINDINGS_VARIABLE } from '../definition/config.js';
import { buildAsffFinding } from '../definition/findings/asff.js';
import { HANDLER_ASSET_PATH, HANDLER_FILE } from '../infra/constructs/handler-asset.js';
import { childEnv, startEndpoint } from './hosts.js';
import { BENCH, organizationWorld, scheduledEvent } from './scenario.js';
import { median, round } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

/**
 * One launch: the bundle's `require` and its first invocation, in ms of wall
 * time and of CPU time (user + system): on a shared machine the CPU time is
 * the steadier figure.
 */
interface Launch {
  readonly requireMs: number;
  readonly requireCpuMs: number;
  readonly firstInvocationMs: number;
  readonly firstInvocationCpuMs: number;
}

/** The child: require the bundle, invoke once, print both times. */
const CHILD = `
const cpu = (since) => { const d = process.cpuUsage(since); return (d.user + d.system) / 1000; };
const t0 = performance.now(), c0 = process.cpuUsage();
const { handler } = require(process.argv[1]);
const requireMs = performance.now() - t0, requireCpuMs = cpu(c0);
const t1 = performance.now(), c1 = process.cpuUsage();
handler(JSON.parse(process.argv[2]), { getRemainingTimeInMillis: () => 60000 }).then(() => {
  const firstInvocationMs = performance.now() - t1, firstInvocationCpuMs = cpu(c1);
  process.stdout.write(JSON.stringify({ requireMs, requireCpuMs, firstInvocationMs, firstInvocationCpuMs }));
});`;

async function launch(bundle: string, env: NodeJS.ProcessEnv): Promise<Launch> {
  const event = JSON.stringify(scheduledEvent(BENCH.centralAccount));
  const { stdout } = await run(process.execPath, ['-e', CHILD, bundle, event], { env });
  return JSON.parse(stdout.slice(stdout.lastIndexOf('{"requireMs"'))) as Launch;
}

/** Medians of each variant over `runs` interleaved launches (after 3 warm-ups). */
export async function measureSecurityHubLoad(bundle: string, runs: number, baseline?: string) {
  const endpoint = await startEndpoint(organizationWorld());
  const off = childEnv(endpoint);
  const on = { ...off, [SECURITY_HUB_FINDINGS_VARIABLE]: 'true' };
  const variants = {
    off: { bundle, env: off },
    on: { bundle, env: on },
    ...(baseline === undefined ? {} : { baseline: { bundle: baseline, env: off } }),
  };
  const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, [] as Launch[]]));
  try {
    for (let index = -3; index < runs; index++) {
      const order = Object.entries(variants);
      if (index % 2 !== 0) order.reverse();
      for (const [name, variant] of order) {
        const measured = await launch(variant.bundle, variant.env);
        if (index >= 0) samples[name]?.push(measured);
      }
    }
  } finally {
    await endpoint.close();
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, launches]) => {
      const of = (field: keyof Launch) => round(median(launches.map((entry) => entry[field])));
      return [
        name,
        {
          requireMs: of('requireMs'),
          requireCpuMs: of('requireCpuMs'),
          firstInvocationMs: of('firstInvocationMs'),
          firstInvocationCpuMs: of('firstInvocationCpuMs'),
        },
      ];
    }),
  );
}

/**
 * The client's own load, for reference: in fresh processes, `require` of the
 * asset's Security Hub file alone, then its first `BatchImportFindings` (the
 * client's configuration, serializer and signer on first use) to the local
 * endpoint; medians.
 */
export async function measureClientLoad(file: string, runs: number) {
  const endpoint = await startEndpoint(organizationWorld());
  const env = childEnv(endpoint);
  const finding = buildAsffFinding({
    accountId: BENCH.centralAccount,
    partition: 'aws',
    region: BENCH.region,
    ruleName: 'root-access-key-rule',
    result: 'COMPLIANT',
    annotation: 'No root access key exists.',
    observedAt: new Date().toISOString(),
    productVersion: 'bench',
  });
  const code = `
const cpu = (since) => { const d = process.cpuUsage(since); return (d.user + d.system) / 1000; };
const t0 = performance.now(), c0 = process.cpuUsage();
const { SecurityHubClient, BatchImportFindingsCommand } = require(process.argv[1]);
const requireMs = performance.now() - t0, requireCpuMs = cpu(c0);
const t1 = performance.now(), c1 = process.cpuUsage();
new SecurityHubClient({}).send(new BatchImportFindingsCommand({ Findings: [JSON.parse(process.argv[2])] })).then(() => {
  process.stdout.write(JSON.stringify({ requireMs, requireCpuMs, firstInvocationMs: performance.now() - t1, firstInvocationCpuMs: cpu(c1) }));
});`;
  const launches: Launch[] = [];
  try {
    for (let index = -3; index < runs; index++) {
      const { stdout } = await run(process.execPath, ['-e', code, file, JSON.stringify(finding)], {
        env,
      });
      if (index >= 0) launches.push(JSON.parse(stdout) as Launch);
    }
  } finally {
    await endpoint.close();
  }
  const of = (field: keyof Launch) => round(median(launches.map((entry) => entry[field])));
  return {
    requireMs: of('requireMs'),
    requireCpuMs: of('requireCpuMs'),
    firstInvocationMs: of('firstInvocationMs'),
    firstInvocationCpuMs: of('firstInvocationCpuMs'),
  };
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 20);
  const baseline = process.argv[3];
  const bundle = join(ROOT, HANDLER_ASSET_PATH, HANDLER_FILE);
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`);
  const results = await measureSecurityHubLoad(bundle, runs, baseline);
  const client = await measureClientLoad(join(ROOT, HANDLER_ASSET_PATH, 'security-hub.js'), runs);
  console.log(`Security Hub findings, cold start of ${bundle} (${runs} launches each, medians):`);
  console.table({ ...results, 'client alone (first call)': client });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error('bench:security-hub: the run failed:', error);
    process.exitCode = 2;
  });
}
