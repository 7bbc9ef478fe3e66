import { SingleBar } from 'cli-progress';
import type { OutputStream } from './io.js';

/** Receives progress: `done` of `total` items. */
export type ProgressListener = (done: number, total: number) => void;

/** A progress display and the way to take it down. */
export interface Progress {
  readonly update: ProgressListener;
  /** Stops and clears the bar (safe to call when none was shown). */
  stop(): void;
}

/**
 * A progress bar on `stream` (stderr), shown only when it is a terminal and
 * there are several items; otherwise nothing is written, so pipes and logs
 * stay clean.
 */
export function createProgress(stream: OutputStream, label: string): Progress {
  let bar: SingleBar | undefined;
  return {
    update(done, total) {
      if (stream.isTTY !== true || total < 2) return;
      if (bar === undefined) {
        bar = new SingleBar({
          stream: stream as NodeJS.WritableStream,
          format: `${label} [{bar}] {value}/{total} | {duration_formatted} elapsed, ETA {eta_formatted}`,
          clearOnComplete: true,
          hideCursor: true,
          barsize: 30,
        });
        bar.start(total, done);
        return;
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

/**
 * Runs `work` with a progress bar on `stream` (see {@link createProgress}),
 * taken down once the work settles, whether it succeeded or failed, so
 * nothing printed afterwards lands on the bar.
 */
export async function withProgress<T>(
  stream: OutputStream,
  label: string,
  work: (onProgress: ProgressListener) => Promise<T>,
): Promise<T> {
  const progress = createProgress(stream, label);
  try {
    return await work(progress.update);
  } finally {
    progress.stop();
  }
}
