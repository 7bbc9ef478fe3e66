import { GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withEnv } from '../../../tools/aws-endpoint/env.js';
import { iamResponses } from '../../../tools/aws-endpoint/iam-responses.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../../tools/aws-endpoint/server.js';
import { stsResponses } from '../../../tools/aws-endpoint/sts-responses.js';

let server: AwsEndpoint;

beforeAll(async () => {
  server = await startAwsEndpoint();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const ROLE_ARN = 'arn:aws-us-gov:iam::222222222222:role/RootKeyAudit';

describe('STS answers through the real STSClient', () => {
  it('parses AssumeRole credentials and the assumed role user', async () => {
    const expiration = new Date('2026-11-28T07:00:00Z');
    server.script(
      'sts',
      'AssumeRole',
      stsResponses.assumeRole({
        roleArn: ROLE_ARN,
        sessionName: 'audit',
        accessKeyId: 'ASIA222222222222ABCD',
        expiration,
      }),
    );

    const answer = await withEnv(server.env('us-gov-west-1'), () =>
      new STSClient({}).send(
        new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'audit' }),
      ),
    );

    expect(answer.Credentials).toMatchObject({
      AccessKeyId: 'ASIA222222222222ABCD',
      SessionToken: 'session-token-for-ASIA222222222222ABCD',
      Expiration: expiration,
    });
    expect(answer.Credentials?.SecretAccessKey).toBeTruthy();
    expect(answer.AssumedRoleUser?.Arn).toBe(
      'arn:aws-us-gov:sts::222222222222:assumed-role/RootKeyAudit/audit',
    );
  });

  it('lets the assumed credentials sign later calls, with their session token', async () => {
    server.script(
      'sts',
      'AssumeRole',
      stsResponses.assumeRole({
        roleArn: ROLE_ARN,
        sessionName: 'a',
        accessKeyId: 'ASIA222222222222WXYZ',
      }),
    );
    server.script(
      'iam',
      'GetAccountSummary',
      iamResponses.getAccountSummary({ accessKeysPresent: 0, passwordPresent: true }),
    );

    await withEnv(server.env(), async () => {
      const { Credentials } = await new STSClient({}).send(
        new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'a' }),
      );
      const credentials = {
        accessKeyId: Credentials?.AccessKeyId ?? '',
        secretAccessKey: Credentials?.SecretAccessKey ?? '',
        sessionToken: Credentials?.SessionToken ?? '',
      };
      await new IAMClient({ credentials }).send(new GetAccountSummaryCommand({}));
    });

    expect(server.calls[1]).toMatchObject({
      service: 'iam',
      accessKeyId: 'ASIA222222222222WXYZ',
      sessionToken: 'session-token-for-ASIA222222222222WXYZ',
    });
  });

  it('parses GetCallerIdentity', async () => {
    server.script(
      'sts',
      'GetCallerIdentity',
      stsResponses.getCallerIdentity({ account: '333333333333' }),
    );

    const answer = await withEnv(server.env(), () =>
      new STSClient({}).send(new GetCallerIdentityCommand({})),
    );

    expect(answer).toMatchObject({
      Account: '333333333333',
      Arn: 'arn:aws:iam::333333333333:user/auditor',
      UserId: 'AIDA333333333333EXAMPLE',
    });
  });

  it('turns a denied AssumeRole into an STS error named AccessDenied (403), not retried', async () => {
    server.script('sts', 'AssumeRole', stsResponses.accessDenied(ROLE_ARN));

    const error = await withEnv(server.env(), () =>
      new STSClient({}).send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'a' })),
    ).catch((caught: Error & { $metadata?: object }) => caught);

    expect(error).toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403, attempts: 1 },
    });
    expect((error as Error).message).toContain(`sts:AssumeRole on resource: ${ROLE_ARN}`);
  });
});
