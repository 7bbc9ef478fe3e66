import {
  ListAccountsCommand,
  OrganizationsClient,
  paginateListAccounts,
} from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withEnv } from '../../../../tools/aws-endpoint/env.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../../../tools/aws-endpoint/server.js';
import { generateAccounts } from '../../../../tools/aws-endpoint/world/generate.js';
import { createWorld } from '../../../../tools/aws-endpoint/world/world.js';

const accounts = generateAccounts({ count: 1000, suspendedEvery: 100 });
const world = createWorld({ accounts, emptyPages: { ListAccounts: [1, 7] } });
let server: AwsEndpoint;

beforeAll(async () => {
  server = await startAwsEndpoint({ world });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function listAccounts(maxResults?: number) {
  return new OrganizationsClient({ maxAttempts: 1 }).send(
    new ListAccountsCommand({ MaxResults: maxResults }),
  );
}

describe('the simulated world: Organizations ListAccounts', () => {
  it('lists 1,000 accounts in pages of 20, with empty pages that still carry a NextToken', async () => {
    const listed: { id?: string | undefined; status?: string | undefined }[] = [];
    const pageSizes: number[] = [];
    await withEnv(server.env(), async () => {
      for await (const page of paginateListAccounts({ client: new OrganizationsClient({}) }, {})) {
        pageSizes.push(page.Accounts?.length ?? 0);
        listed.push(...(page.Accounts ?? []).map((a) => ({ id: a.Id, status: a.Status })));
      }
    });

    expect(listed.map((a) => a.id)).toEqual(accounts.map((a) => a.id));
    expect(listed.filter((a) => a.status === 'SUSPENDED')).toHaveLength(10);
    expect(pageSizes).toHaveLength(52);
    expect(pageSizes[1]).toBe(0);
    expect(pageSizes[7]).toBe(0);
    expect(server.calls[1]?.params.NextToken).toEqual(expect.any(String));
  });

  it('rejects MaxResults above 20 and foreign tokens with InvalidInputException', async () => {
    const errors = await withEnv(server.env(), async () => [
      await listAccounts(21).catch((error: Error) => error.name),
      await new OrganizationsClient({ maxAttempts: 1 })
        .send(new ListAccountsCommand({ NextToken: 'not-a-token' }))
        .catch((error: Error) => error.name),
    ]);

    expect(errors).toEqual(['InvalidInputException', 'InvalidInputException']);
  });

  it('denies ListAccounts to member account credentials', async () => {
    const name = await withEnv(server.env(), async () => {
      const { Credentials } = await new STSClient({}).send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${accounts[1]?.id}:role/r`,
          RoleSessionName: 's',
        }),
      );
      const credentials = {
        accessKeyId: Credentials?.AccessKeyId ?? '',
        secretAccessKey: Credentials?.SecretAccessKey ?? '',
        sessionToken: Credentials?.SessionToken ?? '',
      };
      return new OrganizationsClient({ credentials, maxAttempts: 1 })
        .send(new ListAccountsCommand({}))
        .catch((error: Error) => error.name);
    });

    expect(name).toBe('AccessDeniedException');
  });
});
