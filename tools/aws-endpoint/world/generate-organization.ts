import type { SimAccount } from './model.js';
import type { SimOrganization, SimOrganizationalUnit } from './organization-model.js';

/** Options of {@link generateOrganization}. */
export interface OrganizationScenario {
  /** Top-level OUs under the root. @default ['Workloads', 'Sandbox', 'Security', 'Infrastructure'] */
  readonly branches?: readonly string[];
  /** OUs under each top-level OU; accounts go into these. @default ['Prod', 'Staging', 'Dev'] */
  readonly leaves?: readonly string[];
  /** @default 'o-exampleorg1' */
  readonly id?: string;
  /** @default 'r-exmp' */
  readonly rootId?: string;
}

/** A generated organization, and where its accounts go. */
export interface GeneratedOrganization {
  readonly organization: SimOrganization;
  /** The OUs accounts are placed into, in the order {@link placeAccounts} uses. */
  readonly leafUnits: readonly SimOrganizationalUnit[];
}

/**
 * A two-level OU tree (branches, each with the same leaves), with ids in
 * the Organizations formats: `ou-<root suffix>-<8 characters>`.
 */
export function generateOrganization(scenario: OrganizationScenario = {}): GeneratedOrganization {
  const rootId = scenario.rootId ?? 'r-exmp';
  const rootSuffix = rootId.slice(2);
  const branches = scenario.branches ?? ['Workloads', 'Sandbox', 'Security', 'Infrastructure'];
  const leaves = scenario.leaves ?? ['Prod', 'Staging', 'Dev'];
  const units: SimOrganizationalUnit[] = [];
  const leafUnits: SimOrganizationalUnit[] = [];
  branches.forEach((branch, b) => {
    const branchId = `ou-${rootSuffix}-${String(b + 1).padStart(2, '0')}000000`;
    units.push({ id: branchId, name: branch });
    leaves.forEach((leaf, l) => {
      const unit = {
        id: `ou-${rootSuffix}-${String(b + 1).padStart(2, '0')}${String(l + 1).padStart(2, '0')}0000`,
        name: leaf,
        parentId: branchId,
      };
      units.push(unit);
      leafUnits.push(unit);
    });
  });
  return {
    organization: { id: scenario.id ?? 'o-exampleorg1', rootId, units },
    leafUnits,
  };
}

/** The accounts spread over the leaf OUs in turn (account i into leaf i mod n). */
export function placeAccounts(
  accounts: readonly SimAccount[],
  leafUnits: readonly SimOrganizationalUnit[],
): SimAccount[] {
  if (leafUnits.length === 0) return [...accounts];
  return accounts.map((account, index) => ({
    ...account,
    parentId: (leafUnits[index % leafUnits.length] as SimOrganizationalUnit).id,
  }));
}
