/**
 * Maps `items` with `task`, running at most `limit` tasks at once, and
 * returns the results in the order of `items`. Workers pull the next item as
 * soon as they finish one, so a slow account never holds up a whole batch.
 * A task that throws rejects the whole map: tasks that must not stop the
 * others turn their failures into results themselves.
 *
 * @param onDone called after each task settles, with how many have
 * @throws RangeError when `limit` is not a positive integer
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
  onDone?: (done: number) => void,
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`concurrency must be a positive integer: received ${limit}`);
  }
  const results = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
      done++;
      onDone?.(done);
    }
  };
  const workers = Array.from({ length: Math.min(limit, items.length) }, worker);
  await Promise.all(workers);
  return results;
}
