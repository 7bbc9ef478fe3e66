import { RowState } from '../../exit-codes.js';
import type { ReportRow } from './report-types.js';

/**
 * The order in which an account's rows decide its one state, worst first:
 * an account with a NON_COMPLIANT result is NON_COMPLIANT whatever else it
 * has; one with any row that could not be evaluated is that, not COMPLIANT.
 * IGNORED rows never decide.
 */
export const STANDING_ORDER = [
  RowState.NonCompliant,
  RowState.Conflict,
  RowState.Stale,
  RowState.Error,
  RowState.InsufficientData,
  RowState.NoResult,
  RowState.Excluded,
  RowState.NotApplicable,
  RowState.Compliant,
] as const;

/** One of {@link STANDING_ORDER}. */
export type Standing = (typeof STANDING_ORDER)[number];

/**
 * Each account's one state from all its rows (see {@link STANDING_ORDER});
 * accounts whose rows are all IGNORED have none. This is the one source of
 * the per-account counts in the summary lines, the HTML cards and stderr.
 */
export function accountStandings(rows: readonly ReportRow[]): Map<string, Standing> {
  const standings = new Map<string, Standing>();
  const rank = (state: string) => STANDING_ORDER.indexOf(state as Standing);
  for (const row of rows) {
    if (row.compliance === RowState.Ignored) continue;
    const state = (rank(row.compliance) === -1 ? RowState.Error : row.compliance) as Standing;
    const current = standings.get(row.accountId);
    if (current === undefined || rank(state) < rank(current)) standings.set(row.accountId, state);
  }
  return standings;
}

/** Accounts per state, every state of {@link STANDING_ORDER} present (0 when none). */
export function standingCounts(standings: Iterable<Standing>): Record<Standing, number> {
  const counts = Object.fromEntries(STANDING_ORDER.map((state) => [state, 0])) as Record<
    Standing,
    number
  >;
  for (const state of standings) counts[state]++;
  return counts;
}
