import {
  type Case,
  EventKind,
  type Facts,
  type Fault,
  FaultKind,
  FULL_BUDGET_MS,
  Mode,
  ReportState,
  type Slot,
  type Target,
  WORKERS,
} from './cases.js';
import { malformations } from './events.js';
import { drawParameters, spellParameters } from './parameters.js';
import { Random } from './random.js';

/** The case of invocation `n` of the run of `seed`: a pure function of both. */
export function caseOf(seed: number, n: number): Case {
  const random = new Random(Math.imul(seed + 1, 0x9e3779b1) ^ Math.imul(n + 1, 0x85ebca6b));
  const worker = WORKERS[n % WORKERS.length] ?? WORKERS[0];
  const mode =
    worker.mode ?? (Math.floor(n / WORKERS.length) % 2 === 0 ? Mode.Own : Mode.Organization);
  const eventKind = random.weighted({
    [EventKind.Periodic]: 64,
    [EventKind.Change]: 7,
    [EventKind.Oversized]: 3,
    [EventKind.LeftScope]: 6,
    [EventKind.Malformed]: 20,
  });
  const facts = factsOf(random, accountOf(random, mode, n), worker.cheap);
  const faults = faultsOf(random, mode, worker.cheap);
  return {
    n,
    worker: worker.name,
    mode,
    cold: worker.cold,
    eventKind,
    ...(eventKind === EventKind.Malformed
      ? { malformation: random.pick(malformations(mode)) }
      : {}),
    facts,
    ...parametersOf(random),
    partition: random.weighted({ aws: 85, 'aws-us-gov': 10, 'aws-cn': 5 }),
    resultToken: random.chance(0.1) ? 'TESTMODE' : `soak-result-token-${random.hex(40)}`,
    faults,
    budgetMs: budgetOf(random, faults, worker.cheap),
  };
}

/**
 * The account: a function's own (fixed), or a member account, mostly one not
 * seen before, sometimes one the same worker evaluated a few cases ago (its
 * role's clients and credentials may still be cached).
 */
function accountOf(random: Random, mode: Mode, n: number): string {
  if (mode === Mode.Own) return '012345678912';
  const back = random.chance(0.2) ? random.int(1, 24) * WORKERS.length : 0;
  return String(300_000_000_000 + Math.max(0, n - back));
}

function factsOf(random: Random, accountId: string, cheap: boolean): Facts {
  const keyCount = random.weighted({ 0: 50, 1: 30, 2: 20 });
  const count = Number(keyCount);
  const report = random.weighted<ReportState>({
    [ReportState.Ready]: 40,
    [ReportState.Absent]: cheap ? 0 : 8,
    [ReportState.Expired]: cheap ? 0 : 4,
    [ReportState.InProgress]: cheap ? 0 : 4,
    [ReportState.LimitExceeded]: cheap ? 0 : 4,
    [ReportState.NoState]: 3,
    [ReportState.EmptyContent]: 3,
    [ReportState.NotCsv]: 3,
    [ReportState.MissingColumn]: 3,
    [ReportState.NoRootRow]: 3,
    [ReportState.OddActive]: 12,
    [ReportState.FewerKeys]: 5,
    [ReportState.ExtraColumns]: 3,
    [ReportState.RootLast]: 2,
    [ReportState.Bom]: 1,
    [ReportState.CommaNames]: 2,
  });
  return {
    accountId,
    keyCount: count,
    password: random.chance(0.8),
    slots: slotsOf(random, report === ReportState.FewerKeys ? count - 1 : count, report),
    report,
    polls: random.int(0, 3),
  };
}

/** Odd `access_key_N_active` cells: none of them is a key state. */
const ODD_STATES = ['yes', 'no', '1', '0', 'Active', 'Inactive', '', 'null', 'N/A', 'truee', 'f'];
/** Spellings of the real states the parser must read as such. */
const STATE_SPELLINGS = { true: ['true', 'TRUE', 'True'], false: ['false', 'FALSE', 'False'] };

