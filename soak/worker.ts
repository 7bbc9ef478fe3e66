import { ACCEPTED_TRIGGERS_VARIABLE, AcceptedTriggers } from '../definition/config.js';
import {
  AMBIENT_AWS_VARIABLES,
  type AwsEndpoint,
  startAwsEndpoint,
} from '../tools/aws-endpoint/index.js';
import { eventOf } from './case-event.js';
import { type Case, Mode } from './cases.js';
import { Child } from './child.js';
import { scriptFaults } from './faults.js';
import { checkInvocation, type Outcome, type Violation } from './invariants.js';
import { Random } from './random.js';
import { SoakWorld } from './world.js';

/** What one invocation of a worker gave. */
export interface Run {
  readonly case: Case;
  readonly outcome: Outcome;
  readonly violations: readonly Violation[];
  readonly calls: number;
}

/** A heap measurement of a warm child, after a full garbage collection. */
export interface HeapSample {
  readonly invocations: number;
  readonly heapUsed: number;
}

/**
 * One Lambda execution environment under test: a child process running the
 * bundle, with its own local endpoint and simulated AWS. A warm worker keeps
 * its child across invocations; a cold one starts a fresh child for each.
 */
export class Worker {
  readonly heap: HeapSample[] = [];
  readonly loadMs: number[] = [];
  private child: Child | undefined;

  private constructor(
    private readonly endpoint: AwsEndpoint,
    private readonly world: SoakWorld,
    private readonly bundle: string,
    readonly cold: boolean,
  ) {}

  static async start(bundle: string, seed: number, cold: boolean): Promise<Worker> {
    const world = new SoakWorld(new Random(seed));
    const endpoint = await startAwsEndpoint({ world });
    return new Worker(endpoint, world, bundle, cold);
  }

  /** Runs one case and checks its invariants. */
  async run(c: Case): Promise<Run> {
    const child = await this.childFor(c.mode);
    this.endpoint.reset();
    this.world.begin(c);
    scriptFaults(this.endpoint, this.world, c.faults);
    const started = Date.now();
    const outcome = await child.invoke(eventOf(c), c.budgetMs, `soak-${c.n}`);
    const calls = this.endpoint.calls.filter((call) => call.time >= started);
    if (outcome.hung || this.cold) await this.dropChild();
    return {
      case: c,
      outcome,
      violations: checkInvocation(c, outcome, calls, this.world.record, this.world.secrets),
      calls: calls.length,
    };
  }

  /** Measures the warm child's heap (after a full garbage collection). */
  async sampleHeap(): Promise<void> {
    if (this.child === undefined) return;
    this.heap.push(await this.child.request<HeapSample>('heap'));
  }

  async close(): Promise<void> {
    await this.dropChild();
    await this.endpoint.close();
  }

  private async childFor(mode: Mode): Promise<Child> {
    if (this.child?.mode === mode && !this.cold) return this.child;
    await this.dropChild();
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of AMBIENT_AWS_VARIABLES) delete env[name];
    Object.assign(env, this.endpoint.env());
    // The organization deployment sets this on the central function.
    if (mode === Mode.Organization) env[ACCEPTED_TRIGGERS_VARIABLE] = AcceptedTriggers.Periodic;
    this.child = await Child.start(this.bundle, env, mode);
    this.loadMs.push(this.child.loadMs);
    return this.child;
  }

  private async dropChild(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    await child?.stop();
  }
}
