import { organizationTreeResponses as answers } from '../organization-tree-responses.js';
import type { RecordedCall } from '../request.js';
import type { EndpointResponse } from '../responses.js';
import type { SimOrganizationalUnit } from './organization-model.js';
import { memberAccount, pageOf } from './organizations-paging.js';
import type { SimulatedWorld } from './world.js';

/**
 * Organizations' tree: ListRoots, ListOrganizationalUnitsForParent,
 * ListAccountsForParent, ListParents, DescribeOrganizationalUnit,
 * DescribeAccount and DescribeOrganization, from the world's OU tree.
 */
export function answerOrganizationTree(
  world: SimulatedWorld,
  call: RecordedCall,
): EndpointResponse | undefined {
  const { tree } = world;
  const id = (name: string) => String(call.params[name] ?? '');
  switch (call.action) {
    case 'DescribeOrganization':
      return answers.describeOrganization({
        id: tree.id,
        arn: tree.arn('organization'),
        managementAccountId: tree.managementAccountId,
        managementAccountArn: tree.arn('account', tree.managementAccountId),
      });
    case 'ListRoots':
      return pageOf(call, [tree.rootId], 'ListRoots', world, (roots, token) =>
        answers.listRoots(
          roots.map((root) => ({ id: root, arn: tree.arn('root', root) })),
          token,
        ),
      );
    case 'ListOrganizationalUnitsForParent': {
      const parent = id('ParentId');
      if (!tree.isParent(parent)) return answers.parentNotFound();
      return pageOf(call, tree.unitsUnder(parent), `ous:${parent}`, world, (units, token) =>
        answers.listOrganizationalUnits(
          units.map((unit) => unitAnswer(world, unit)),
          token,
        ),
      );
    }
    case 'ListAccountsForParent': {
      const parent = id('ParentId');
      if (!tree.isParent(parent)) return answers.parentNotFound();
      return pageOf(call, tree.accountsUnder(parent), `accounts:${parent}`, world, (list, token) =>
        answers.listAccountsForParent(
          list.map((account) => memberAccount(world, account)),
          token,
        ),
      );
    }
    case 'ListParents': {
      const parent = tree.parentOf(id('ChildId'));
      if (!parent) return answers.childNotFound();
      return pageOf(call, [parent], `parents:${id('ChildId')}`, world, (parents, token) =>
        answers.listParents(parents, token),
      );
    }
    case 'DescribeOrganizationalUnit': {
      const unit = tree.unit(id('OrganizationalUnitId'));
      return unit
        ? answers.describeOrganizationalUnit(unitAnswer(world, unit))
        : answers.organizationalUnitNotFound();
    }
    case 'DescribeAccount': {
      const account = world.organization.find((member) => member.id === id('AccountId'));
      return account
        ? answers.describeAccount(memberAccount(world, account))
        : answers.accountNotFound();
    }
    default:
      return undefined;
  }
}

function unitAnswer(world: SimulatedWorld, unit: SimOrganizationalUnit) {
  return { id: unit.id, name: unit.name, arn: world.tree.arn('ou', unit.id) };
}
