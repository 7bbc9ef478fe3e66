/** One page of a listing. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextToken: string | undefined;
}

/** What a page request asks for. */
export interface PageRequest {
  /** Identifies the listing (action and filters); a token from another listing is invalid. */
  readonly listing: string;
  readonly limit: number;
  readonly nextToken: string | undefined;
  /** Page numbers answered empty, with a NextToken. */
  readonly emptyPages: readonly number[];
}

interface TokenState {
  readonly listing: string;
  readonly offset: number;
  readonly page: number;
}

/**
 * Cuts one page out of a listing, like AWS: opaque tokens bound to the
 * listing, and empty pages that still carry a token where asked.
 *
 * @returns the page, or undefined when the token is not one this listing issued
 */
export function takePage<T>(items: readonly T[], request: PageRequest): Page<T> | undefined {
  const state =
    request.nextToken === undefined
      ? { listing: request.listing, offset: 0, page: 0 }
      : decode(request.nextToken);
  if (!state || state.listing !== request.listing) {
    return undefined;
  }
  if (request.emptyPages.includes(state.page)) {
    return { items: [], nextToken: encode({ ...state, page: state.page + 1 }) };
  }
  const end = state.offset + request.limit;
  const more = end < items.length;
  return {
    items: items.slice(state.offset, end),
    nextToken: more
      ? encode({ listing: request.listing, offset: end, page: state.page + 1 })
      : undefined,
  };
}

function encode(state: TokenState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

function decode(token: string): TokenState | undefined {
  try {
    const state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as TokenState;
    return typeof state.offset === 'number' && typeof state.page === 'number' ? state : undefined;
  } catch {
    return undefined;
  }
}
