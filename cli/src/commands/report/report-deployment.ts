import type { ConfigServiceClient } from '@aws-sdk/client-config-service';
import type { Deadline } from '../../../../aws/backoff.js';
import { definedFields } from '../../../../definition/objects.js';
import { describeOrganizationPack, listPackStatuses } from '../../aws/organization-pack.js';
import { describeError } from '../../errors.js';
import type { PackDeployment, PackStatusRow } from './report-types.js';

/** The pack's deployment, with the per-account statuses the coverage needs. */
export interface DeploymentReading {
  readonly deployment: PackDeployment;
  /** Deployment status by account id. */
  readonly statuses: ReadonlyMap<string, PackStatusRow>;
}

/**
 * Reads the organization conformance pack that deploys the rule: its
 * excluded accounts and its deployment status in every member account.
 * Never throws: a pack that cannot be read or is not found says why.
 */
export async function readPackDeployment(
  config: ConfigServiceClient,
  packName: string,
  region: string,
  deadline?: Deadline,
): Promise<DeploymentReading> {
  const empty = { packName, excludedAccounts: [], statusCounts: {}, problems: [] };
  let pack: Awaited<ReturnType<typeof describeOrganizationPack>>;
  try {
    pack = await describeOrganizationPack(config, packName, deadline);
  } catch (error) {
    return {
      deployment: { ...empty, found: false, note: describeError(error) },
      statuses: new Map(),
    };
  }
  if (pack === undefined) {
    const note = `no organization conformance pack named ${packName} was deployed from the caller's account in ${region} (packs deployed from the management account and from a delegated administrator do not see each other; give the pack's name with --pack-name)`;
    return { deployment: { ...empty, found: false, note }, statuses: new Map() };
  }
  const found = { ...empty, found: true, excludedAccounts: pack.excludedAccounts };
  let rows: PackStatusRow[];
  try {
    rows = (await listPackStatuses(config, packName, deadline)).map((row) =>
      definedFields({ ...row, lastUpdateTime: row.lastUpdateTime?.toISOString() }),
    );
  } catch (error) {
    return { deployment: { ...found, note: describeError(error) }, statuses: new Map() };
  }
  const statusCounts: Record<string, number> = {};
  for (const row of rows) statusCounts[row.status] = (statusCounts[row.status] ?? 0) + 1;
  return {
    deployment: {
      ...found,
      statusCounts,
      problems: rows.filter(
        (row) => !row.status.endsWith('_SUCCESSFUL') || row.status.startsWith('DELETE'),
      ),
    },
    statuses: new Map(rows.map((row) => [row.accountId, row])),
  };
}
