import type { SimAccount, WorldOptions } from './model.js';
import type { SimOrganizationalUnit } from './organization-model.js';

/** A parent as `ListParents` names it. */
export interface ParentRef {
  readonly id: string;
  readonly type: 'ROOT' | 'ORGANIZATIONAL_UNIT';
}

const DEFAULT_ORGANIZATION_ID = 'o-exampleorg1';
const DEFAULT_ROOT_ID = 'r-exmp';

/**
 * The simulated organization's tree, indexed once: the root, the OUs and the
 * accounts under each parent, in the order the world lists them, so that
 * listing thousands of accounts by parent stays fast.
 *
 * @throws Error when an OU or account names a parent that does not exist
 */
export class OrganizationIndex {
  /** Whether the caller's account belongs to an organization at all. */
  readonly exists: boolean;
  readonly id: string;
  readonly rootId: string;
  readonly managementAccountId: string;
  private readonly units = new Map<string, SimOrganizationalUnit>();
  private readonly childUnits = new Map<string, SimOrganizationalUnit[]>();
  private readonly childAccounts = new Map<string, SimAccount[]>();
  private readonly parents = new Map<string, ParentRef>();

  constructor(options: WorldOptions, managementAccountId: string) {
    const organization = options.organization ?? {};
    const accounts = options.accounts ?? [];
    this.exists = options.organization !== undefined || accounts.length > 0;
    this.id = organization.id ?? DEFAULT_ORGANIZATION_ID;
    this.rootId = organization.rootId ?? DEFAULT_ROOT_ID;
    this.managementAccountId = managementAccountId;
    for (const unit of organization.units ?? []) this.units.set(unit.id, unit);
    for (const unit of organization.units ?? []) {
      this.place(unit.id, unit.parentId ?? this.rootId, this.childUnits, unit);
    }
    for (const account of accounts) {
      this.place(account.id, account.parentId ?? this.rootId, this.childAccounts, account);
    }
  }

  /** Whether `id` is the root or an OU. */
  isParent(id: string): boolean {
    return id === this.rootId || this.units.has(id);
  }

  /** The OU with this id. */
  unit(id: string): SimOrganizationalUnit | undefined {
    return this.units.get(id);
  }

  /** The OUs directly under a parent, in the world's order. */
  unitsUnder(parentId: string): readonly SimOrganizationalUnit[] {
    return this.childUnits.get(parentId) ?? [];
  }

  /** The accounts directly under a parent, in the world's order. */
  accountsUnder(parentId: string): readonly SimAccount[] {
    return this.childAccounts.get(parentId) ?? [];
  }

  /** The parent of an account or OU. */
  parentOf(childId: string): ParentRef | undefined {
    return this.parents.get(childId);
  }

  /** `arn:aws:organizations::<management>:<kind>/<org>/<id>`. */
  arn(kind: 'root' | 'ou' | 'account' | 'organization', id?: string): string {
    const base = `arn:aws:organizations::${this.managementAccountId}:${kind}/${this.id}`;
    return id === undefined ? base : `${base}/${id}`;
  }

  private place<T>(childId: string, parentId: string, lists: Map<string, T[]>, child: T): void {
    if (!this.isParent(parentId)) {
      throw new Error(`${childId} names parent ${parentId}, which is neither the root nor an OU`);
    }
    const list = lists.get(parentId);
    if (list) list.push(child);
    else lists.set(parentId, [child]);
    this.parents.set(childId, {
      id: parentId,
      type: parentId === this.rootId ? 'ROOT' : 'ORGANIZATIONAL_UNIT',
    });
  }
}
