import { type ChildProcess, fork } from 'node:child_process';

/** A request sent to a child process (answered by `serveCommands` of serve.mjs). */
export interface ChildRequest {
  readonly id: number;
  readonly command: string;
  readonly args?: unknown;
}

/** A child's answer to a {@link ChildRequest}. */
export type ChildReply =
  | { readonly id: number; readonly result: unknown }
  | { readonly id: number; readonly error: string };

/** A running child process that answers commands over IPC. */
export interface CommandChild {
  /** The child's ready message (`{ ready: true, … }`), with whatever it reported at start. */
  readonly ready: Readonly<Record<string, unknown>>;
  /** Sends a command and resolves with the child's result; rejects when the child fails it or exits. */
  request<T>(command: string, args?: unknown): Promise<T>;
  /** Stops the child: disconnects, and kills it if it has not exited within 2 s. */
  close(): Promise<void>;
}

/** Options of {@link startChild}. */
export interface StartChildOptions {
  /** Node options of the child, e.g. a TypeScript loader or `--expose-gc`. @default none */
  readonly execArgv?: readonly string[];
  /** Environment of the child. */
  readonly env: NodeJS.ProcessEnv;
  /** Arguments after the module path. @default none */
  readonly args?: readonly string[];
}

/** How long {@link CommandChild.close} waits for the child to exit before killing it. */
const KILL_AFTER_MS = 2_000;

/**
 * Forks `modulePath` and waits until it says it is ready. Its stdout is
 * discarded (the rule logs one JSON line per evaluation there, as on Lambda);
 * its stderr is shown.
 */
export function startChild(modulePath: string, options: StartChildOptions): Promise<CommandChild> {
  const child = fork(modulePath, [...(options.args ?? [])], {
    execArgv: [...(options.execArgv ?? [])],
    env: options.env,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`${modulePath} exited (code ${code}) before it was ready`));
    child.once('error', reject);
    child.once('exit', onExit);
    child.once('message', (message: Record<string, unknown>) => {
      child.off('exit', onExit);
      if (message.ready === true) {
        resolve(connect(child, modulePath, message));
      } else {
        reject(new Error(`${modulePath} failed to start: ${JSON.stringify(message)}`));
      }
    });
  });
}

function connect(child: ChildProcess, name: string, ready: Record<string, unknown>): CommandChild {
  let nextId = 0;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  child.on('message', (message: ChildReply) => {
    const waiter = pending.get(message.id);
    if (waiter === undefined) return;
    pending.delete(message.id);
    if ('error' in message) waiter.reject(new Error(`${name}: ${message.error}`));
    else waiter.resolve(message.result);
  });
  child.on('exit', (code, signal) => {
    for (const waiter of pending.values()) {
      waiter.reject(new Error(`${name} exited (${code ?? signal}) during a request`));
    }
    pending.clear();
  });
  return {
    ready,
    request<T>(command: string, args?: unknown): Promise<T> {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, command, args } satisfies ChildRequest);
      });
    },
    close: () => stop(child),
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.disconnect();
  });
}
