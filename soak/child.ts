import { fileURLToPath } from 'node:url';
import { type CommandChild, startChild } from '../tools/child-process/parent.js';
import type { Outcome } from './invariants.js';
import type { Mode } from './modes.js';

const HOST = fileURLToPath(new URL('./host.mjs', import.meta.url));
/** How long past its budget a child may stay silent before it counts as hung and is killed. */
const HANG_GRACE_MS = 5_000;

/** The child process of a worker: one execution environment, answering commands over IPC. */
export class Child {
  private constructor(
    private readonly channel: CommandChild,
    readonly mode: Mode,
    /** How long the bundle took to load in the child. */
    readonly loadMs: number,
  ) {}

  static async start(bundle: string, env: NodeJS.ProcessEnv, mode: Mode): Promise<Child> {
    const channel = await startChild(HOST, { args: [bundle], env, execArgv: ['--expose-gc'] });
    const loadMs = channel.ready.loadMs;
    return new Child(channel, mode, typeof loadMs === 'number' ? loadMs : 0);
  }

  request<T>(command: string, args?: unknown): Promise<T> {
    return this.channel.request<T>(command, args);
  }

  /** One invocation; hung (and the child killed) when it outlasts the budget and the grace. */
  async invoke(event: unknown, budgetMs: number, requestId: string): Promise<Outcome> {
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => {
        resolve({
          ok: false,
          hung: true,
          ms: budgetMs + HANG_GRACE_MS,
          logs: '',
          problems: [],
          warnings: [],
        });
      }, budgetMs + HANG_GRACE_MS);
    });
    try {
      const answered = this.request<Outcome>('invoke', { event, budgetMs, requestId }).catch(
        (error: Error): Outcome => ({
          ok: false,
          ms: 0,
          logs: '',
          problems: [`the execution environment died: ${error.message}`],
          warnings: [],
        }),
      );
      return await Promise.race([answered, hung]);
    } finally {
      clearTimeout(timer);
    }
  }

  stop(): Promise<void> {
    return this.channel.close();
  }
}
