import {
  DescribeAccountCommand,
  DescribeOrganizationalUnitCommand,
  ListParentsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AccessDeniedError } from '../../../aws/errors.js';
import { placeAccounts } from '../../../cli/src/aws/account-placement.js';
import { parentPath } from '../../../cli/src/aws/organization-tree.js';
import { serviceError } from '../../support/service-error.js';

const orgMock = mockClient(OrganizationsClient);
const org = new OrganizationsClient({ region: 'us-east-1' });

const PARENTS: Record<string, { Id: string; Type: 'ROOT' | 'ORGANIZATIONAL_UNIT' }> = {
  '111111111111': { Id: 'r-exmp', Type: 'ROOT' },
  '222222222222': { Id: 'ou-exmp-cccccccc', Type: 'ORGANIZATIONAL_UNIT' },
  '333333333333': { Id: 'ou-exmp-cccccccc', Type: 'ORGANIZATIONAL_UNIT' },
  'ou-exmp-cccccccc': { Id: 'ou-exmp-aaaaaaaa', Type: 'ORGANIZATIONAL_UNIT' },
  'ou-exmp-aaaaaaaa': { Id: 'r-exmp', Type: 'ROOT' },
};
const NAMES: Record<string, string> = {
  'ou-exmp-aaaaaaaa': 'Workloads',
  'ou-exmp-cccccccc': 'Prod',
};

beforeEach(() => {
  orgMock.reset();
  orgMock.on(DescribeAccountCommand).callsFake(({ AccountId }: { AccountId: string }) => {
    if (PARENTS[AccountId] === undefined)
      throw serviceError('organizations', 'AccountNotFoundException');
    return { Account: { Id: AccountId, Name: `name-${AccountId}`, State: 'ACTIVE' } };
  });
  orgMock.on(ListParentsCommand).callsFake(({ ChildId }: { ChildId: string }) => {
    const parent = PARENTS[ChildId];
    if (parent === undefined) throw serviceError('organizations', 'ChildNotFoundException');
    return { Parents: [parent] };
  });
  orgMock
    .on(DescribeOrganizationalUnitCommand)
    .callsFake(({ OrganizationalUnitId }: { OrganizationalUnitId: string }) => ({
      OrganizationalUnit: { Id: OrganizationalUnitId, Name: NAMES[OrganizationalUnitId] },
    }));
});

describe('placeAccounts', () => {
  it('finds each account and the path of its OU, describing each OU once', async () => {
    const tree = await placeAccounts(org, ['111111111111', '222222222222', '333333333333'], 3);

    expect(tree.accounts).toEqual([
      { id: '111111111111', name: 'name-111111111111', state: 'ACTIVE', parentId: 'r-exmp' },
      {
        id: '222222222222',
        name: 'name-222222222222',
        state: 'ACTIVE',
        parentId: 'ou-exmp-cccccccc',
      },
      {
        id: '333333333333',
        name: 'name-333333333333',
        state: 'ACTIVE',
        parentId: 'ou-exmp-cccccccc',
      },
    ]);
    expect(parentPath(tree.parents, 'ou-exmp-cccccccc')).toBe('Root/Workloads/Prod');
    const described = orgMock
      .commandCalls(DescribeOrganizationalUnitCommand)
      .map((call) => call.args[0].input.OrganizationalUnitId);
    expect(described.sort()).toEqual(['ou-exmp-aaaaaaaa', 'ou-exmp-cccccccc']);
  });

  it('leaves out an account that is not a member, and keeps the others', async () => {
    const tree = await placeAccounts(org, ['999999999999', '111111111111'], 2);

    expect(tree.accounts.map((account) => account.id)).toEqual(['111111111111']);
  });

  it('fails on any other error, naming the permission', async () => {
    orgMock
      .on(DescribeAccountCommand)
      .rejects(serviceError('organizations', 'AccessDeniedException'));

    const failure = placeAccounts(org, ['111111111111'], 1);
    await expect(failure).rejects.toThrow(AccessDeniedError);
    await expect(failure).rejects.toThrow(/organizations:DescribeAccount was denied/);
  });
});
