import { definedFields } from '../../../../definition/objects.js';
import { ACTIVE_STATE } from '../../aws/list-accounts.js';
import { EXCLUDED, NO_RESULT, RowState } from '../../exit-codes.js';
import { type OrganizationDirectory, placementOf } from '../../organization-directory.js';
import type { DirectoryAccount } from '../../organization-types.js';
import { byAccountRegionRule } from './report-aggregator.js';
import { accountStandings, type Standing, standingCounts } from './report-standing.js';
import type { Coverage, PackDeployment, PackStatusRow, ReportRow } from './report-types.js';

/** What the coverage check joins. */
export interface CoverageInput {
  /** The aggregator's rows. */
  readonly rows: readonly ReportRow[];
  readonly directory: OrganizationDirectory;
  readonly deployment: PackDeployment;
  readonly statuses: ReadonlyMap<string, PackStatusRow>;
  /** The rule's base name and the aggregator's Region, for rows of accounts without a result. */
  readonly ruleName: string;
  readonly region: string;
  readonly allowMissingAccounts: boolean;
}

/** How an error row for an account without a result ends: what to do about it. */
export const MISSING_ADVICE =
  '; check the account with evaluate, or pass --allow-missing-accounts to accept accounts without a result';

/**
 * Joins the aggregator's rows with the organization: names and OU paths on
 * every row, and a row for every ACTIVE account without any, saying why as
 * precisely as AWS allows (excluded by the pack, the pack failed there, still
 * deploying, deployed but no result, not in the aggregator at all). Accounts
 * that are not ACTIVE are left out and counted. Pure.
 */
export function applyCoverage(input: CoverageInput): { rows: ReportRow[]; coverage: Coverage } {
  const { directory } = input;
  const placed = input.rows.map(({ accountId, ...row }) =>
    withPack(input, { accountId, ...placementOf(directory, accountId), ...row }),
  );
  if (!directory.readable || !directory.complete) {
    const reason = directory.readable ? 'the organization was not listed whole' : directory.reason;
    return { rows: placed, coverage: { ...emptyCoverage(), checked: false, reason } };
  }
  const standings = accountStandings(placed);
  const ignored = new Map<string, number>();
  for (const row of placed) {
    if (row.compliance === RowState.Ignored)
      ignored.set(row.accountId, (ignored.get(row.accountId) ?? 0) + 1);
  }
  const added: ReportRow[] = [];
  const leftOut: DirectoryAccount[] = [];
  const active: Standing[] = [];
  for (const account of directory.accounts) {
    if (account.state !== ACTIVE_STATE) {
      leftOut.push(account);
      continue;
    }
    let standing = standings.get(account.id);
    if (standing === undefined) {
      const row = missingRow(input, account, ignored.get(account.id) ?? 0);
      added.push(row);
      standing = row.compliance as Standing;
    }
    active.push(standing);
  }
  const counts = standingCounts(active);
  const outsideOrganization = [
    ...new Set(placed.map((row) => row.accountId).filter((id) => !directory.byId.has(id))),
  ];
  return {
    rows: [...placed, ...added].sort(byAccountRegionRule),
    coverage: definedFields({
      checked: true,
      unitsNote: directory.unitsNote,
      activeAccounts: active.length,
      withResult: counts.COMPLIANT + counts.NON_COMPLIANT,
      compliant: counts.COMPLIANT,
      nonCompliant: counts.NON_COMPLIANT,
      stale: counts.STALE,
      conflict: counts.CONFLICT,
      insufficientData: counts.INSUFFICIENT_DATA,
      excluded: counts.EXCLUDED,
      noResult: counts.NO_RESULT,
      unreadable: counts.ERROR,
      ignoredResults: placed.filter((row) => row.compliance === RowState.Ignored).length,
      leftOut,
      outsideOrganization,
    }),
  };
}

/** The row of an ACTIVE account that the aggregator holds nothing for. */
function missingRow(input: CoverageInput, account: DirectoryAccount, ignored: number): ReportRow {
  const base = {
    accountId: account.id,
    ...placementOf(input.directory, account.id),
    region: input.region,
    ruleName: input.ruleName,
  };
  const { deployment } = input;
  if (deployment.excludedAccounts.includes(account.id)) {
    const note = `excluded from organization conformance pack ${deployment.packName} (ExcludedAccounts): the rule is not deployed here on purpose`;
    return { ...base, compliance: EXCLUDED, note };
  }
  const others =
    ignored > 0
      ? `; ${ignored} ${ignored === 1 ? 'result' : 'results'} of another rule, Region or pack ignored (see the IGNORED rows)`
      : '';
  const reason = `${missingReason(deployment, input.statuses.get(account.id))}${others}`;
  const explained = input.allowMissingAccounts
    ? { note: reason }
    : { error: `${reason}${MISSING_ADVICE}` };
  return withPack(input, { ...base, compliance: NO_RESULT, ...explained });
}

/** Why an account has no entry in the aggregator, from the pack's status there. */
export function missingReason(
  deployment: PackDeployment,
  status: PackStatusRow | undefined,
): string {
  const pack = `organization conformance pack ${deployment.packName}`;
  if (!deployment.found) {
    return `no result of the rule in the aggregator for this ACTIVE account; deployment status unknown (${deployment.note ?? 'pack not read'})`;
  }
  if (status === undefined) {
    return `no result of the rule in the aggregator, and ${pack} has no deployment status for this account (not deployed here)`;
  }
  const error =
    status.errorCode === undefined
      ? ''
      : `: ${status.errorCode}${status.errorMessage ? `: ${status.errorMessage}` : ''}`;
  if (status.status.endsWith('_FAILED'))
    return `${pack} failed in this account (${status.status}${error})`;
  if (status.status.endsWith('_IN_PROGRESS')) {
    return `${pack} is still being deployed in this account (${status.status}); no result yet`;
  }
  if (status.status.startsWith('DELETE'))
    return `${pack} was removed from this account (${status.status})`;
  return `${pack} is deployed in this account (${status.status}), but the aggregator holds no result of the rule: not evaluated yet, no configuration recorder, or the account is not a source of the aggregator`;
}

/** Rows without a counted result, which carry the pack's status in the account. */
const UNCOUNTED: ReadonlySet<string> = new Set([
  RowState.InsufficientData,
  RowState.NoResult,
  RowState.Stale,
  RowState.Conflict,
  RowState.Ignored,
]);

/** Adds the pack's status in the account to a row without a counted result. */
function withPack(input: CoverageInput, row: ReportRow): ReportRow {
  if (!UNCOUNTED.has(row.compliance)) return row;
  const status = input.statuses.get(row.accountId);
  if (status === undefined) return row;
  return {
    ...row,
    ...definedFields({
      packStatus: status.status,
      packErrorCode: status.errorCode,
      packErrorMessage: status.errorMessage,
    }),
  };
}

function emptyCoverage(): Omit<Coverage, 'checked'> {
  return {
    activeAccounts: 0,
    withResult: 0,
    compliant: 0,
    nonCompliant: 0,
    stale: 0,
    conflict: 0,
    insufficientData: 0,
    excluded: 0,
    noResult: 0,
    unreadable: 0,
    ignoredResults: 0,
    leftOut: [],
    outsideOrganization: [],
  };
}