function slotsOf(
  random: Random,
  listed: number,
  report: ReportState,
): readonly [Slot | undefined, Slot | undefined] {
  const present =
    listed <= 0
      ? [false, false]
      : listed >= 2
        ? [true, true]
        : random.pick([
            [true, false],
            [false, true],
          ]);
  const slots = present.map((isPresent): Slot | undefined =>
    isPresent
      ? {
          active: random.pick(random.chance(0.5) ? STATE_SPELLINGS.true : STATE_SPELLINGS.false),
          rotated: true,
          used: random.chance(0.5),
        }
      : undefined,
  );
  if (report === ReportState.OddActive) {
    const index = random.int(0, 1);
    slots[index] = {
      active: random.pick(ODD_STATES),
      rotated: slots[index] !== undefined,
      used: false,
    };
  }
  return [slots[0], slots[1]];
}

const FULL_FAULTS: Readonly<Record<FaultKind, number>> = {
  [FaultKind.Throttle]: 10,
  [FaultKind.ServerError]: 10,
  [FaultKind.Bare5xx]: 6,
  [FaultKind.Reset]: 10,
  [FaultKind.Stall]: 6,
  [FaultKind.Truncated]: 12,
  [FaultKind.Garbage]: 12,
  [FaultKind.Slow]: 6,
  [FaultKind.Denied]: 5,
  [FaultKind.ExpiredToken]: 3,
  [FaultKind.FailedEvaluations]: 8,
  [FaultKind.InvalidToken]: 3,
  [FaultKind.OddFailedEvaluations]: 3,
};

/** Faults that cost no waiting: the fast warm worker runs thousands of invocations with them. */
const CHEAP_FAULTS: Readonly<Record<FaultKind, number>> = {
  ...FULL_FAULTS,
  [FaultKind.Throttle]: 0,
  [FaultKind.ServerError]: 0,
  [FaultKind.Bare5xx]: 0,
  [FaultKind.Reset]: 0,
  [FaultKind.Stall]: 0,
  [FaultKind.Slow]: 0,
  [FaultKind.FailedEvaluations]: 0,
};

const PUT_ONLY: ReadonlySet<FaultKind> = new Set([
  FaultKind.FailedEvaluations,
  FaultKind.InvalidToken,
  FaultKind.OddFailedEvaluations,
]);

function faultsOf(random: Random, mode: Mode, cheap: boolean): Fault[] {
  const howMany = Number(random.weighted({ 0: 45, 1: 35, 2: 15, 3: 5 }));
  const faults: Fault[] = [];
  for (let index = 0; index < howMany; index++) {
    const kind = random.weighted(cheap ? CHEAP_FAULTS : FULL_FAULTS);
    const target: Target = PUT_ONLY.has(kind)
      ? 'config:PutEvaluations'
      : random.weighted<Target>({
          'sts:AssumeRole': mode === Mode.Organization ? 15 : 0,
          'iam:GetAccountSummary': 30,
          'iam:GenerateCredentialReport': 10,
          'iam:GetCredentialReport': 15,
          'config:PutEvaluations': 30,
        });
    const count = Number(random.weighted({ 1: 60, 2: 15, 3: 10, 4: 7, 5: 5, 6: 3 }));
    // Cheap: cut bodies keep their framing and garbage comes with 200, so nothing is retried.
    const detailRange =
      cheap && kind === FaultKind.Truncated ? 0.5 : cheap && kind === FaultKind.Garbage ? 0.8 : 1;
    faults.push({ target, kind, count, detail: random.next() * detailRange });
  }
  return faults;
}

/**
 * The full Lambda timeout, or a short budget: always with a stall (which
 * lasts until the deadline), sometimes at random ("short time budgets").
 */
function budgetOf(random: Random, faults: readonly Fault[], cheap: boolean): number {
  if (faults.some((fault) => fault.kind === FaultKind.Stall)) return random.int(500, 4_000);
  if (random.chance(cheap ? 0.04 : 0.12)) return random.int(0, cheap ? 400 : 6_000);
  return FULL_BUDGET_MS;
}

/** The case's rule parameters, drawn from the settings table, and their spelling in the event. */
function parametersOf(random: Random): Pick<Case, 'parameters' | 'ruleParameters'> {
  const parameters = drawParameters(random);
  return { parameters, ruleParameters: spellParameters(random, parameters) };
}
