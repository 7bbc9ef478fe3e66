import {
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AccessDeniedError, AwsCallError } from '../../../aws/errors.js';
import { parentPath, readOrganizationTree } from '../../../cli/src/aws/organization-tree.js';
import { serviceError } from '../../support/service-error.js';

const orgMock = mockClient(OrganizationsClient);
const org = new OrganizationsClient({ region: 'us-east-1' });

const UNITS: Record<string, { Id: string; Name: string }[]> = {
  'r-exmp': [
    { Id: 'ou-exmp-aaaaaaaa', Name: 'Workloads' },
    { Id: 'ou-exmp-bbbbbbbb', Name: 'Sandbox' },
  ],
  'ou-exmp-aaaaaaaa': [{ Id: 'ou-exmp-cccccccc', Name: 'Prod' }],
};
const ACCOUNTS: Record<string, { Id: string; Name: string; State: 'ACTIVE' | 'SUSPENDED' }[]> = {
  'r-exmp': [{ Id: '111111111111', Name: 'management', State: 'ACTIVE' }],
  'ou-exmp-bbbbbbbb': [{ Id: '222222222222', Name: 'lab', State: 'SUSPENDED' }],
  'ou-exmp-cccccccc': [{ Id: '333333333333', Name: 'web', State: 'ACTIVE' }],
};

beforeEach(() => {
  orgMock.reset();
  orgMock.on(ListRootsCommand).resolves({ Roots: [{ Id: 'r-exmp', Name: 'Root' }] });
  orgMock
    .on(ListOrganizationalUnitsForParentCommand)
    .callsFake(({ ParentId }: { ParentId: string }) => ({
      OrganizationalUnits: UNITS[ParentId] ?? [],
    }));
  orgMock
    .on(ListAccountsForParentCommand)
    .callsFake(({ ParentId, NextToken }: { ParentId: string; NextToken?: string }) =>
      // Every listing starts with an empty page that carries a token.
      NextToken === undefined
        ? { Accounts: [], NextToken: `next-${ParentId}` }
        : { Accounts: ACCOUNTS[ParentId] ?? [] },
    );
});

describe('readOrganizationTree', () => {
  it('walks the tree top-down, every page, keeping each account with its parent', async () => {
    const tree = await readOrganizationTree(org);

    expect(tree.accounts).toEqual([
      { id: '111111111111', name: 'management', state: 'ACTIVE', parentId: 'r-exmp' },
      { id: '222222222222', name: 'lab', state: 'SUSPENDED', parentId: 'ou-exmp-bbbbbbbb' },
      { id: '333333333333', name: 'web', state: 'ACTIVE', parentId: 'ou-exmp-cccccccc' },
    ]);
    expect(parentPath(tree.parents, 'ou-exmp-cccccccc')).toBe('Root/Workloads/Prod');
    expect(parentPath(tree.parents, 'r-exmp')).toBe('Root');
    // 1 ListRoots, 4 parents × (1 OU page + 2 account pages).
    expect(tree.calls).toBe(13);
  });

  it('runs at most the given number of listings at once', async () => {
    let running = 0;
    let most = 0;
    const slow = (answer: object) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return answer;
    };
    UNITS['r-exmp-wide'] = Array.from({ length: 12 }, (_, index) => ({
      Id: `ou-wide-${String(index).padStart(8, '0')}`,
      Name: `Unit ${index}`,
    }));
    orgMock.on(ListRootsCommand).resolves({ Roots: [{ Id: 'r-exmp-wide', Name: 'Root' }] });
    orgMock.on(ListAccountsForParentCommand).callsFake(slow({ Accounts: [] }));
    orgMock.on(ListOrganizationalUnitsForParentCommand, { ParentId: 'r-exmp-wide' }).resolves({
      OrganizationalUnits: UNITS['r-exmp-wide'],
    });

    const tree = await readOrganizationTree(org, 3);

    expect(tree.parents.size).toBe(13);
    expect(most).toBeLessThanOrEqual(3);
    expect(most).toBeGreaterThan(1);
  });

  it('refuses an organization without a root rather than reporting no account', async () => {
    orgMock.on(ListRootsCommand).resolves({ Roots: [] });

    await expect(readOrganizationTree(org)).rejects.toThrow(AwsCallError);
    await expect(readOrganizationTree(org)).rejects.toThrow(/listed no root/);
  });

  it('names the permission a denied listing needs', async () => {
    orgMock
      .on(ListOrganizationalUnitsForParentCommand)
      .rejects(serviceError('organizations', 'AccessDeniedException'));

    const failure = readOrganizationTree(org);
    await expect(failure).rejects.toThrow(AccessDeniedError);
    await expect(failure).rejects.toThrow(
      /organizations:ListOrganizationalUnitsForParent was denied/,
    );
  });
});
