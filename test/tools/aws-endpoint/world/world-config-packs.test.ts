import {
  ConfigServiceClient,
  DescribeOrganizationConformancePacksCommand,
  GetOrganizationConformancePackDetailedStatusCommand,
  paginateGetOrganizationConformancePackDetailedStatus,
} from '@aws-sdk/client-config-service';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withEnv } from '../../../../tools/aws-endpoint/env.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../../../tools/aws-endpoint/server.js';
import { generatedAccountId } from '../../../../tools/aws-endpoint/world/generate.js';
import type { SimPackAccountStatus } from '../../../../tools/aws-endpoint/world/organization-model.js';
import { createWorld } from '../../../../tools/aws-endpoint/world/world.js';

const statuses: SimPackAccountStatus[] = Array.from({ length: 250 }, (_, index) => ({
  accountId: generatedAccountId(index),
  status: index === 3 ? 'CREATE_FAILED' : 'CREATE_SUCCESSFUL',
  ...(index === 3 && {
    errorCode: 'NoAvailableConfigurationRecorder',
    errorMessage: 'Config recorder is not available in the member account.',
  }),
}));
const world = createWorld({
  accounts: [{ id: '111111111111' }, { id: '222222222222' }],
  conformancePacks: [
    { name: 'root-access-key-rule', excludedAccounts: ['200000000009'], statuses },
    { name: 'other-pack' },
  ],
  emptyPages: { GetOrganizationConformancePackDetailedStatus: [1] },
});
let server: AwsEndpoint;

beforeAll(async () => {
  server = await startAwsEndpoint({ world });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const config = () => new ConfigServiceClient({ maxAttempts: 1 });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => 'succeeded',
    (error: Error) => error.name,
  );

describe('the simulated world: organization conformance packs', () => {
  it('describes a pack by name with its excluded accounts, in one answer', async () => {
    const answer = await withEnv(server.env(), () =>
      config().send(
        new DescribeOrganizationConformancePacksCommand({
          OrganizationConformancePackNames: ['root-access-key-rule'],
        }),
      ),
    );

    expect(answer.OrganizationConformancePacks).toEqual([
      {
        OrganizationConformancePackName: 'root-access-key-rule',
        OrganizationConformancePackArn: expect.stringMatching(
          /^arn:aws:config:us-east-1:111111111111:organization-conformance-pack\/root-access-key-rule-[a-z0-9]{8}$/,
        ),
        ConformancePackInputParameters: [],
        ExcludedAccounts: ['200000000009'],
        LastUpdateTime: new Date('2026-11-27T09:00:00Z'),
      },
    ]);
    expect(answer.NextToken).toBeUndefined();
  });

  it('reads every page of the detailed status, with the error of a failed account', async () => {
    const rows = await withEnv(server.env(), async () => {
      const all = [];
      const paginator = paginateGetOrganizationConformancePackDetailedStatus(
        { client: config() },
        { OrganizationConformancePackName: 'root-access-key-rule' },
      );
      for await (const page of paginator)
        all.push(...(page.OrganizationConformancePackDetailedStatuses ?? []));
      return all;
    });

    expect(rows).toHaveLength(250);
    expect(rows[3]).toEqual({
      AccountId: generatedAccountId(3),
      ConformancePackName: expect.stringMatching(
        /^OrgConformsPack-root-access-key-rule-[a-z0-9]{8}$/,
      ),
      Status: 'CREATE_FAILED',
      ErrorCode: 'NoAvailableConfigurationRecorder',
      ErrorMessage: 'Config recorder is not available in the member account.',
      LastUpdateTime: new Date('2026-11-27T09:00:00Z'),
    });
    const pages = server.calls.filter(
      (call) => call.action === 'GetOrganizationConformancePackDetailedStatus',
    );
    expect(pages).toHaveLength(4);
  });

  it('filters the detailed status by account and status', async () => {
    const answer = await withEnv(server.env(), () =>
      config().send(
        new GetOrganizationConformancePackDetailedStatusCommand({
          OrganizationConformancePackName: 'root-access-key-rule',
          Filters: { Status: 'CREATE_FAILED' },
        }),
      ),
    );

    expect(answer.OrganizationConformancePackDetailedStatuses?.map((row) => row.AccountId)).toEqual(
      [generatedAccountId(3)],
    );
  });

  it('answers an unknown pack, a limit above 100 and a member account with the errors of AWS', async () => {
    const names = await withEnv(server.env(), async () => {
      const { Credentials } = await new STSClient({}).send(
        new AssumeRoleCommand({
          RoleArn: 'arn:aws:iam::222222222222:role/r',
          RoleSessionName: 's',
        }),
      );
      const member = new ConfigServiceClient({
        maxAttempts: 1,
        credentials: {
          accessKeyId: Credentials?.AccessKeyId ?? '',
          secretAccessKey: Credentials?.SecretAccessKey ?? '',
          sessionToken: Credentials?.SessionToken ?? '',
        },
      });
      return Promise.all([
        failure(
          config().send(
            new DescribeOrganizationConformancePacksCommand({
              OrganizationConformancePackNames: ['missing'],
            }),
          ),
        ),
        failure(
          config().send(
            new GetOrganizationConformancePackDetailedStatusCommand({
              OrganizationConformancePackName: 'missing',
            }),
          ),
        ),
        failure(
          config().send(
            new GetOrganizationConformancePackDetailedStatusCommand({
              OrganizationConformancePackName: 'root-access-key-rule',
              Limit: 101,
            }),
          ),
        ),
        failure(member.send(new DescribeOrganizationConformancePacksCommand({}))),
      ]);
    });

    expect(names).toEqual([
      'NoSuchOrganizationConformancePackException',
      'NoSuchOrganizationConformancePackException',
      'InvalidLimitException',
      'OrganizationAccessDeniedException',
    ]);
  });

  it("denies the actions in the caller account's deniedActions with AccessDeniedException", async () => {
    const narrow = await startAwsEndpoint({
      world: createWorld({
        accounts: [
          { id: '111111111111', deniedActions: ['config:DescribeOrganizationConformancePacks'] },
        ],
      }),
    });
    try {
      const error = await withEnv(narrow.env(), () =>
        config()
          .send(new DescribeOrganizationConformancePacksCommand({}))
          .catch((caught: Error) => caught),
      );
      expect(error).toMatchObject({
        name: 'AccessDeniedException',
        message:
          'User: arn:aws:iam::111111111111:user/auditor is not authorized to perform: config:DescribeOrganizationConformancePacks',
      });
    } finally {
      await narrow.close();
    }
  });
});
