import { parseArgs } from 'node:util';

/** Settings of a soak run. */
export interface SoakOptions {
  /** Seed of every random choice: the same seed replays the same run. @default 1 */
  readonly seed: number;
  /** How long to run. @default 60 */
  readonly seconds: number;
  /** Stop after this many invocations, whatever the time. @default unbounded */
  readonly invocations: number | undefined;
  /** Replay only this invocation of the seed's run (from a violation's replay line). */
  readonly only: number | undefined;
  /** Rewrite the figures in docs/reliability.md. @default false */
  readonly record: boolean;
  readonly help: boolean;
}

/** Help text of `npm run soak -- --help`. */
export const USAGE = `Usage: npm run soak [-- options]

Runs the rule's deployable Lambda bundle, warm in long-lived processes and cold
in fresh ones, against the local AWS endpoint with seeded random faults, and
checks the reliability invariants after every invocation. Exits 1 on any
violation, printing a command that replays it.

Options:
  --seed <n>         seed of the run (default 1)
  --seconds <n>      how long to run (default 60)
  --invocations <n>  stop after this many invocations
  --only <n>         replay only invocation n of the seed's run, with its log
  --record           write the figures into docs/reliability.md
  -h, --help         show this help
`;

/** Parses the soak's command line. @throws TypeError on an unknown or invalid option */
export function parseOptions(argv: readonly string[]): SoakOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      seed: { type: 'string' },
      seconds: { type: 'string' },
      invocations: { type: 'string' },
      only: { type: 'string' },
      record: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  return {
    seed: integer('--seed', values.seed, 1, 0),
    seconds: integer('--seconds', values.seconds, 60, 1),
    invocations:
      values.invocations === undefined
        ? undefined
        : integer('--invocations', values.invocations, 0, 1),
    only: values.only === undefined ? undefined : integer('--only', values.only, 0, 0),
    record: values.record,
    help: values.help,
  };
}

function integer(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) {
    throw new TypeError(
      `Invalid ${name}: received ${JSON.stringify(value)}; expected an integer of at least ${min}`,
    );
  }
  return parsed;
}
