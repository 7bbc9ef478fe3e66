import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Outcome } from './invariants.js';
import type { Mode } from './modes.js';

const HOST = fileURLToPath(new URL('./host.mjs', import.meta.url));
/** How long past its budget a child may stay silent before it counts as hung and is killed. */
const HANG_GRACE_MS = 5_000;

/** The child process of a worker, answering commands over IPC. */
export class Child {
  private nextId = 0;
  private readonly pending = new Map<
    number,
    (reply: { result?: unknown; error?: string }) => void
  >();

  private constructor(
    private readonly process: ChildProcess,
    readonly mode: Mode,
    readonly loadMs: number,
  ) {
    process.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    });
    process.on('exit', (code, signal) => {
      for (const settle of this.pending.values()) settle({ error: `exited (${code ?? signal})` });
      this.pending.clear();
    });
  }

  static start(bundle: string, env: NodeJS.ProcessEnv, mode: Mode): Promise<Child> {
    const child = fork(HOST, [bundle], {
      execArgv: ['--expose-gc'],
      env,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) =>
        reject(new Error(`soak host exited (code ${code}) before it was ready`)),
      );
      child.once('message', (message: { ready?: boolean; loadMs?: number }) => {
        child.removeAllListeners('exit');
        if (message.ready === true) resolve(new Child(child, mode, message.loadMs ?? 0));
        else reject(new Error(`soak host failed to start: ${JSON.stringify(message)}`));
      });
    });
  }

  request<T>(command: string, args?: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, (reply) =>
        reply.error === undefined ? resolve(reply.result as T) : reject(new Error(reply.error)),
      );
      this.process.send({ id, command, args });
    });
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

  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const kill = setTimeout(() => this.process.kill('SIGKILL'), 2_000);
      this.process.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      this.process.disconnect();
    });
  }
}
