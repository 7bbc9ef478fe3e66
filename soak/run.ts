/**
 * `npm run soak`: the chaos soak of the rule (docs/reliability.md). Runs the
 * deployable Lambda bundle in warm and cold child processes against local
 * endpoints answering with seeded random faults, and checks the reliability
 * invariants after every invocation. Exits 1 on any violation.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HANDLER_ASSET_PATH, HANDLER_FILE } from '../infra/constructs/handler-asset.js';
import { eventOf } from './case-event.js';
import { caseOf } from './case-generator.js';
import { type Case, WORKERS } from './cases.js';
import { parseOptions, type SoakOptions, USAGE } from './options.js';
import { printSummary, type RunSummary, recordFigures, replayCommand } from './report.js';
import { type HeapVerdict, Stats } from './stats.js';
import { Worker } from './worker.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Warm invocations between two heap measurements. */
const HEAP_EVERY = 250;

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const bundle = join(ROOT, HANDLER_ASSET_PATH, HANDLER_FILE);
  if (!existsSync(bundle)) {
    process.stderr.write(`soak: ${bundle} is missing; run npm run build first\n`);
    return 1;
  }
  return options.only === undefined ? soak(options, bundle) : replay(options, options.only, bundle);
}

async function soak(options: SoakOptions, bundle: string): Promise<number> {
  const stats = new Stats();
  const workers = await Promise.all(
    WORKERS.map((spec, index) => Worker.start(bundle, options.seed * 31 + index, spec.cold)),
  );
  const end = Date.now() + options.seconds * 1000;
  const started = Date.now();
  const more = (n: number) =>
    Date.now() < end && (options.invocations === undefined || n < options.invocations);
  await Promise.all(
    workers.map(async (worker, index) => {
      for (let k = 0, n = index; more(n); k++, n += workers.length) {
        stats.add(await worker.run(caseOf(options.seed, n)));
        if (!worker.cold && k % HEAP_EVERY === 0) await worker.sampleHeap();
      }
      await worker.sampleHeap();
    }),
  );
  const heap = new Map<string, HeapVerdict>();
  workers.forEach((worker, index) => {
    const name = WORKERS[index]?.name ?? String(index);
    if (!worker.cold) heap.set(name, stats.checkHeap(name, worker.heap));
  });
  const summary: RunSummary = {
    seed: options.seed,
    seconds: Math.round((Date.now() - started) / 1000),
    stats,
    heap,
    coldLoadMs: workers.filter((worker) => worker.cold).flatMap((worker) => worker.loadMs),
    node: `Node.js ${process.version}`,
  };
  await Promise.all(workers.map((worker) => worker.close()));
  process.stdout.write(`${printSummary(summary)}\n`);
  if (options.record) recordFigures(join(ROOT, 'docs/reliability.md'), summary);
  return stats.found.length === 0 ? 0 : 1;
}

/** Runs one case of a seed in a fresh execution environment, and shows all of it. */
async function replay(options: SoakOptions, n: number, bundle: string): Promise<number> {
  const c: Case = caseOf(options.seed, n);
  const worker = await Worker.start(bundle, options.seed * 31 + (n % WORKERS.length), c.cold);
  try {
    const run = await worker.run(c);
    const { logs, ...outcome } = run.outcome;
    process.stdout.write(
      `${[
        `soak: replay of invocation ${n} of seed ${options.seed} (${c.worker}, ${c.mode})`,
        `case: ${JSON.stringify({ ...c, event: undefined }, undefined, 2)}`,
        `event: ${JSON.stringify(eventOf(c))?.slice(0, 2000)}`,
        `outcome: ${JSON.stringify(outcome, undefined, 2)}`,
        `AWS calls: ${run.calls}`,
        `logs:\n${logs}`,
        run.violations.length === 0
          ? 'no violation'
          : `VIOLATIONS:\n${run.violations.map((v) => `  [${v.invariant}] ${v.detail}`).join('\n')}\n  (state of a warm run is not replayed: ${replayCommand(options.seed, -1)} --invocations ${n + 1} replays the run up to it)`,
      ].join('\n')}\n`,
    );
    return run.violations.length === 0 ? 0 : 1;
  } finally {
    await worker.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `soak: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
