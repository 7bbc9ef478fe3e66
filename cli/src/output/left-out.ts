import type { DirectoryAccount } from '../organization-types.js';

/** Most left-out account ids named in a summary line. */
const LEFT_OUT_NAMED = 10;

/** `; 2 left out (not ACTIVE): 200000000005 SUSPENDED, …`, or nothing. */
export function leftOutText(leftOut: readonly DirectoryAccount[]): string {
  if (leftOut.length === 0) return '';
  const named = leftOut.slice(0, LEFT_OUT_NAMED).map((account) => `${account.id} ${account.state}`);
  const more =
    leftOut.length > LEFT_OUT_NAMED ? `, and ${leftOut.length - LEFT_OUT_NAMED} more` : '';
  return `; ${leftOut.length} left out (not ACTIVE): ${named.join(', ')}${more}`;
}
