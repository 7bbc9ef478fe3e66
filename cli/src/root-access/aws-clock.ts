/** Largest difference between the local clock and AWS's that `--apply` accepts. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** A client whose answers can be watched (every SDK v3 client). */
interface WatchableClient {
  readonly middlewareStack: unknown;
}

/**
 * AWS's clock, as the `Date` header of its answers gives it: the local clock
 * corrected by the offset last observed. Until an answer is seen it is the
 * local clock. Decisions that count time since a key's last use (which AWS
 * stamps) use this clock, so a wrong local clock cannot age a key.
 *
 * @example
 * const clock = new AwsClock();
 * clock.watch(iam); // after the first answer, clock.now() is AWS's time
 */
export class AwsClock {
  private offsetMs: number | undefined;

  /** @param local the local clock @default the real one */
  constructor(private readonly local: () => Date = () => new Date()) {}

  /** Notes an answer's `Date` header (an HTTP date); ignores what does not parse. */
  observe(dateHeader: string | undefined): void {
    if (dateHeader === undefined) return;
    const aws = Date.parse(dateHeader);
    if (Number.isNaN(aws)) return;
    this.offsetMs = aws - this.local().getTime();
  }

  /** AWS's time now (the local clock until an answer was seen). */
  now(): Date {
    return new Date(this.local().getTime() + (this.offsetMs ?? 0));
  }

  /** AWS's clock minus the local one, in ms; undefined until an answer was seen. */
  skewMs(): number | undefined {
    return this.offsetMs;
  }

  /** Watches every answer `client` receives (each attempt, errors too when they reach the deserializer). */
  watch(client: WatchableClient): void {
    const stack = client.middlewareStack as unknown as {
      add(middleware: unknown, options: { step: string; name: string; override?: boolean }): void;
    };
    stack.add(
      (next: (args: unknown) => Promise<{ response: unknown }>) => async (args: unknown) => {
        try {
          const result = await next(args);
          this.observe(headerOf(result.response));
          return result;
        } catch (error) {
          this.observe(headerOf((error as { $response?: unknown }).$response));
          throw error;
        }
      },
      { step: 'deserialize', name: 'awsClockMiddleware', override: true },
    );
  }
}

function headerOf(response: unknown): string | undefined {
  const headers = (response as { headers?: Record<string, string | undefined> } | undefined)
    ?.headers;
  return headers?.date ?? headers?.Date;
}
