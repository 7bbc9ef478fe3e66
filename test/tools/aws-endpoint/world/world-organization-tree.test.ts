import {
  DescribeAccountCommand,
  DescribeOrganizationalUnitCommand,
  DescribeOrganizationCommand,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListParentsCommand,
  ListRootsCommand,
  OrganizationsClient,
  paginateListAccountsForParent,
} from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withEnv } from '../../../../tools/aws-endpoint/env.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../../../tools/aws-endpoint/server.js';
import { generateAccounts } from '../../../../tools/aws-endpoint/world/generate.js';
import {
  generateOrganization,
  placeAccounts,
} from '../../../../tools/aws-endpoint/world/generate-organization.js';
import { createWorld } from '../../../../tools/aws-endpoint/world/world.js';

const { organization, leafUnits } = generateOrganization({ branches: ['Workloads', 'Sandbox'] });
const accounts = placeAccounts(generateAccounts({ count: 60, suspendedEvery: 30 }), leafUnits);
const world = createWorld({
  accounts: [{ id: '111111111111', name: 'management' }, ...accounts],
  organization,
  emptyPages: { ListAccountsForParent: [0] },
});
let server: AwsEndpoint;

beforeAll(async () => {
  server = await startAwsEndpoint({ world });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const org = () => new OrganizationsClient({ maxAttempts: 1 });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => 'succeeded',
    (error: Error) => error.name,
  );

describe('the simulated world: the Organizations tree', () => {
  it('describes the organization, also to member accounts', async () => {
    const answers = await withEnv(server.env(), async () => {
      const own = await org().send(new DescribeOrganizationCommand({}));
      const { Credentials } = await new STSClient({}).send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${accounts[1]?.id}:role/r`,
          RoleSessionName: 's',
        }),
      );
      const member = new OrganizationsClient({
        maxAttempts: 1,
        credentials: {
          accessKeyId: Credentials?.AccessKeyId ?? '',
          secretAccessKey: Credentials?.SecretAccessKey ?? '',
          sessionToken: Credentials?.SessionToken ?? '',
        },
      });
      return {
        own,
        member: await member.send(new DescribeOrganizationCommand({})),
        memberRoots: await failure(member.send(new ListRootsCommand({}))),
      };
    });

    expect(answers.own.Organization).toEqual({
      Id: 'o-exampleorg1',
      Arn: 'arn:aws:organizations::111111111111:organization/o-exampleorg1',
      FeatureSet: 'ALL',
      MasterAccountArn: 'arn:aws:organizations::111111111111:account/o-exampleorg1/111111111111',
      MasterAccountId: '111111111111',
      MasterAccountEmail: '111111111111@example.com',
      AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
    });
    expect(answers.member.Organization?.Id).toBe('o-exampleorg1');
    expect(answers.memberRoots).toBe('AccessDeniedException');
  });

  it('walks the tree top-down: root, OUs under each parent, accounts under each parent', async () => {
    const walked = await withEnv(server.env(), async () => {
      const client = org();
      const { Roots } = await client.send(new ListRootsCommand({}));
      const rootId = Roots?.[0]?.Id ?? '';
      const top = await client.send(
        new ListOrganizationalUnitsForParentCommand({ ParentId: rootId }),
      );
      const prod = leafUnits[0]?.id ?? '';
      const inProd: string[] = [];
      for await (const page of paginateListAccountsForParent({ client }, { ParentId: prod })) {
        inProd.push(...(page.Accounts ?? []).map((account) => `${account.Id}:${account.State}`));
      }
      const underRoot = await client.send(
        new ListOrganizationalUnitsForParentCommand({ ParentId: top.OrganizationalUnits?.[0]?.Id }),
      );
      return {
        Roots,
        top: top.OrganizationalUnits,
        underRoot: underRoot.OrganizationalUnits,
        inProd,
      };
    });

    expect(walked.Roots).toEqual([
      {
        Id: 'r-exmp',
        Arn: 'arn:aws:organizations::111111111111:root/o-exampleorg1/r-exmp',
        Name: 'Root',
        PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
      },
    ]);
    expect(walked.top?.map((unit) => unit.Name)).toEqual(['Workloads', 'Sandbox']);
    expect(walked.top?.[0]?.Arn).toBe(
      `arn:aws:organizations::111111111111:ou/o-exampleorg1/${walked.top?.[0]?.Id}`,
    );
    expect(walked.underRoot?.map((unit) => unit.Name)).toEqual(['Prod', 'Staging', 'Dev']);
    expect(walked.inProd).toEqual(
      accounts.filter((_, index) => index % 6 === 0).map((a) => `${a.id}:${a.status}`),
    );
    expect(walked.inProd).toContain(`${accounts[0]?.id}:SUSPENDED`);
    const pages = server.calls.filter((call) => call.action === 'ListAccountsForParent');
    expect(pages.map((call) => call.params.NextToken === undefined)).toEqual([true, false]);
  });

  it('lists the management account under the root, and cuts pages at MaxResults', async () => {
    const { accountsUnderRoot, page } = await withEnv(server.env(), async () => {
      const client = org();
      const ids: (string | undefined)[] = [];
      for await (const listed of paginateListAccountsForParent(
        { client },
        { ParentId: 'r-exmp' },
      )) {
        ids.push(...(listed.Accounts ?? []).map((account) => account.Id));
      }
      const ous = new ListOrganizationalUnitsForParentCommand({
        ParentId: 'r-exmp',
        MaxResults: 1,
      });
      return { accountsUnderRoot: ids, page: await client.send(ous) };
    });

    expect(accountsUnderRoot).toEqual(['111111111111']);
    expect(page.OrganizationalUnits?.map((unit) => unit.Name)).toEqual(['Workloads']);
    expect(page.NextToken).toEqual(expect.any(String));
  });

  it("finds an account's parents and names its OUs one at a time", async () => {
    const account = accounts[7]?.id ?? '';
    const answers = await withEnv(server.env(), async () => {
      const client = org();
      const described = await client.send(new DescribeAccountCommand({ AccountId: account }));
      const first = await client.send(new ListParentsCommand({ ChildId: account }));
      const ou = first.Parents?.[0]?.Id ?? '';
      const second = await client.send(new ListParentsCommand({ ChildId: ou }));
      const third = await client.send(
        new ListParentsCommand({ ChildId: second.Parents?.[0]?.Id ?? '' }),
      );
      const unit = await client.send(
        new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: ou }),
      );
      return { described, first, second, third, unit };
    });

    expect(answers.described.Account).toMatchObject({
      Id: account,
      Name: 'workload-00007',
      State: 'ACTIVE',
    });
    expect(answers.first.Parents).toEqual([{ Id: leafUnits[1]?.id, Type: 'ORGANIZATIONAL_UNIT' }]);
    expect(answers.second.Parents).toEqual([
      { Id: leafUnits[1]?.parentId, Type: 'ORGANIZATIONAL_UNIT' },
    ]);
    expect(answers.third.Parents).toEqual([{ Id: 'r-exmp', Type: 'ROOT' }]);
    expect(answers.unit.OrganizationalUnit).toEqual({
      Id: leafUnits[1]?.id,
      Arn: `arn:aws:organizations::111111111111:ou/o-exampleorg1/${leafUnits[1]?.id}`,
      Name: 'Staging',
    });
  });

  it('answers unknown ids with the not-found errors, and bad page sizes with InvalidInputException', async () => {
    const errors = await withEnv(server.env(), () =>
      Promise.all([
        failure(org().send(new ListAccountsForParentCommand({ ParentId: 'ou-exmp-99999999' }))),
        failure(org().send(new ListParentsCommand({ ChildId: '999999999999' }))),
        failure(
          org().send(
            new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: 'ou-exmp-99999999' }),
          ),
        ),
        failure(org().send(new DescribeAccountCommand({ AccountId: '999999999999' }))),
        failure(org().send(new ListRootsCommand({ MaxResults: 21 }))),
      ]),
    );

    expect(errors).toEqual([
      'ParentNotFoundException',
      'ChildNotFoundException',
      'OrganizationalUnitNotFoundException',
      'AccountNotFoundException',
      'InvalidInputException',
    ]);
  });
});

describe('the simulated world: Organizations outside an organization, and denied actions', () => {
  it('answers AWSOrganizationsNotInUseException when the world has no organization', async () => {
    const lonely = await startAwsEndpoint({ world: createWorld({}) });
    try {
      const names = await withEnv(lonely.env(), () =>
        Promise.all([
          failure(org().send(new DescribeOrganizationCommand({}))),
          failure(org().send(new ListRootsCommand({}))),
        ]),
      );
      expect(names).toEqual([
        'AWSOrganizationsNotInUseException',
        'AWSOrganizationsNotInUseException',
      ]);
    } finally {
      await lonely.close();
    }
  });

  it("denies the actions in the caller account's deniedActions", async () => {
    const narrow = await startAwsEndpoint({
      world: createWorld({
        accounts: [{ id: '111111111111', deniedActions: ['organizations:ListRoots'] }],
      }),
    });
    try {
      const names = await withEnv(narrow.env(), () =>
        Promise.all([
          failure(org().send(new ListRootsCommand({}))),
          failure(org().send(new ListAccountsCommand({}))),
        ]),
      );
      expect(names).toEqual(['AccessDeniedException', 'succeeded']);
    } finally {
      await narrow.close();
    }
  });
});
