import { AwsCallError, toAwsError } from './errors.js';

/** Options of {@link readAllPages}. */
export interface PagingOptions {
  /**
   * Pages read at most: a listing that goes on past them (new tokens every
   * time) fails instead of running until the deadline. @default unbounded
   */
  readonly maxPages?: number;
}

/**
 * Calls `readPage` with each `NextToken` until none is returned; an empty
 * string counts as none. Pages may be empty and still carry a token.
 *
 * @param permission the IAM action, named in errors
 * @returns the number of pages read
 * @throws AwsError when a call fails, a `NextToken` repeats (a loop) or the
 *   listing goes past `maxPages`; the project's own errors from `readPage`
 *   are passed on unchanged
 */
export async function readAllPages(
  permission: string,
  readPage: (token: string | undefined) => Promise<string | undefined>,
  options: PagingOptions = {},
): Promise<number> {
  const seenTokens = new Set<string>();
  let token: string | undefined;
  let pages = 0;
  do {
    if (options.maxPages !== undefined && pages === options.maxPages) {
      throw new AwsCallError(
        `${permission} gave more than ${options.maxPages} pages; the listing was not read to its end`,
      );
    }
    try {
      token = (await readPage(token)) || undefined;
    } catch (error) {
      // The project's own errors already say what failed and what to do.
      throw toAwsError(error, permission);
    }
    pages++;
    if (token !== undefined && seenTokens.has(token)) {
      throw new AwsCallError(`${permission} returned the same NextToken twice`);
    }
    if (token !== undefined) seenTokens.add(token);
  } while (token !== undefined);
  return pages;
}
