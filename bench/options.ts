import { parseArgs } from 'node:util';

/** When to run `npm run synth` before measuring the bundle. */
export type SynthMode = 'auto' | 'always' | 'never';

/** Settings of a bench run. */
export interface BenchOptions {
  /** Exit 1 when a budget fails. @default false (the run reports and exits 0) */
  readonly check: boolean;
  readonly synth: SynthMode;
  /** Modelled AWS round trip added to every endpoint answer in the throughput runs. @default 20 */
  readonly latencyMs: number;
  /** Process launches per variant in the cold-load comparison. @default 30 */
  readonly coldRuns: number;
  /** Invocations per path in the warm-latency run. @default 1000 */
  readonly invocations: number;
  /** Accounts of the simulated organization for `evaluate`. @default 1000 */
  readonly accounts: number;
  /** Accounts of the simulated organization `report` reads. @default 10000 */
  readonly aggregatorAccounts: number;
  /** Where to write the results; undefined: nowhere. @default bench/results.json */
  readonly out: string | undefined;
  readonly quick: boolean;
  readonly help: boolean;
}

/** Help text of `npm run bench -- --help`. */
export const USAGE = `Usage: npm run bench [-- options]

Measures the rule's deployable bundle, handler and command-line tool offline,
against a local AWS endpoint on 127.0.0.1, prints a table and writes the figures.

Options:
  --check               exit 1 when a budget fails (default: report only, exit 0)
  --synth               run \`npm run synth\` first, always
  --no-synth            never run synth (default: run it when cdk.out lacks the
                        function's bundle or the bundle is older than its sources)
  --latency-ms <n>      modelled AWS round trip of the evaluate/report runs (default 20)
  --cold-runs <n>       process launches per variant for cold load (default 30)
  --invocations <n>     handler invocations per path for warm latency (default 1000)
  --out <file>          where to write the results (default bench/results.json)
  --quick               smaller runs for a quick look (10 launches, 200 invocations,
                        200 accounts, a 2,000-account organization for report); writes nothing
                        unless --out is given
  -h, --help            show this help
`;

/** Parses the bench's command line. @throws TypeError on an unknown or invalid option */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      check: { type: 'boolean', default: false },
      synth: { type: 'boolean' },
      'no-synth': { type: 'boolean' },
      'latency-ms': { type: 'string' },
      'cold-runs': { type: 'string' },
      invocations: { type: 'string' },
      out: { type: 'string' },
      quick: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const quick = values.quick === true;
  if (values.synth === true && values['no-synth'] === true) {
    throw new TypeError('--synth and --no-synth exclude each other');
  }
  return {
    check: values.check === true,
    synth: values.synth === true ? 'always' : values['no-synth'] === true ? 'never' : 'auto',
    latencyMs: integer('--latency-ms', values['latency-ms'], 20, 0),
    coldRuns: integer('--cold-runs', values['cold-runs'], quick ? 10 : 30, 5),
    invocations: integer('--invocations', values.invocations, quick ? 200 : 1000, 100),
    accounts: quick ? 200 : 1000,
    aggregatorAccounts: quick ? 2000 : 10_000,
    out: values.out ?? (quick ? undefined : 'bench/results.json'),
    quick,
    help: values.help === true,
  };
}

function integer(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min) {
    throw new TypeError(
      `${name}: received ${JSON.stringify(value)}; expected a whole number ≥ ${min}`,
    );
  }
  return number;
}
