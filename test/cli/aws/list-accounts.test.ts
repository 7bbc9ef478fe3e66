import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AccessDeniedError, AwsCallError } from '../../../aws/errors.js';
import { listActiveAccounts } from '../../../cli/src/aws/list-accounts.js';
import { serviceError } from '../../support/service-error.js';

const orgMock = mockClient(OrganizationsClient);
const org = new OrganizationsClient({ region: 'us-east-1' });

describe('listActiveAccounts', () => {
  beforeEach(() => orgMock.reset());

  it('reads every page, including an empty page that carries a NextToken', async () => {
    orgMock
      .on(ListAccountsCommand, { NextToken: undefined })
      .resolves({
        Accounts: [{ Id: '111111111111', Name: 'management', State: 'ACTIVE' }],
        NextToken: 't1',
      })
      .on(ListAccountsCommand, { NextToken: 't1' })
      .resolves({ Accounts: [], NextToken: 't2' })
      .on(ListAccountsCommand, { NextToken: 't2' })
      .resolves({ Accounts: [{ Id: '222222222222', State: 'ACTIVE' }] });

    const listing = await listActiveAccounts(org);

    expect(listing).toEqual({
      accounts: [{ id: '111111111111', name: 'management' }, { id: '222222222222' }],
      pages: 3,
    });
    expect(orgMock.commandCalls(ListAccountsCommand)).toHaveLength(3);
  });

  it('keeps only ACTIVE accounts, by State or else by the older Status', async () => {
    orgMock.on(ListAccountsCommand).resolves({
      Accounts: [
        { Id: '111111111111', State: 'ACTIVE', Status: 'ACTIVE' },
        { Id: '222222222222', State: 'SUSPENDED', Status: 'SUSPENDED' },
        { Id: '333333333333', State: 'PENDING_CLOSURE', Status: 'PENDING_CLOSURE' },
        { Id: '444444444444', State: 'CLOSED' },
        { Id: '555555555555', Status: 'ACTIVE' },
        { Id: '666666666666', Status: 'SUSPENDED' },
        { Id: '777777777777' },
      ],
    });

    const { accounts } = await listActiveAccounts(org);

    expect(accounts.map((account) => account.id)).toEqual(['111111111111', '555555555555']);
  });

  it('names the permission when ListAccounts is denied', async () => {
    orgMock.on(ListAccountsCommand).rejects(serviceError('organizations', 'AccessDeniedException'));

    const failure = listActiveAccounts(org);

    await expect(failure).rejects.toThrow(AccessDeniedError);
    await expect(failure).rejects.toThrow(/organizations:ListAccounts/);
  });

  it('stops with an error when a NextToken comes back twice instead of looping', async () => {
    orgMock.on(ListAccountsCommand).resolves({ Accounts: [], NextToken: 'same' });

    await expect(listActiveAccounts(org)).rejects.toThrow(AwsCallError);
    expect(orgMock.commandCalls(ListAccountsCommand)).toHaveLength(2);
  });
});
