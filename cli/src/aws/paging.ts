import { AwsCallError, toAwsError } from '../../../aws/errors.js';
import { CliError } from '../errors.js';

/**
 * Calls `readPage` with each `NextToken` until none is returned; an empty
 * string counts as none. Pages may be empty and still carry a token.
 *
 * @param permission the IAM action, named in errors
 * @returns the number of pages read
 * @throws RuleError when a call fails or a `NextToken` repeats (a loop); a
 *   {@link CliError} from `readPage` is passed on unchanged
 */
export async function readAllPages(
  permission: string,
  readPage: (token: string | undefined) => Promise<string | undefined>,
): Promise<number> {
  const seenTokens = new Set<string>();
  let token: string | undefined;
  let pages = 0;
  do {
    try {
      token = (await readPage(token)) || undefined;
    } catch (error) {
      // The tool's own errors already say what failed and what to do.
      if (error instanceof CliError) throw error;
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
