import {
  ListAccountsCommand,
  OrganizationsClient,
  paginateListAccounts,
} from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withEnv } from '../../../tools/aws-endpoint/env.js';
import { organizationsResponses } from '../../../tools/aws-endpoint/organizations-responses.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../../tools/aws-endpoint/server.js';

let server: AwsEndpoint;

beforeAll(async () => {
  server = await startAwsEndpoint();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const account = (id: string, status: 'ACTIVE' | 'SUSPENDED' = 'ACTIVE') => ({
  id,
  name: `n-${id}`,
  status,
});

describe('Organizations answers through the real OrganizationsClient', () => {
  it('pages ListAccounts with NextToken, including an empty page that carries one', async () => {
    server.script(
      'organizations',
      'ListAccounts',
      organizationsResponses.listAccounts([account('222222222222')], 't1'),
      organizationsResponses.listAccounts([], 't2'),
      organizationsResponses.listAccounts([account('333333333333', 'SUSPENDED')]),
    );

    const ids: string[] = [];
    await withEnv(server.env(), async () => {
      for await (const page of paginateListAccounts({ client: new OrganizationsClient({}) }, {})) {
        ids.push(...(page.Accounts ?? []).map((a) => `${a.Id}:${a.Status}:${a.State}`));
      }
    });

    expect(ids).toEqual(['222222222222:ACTIVE:ACTIVE', '333333333333:SUSPENDED:SUSPENDED']);
    expect(server.calls.map((call) => call.params.NextToken)).toEqual([undefined, 't1', 't2']);
  });

  it('parses the account fields', async () => {
    server.script(
      'organizations',
      'ListAccounts',
      organizationsResponses.listAccounts([account('222222222222')]),
    );

    const answer = await withEnv(server.env(), () =>
      new OrganizationsClient({}).send(new ListAccountsCommand({})),
    );

    expect(answer.Accounts?.[0]).toMatchObject({
      Id: '222222222222',
      Name: 'n-222222222222',
      Email: '222222222222@example.com',
      Arn: 'arn:aws:organizations::111111111111:account/o-exampleorg1/222222222222',
      JoinedMethod: 'CREATED',
      JoinedTimestamp: new Date('2024-01-15T09:30:00Z'),
    });
  });

  it.each([
    [organizationsResponses.accessDenied(), 'AccessDeniedException', 403],
    [organizationsResponses.notInUse(), 'AWSOrganizationsNotInUseException', 404],
    [organizationsResponses.invalidInput('bad token'), 'InvalidInputException', 400],
  ])('turns a JSON error into the SDK error %#', async (response, name, status) => {
    server.script('organizations', 'ListAccounts', response);

    const error = await withEnv(server.env(), () =>
      new OrganizationsClient({ maxAttempts: 1 }).send(new ListAccountsCommand({})),
    ).catch((caught: Error) => caught);

    expect(error).toMatchObject({ name, $metadata: { httpStatusCode: status } });
  });
});
