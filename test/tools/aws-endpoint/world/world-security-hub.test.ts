import {
  type AwsSecurityFinding,
  BatchImportFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildAsffFinding } from '../../../../definition/findings/index.js';
import { withEnv } from '../../../../tools/aws-endpoint/env.js';
import { securityHubResponses } from '../../../../tools/aws-endpoint/security-hub-responses.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../../../tools/aws-endpoint/server.js';
import { createWorld } from '../../../../tools/aws-endpoint/world/world.js';

const world = createWorld({
  callerAccountId: '111111111111',
  accounts: [{ id: '111111111111' }, { id: '222222222222' }, { id: '333333333333' }],
  securityHub: { disabledAccounts: ['333333333333'] },
});
let server: AwsEndpoint;

beforeAll(async () => {
  server = await startAwsEndpoint({ world });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function finding(accountId: string, region = 'eu-west-1', id = 'f-1'): AwsSecurityFinding {
  const built = buildAsffFinding({
    accountId,
    partition: 'aws',
    region,
    ruleName: 'root-access-key-rule',
    result: 'COMPLIANT',
    annotation: 'No root access key exists.',
    accessKeysPresent: 0,
    observedAt: '2026-12-06T10:00:00.000Z',
    productVersion: '0.1.0',
  });
  return { ...(structuredClone(built) as AwsSecurityFinding), Id: id };
}

function importFindings(findings: AwsSecurityFinding[], credentials?: SessionCredentials) {
  return new SecurityHubClient({
    maxAttempts: 1,
    ...(credentials && { credentials }),
  }).send(new BatchImportFindingsCommand({ Findings: findings }));
}

interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

async function sessionIn(accountId: string): Promise<SessionCredentials> {
  const { Credentials } = await new STSClient({}).send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/Member`,
      RoleSessionName: 'findings',
    }),
  );
  return {
    accessKeyId: Credentials?.AccessKeyId ?? '',
    secretAccessKey: Credentials?.SecretAccessKey ?? '',
    sessionToken: Credentials?.SessionToken ?? '',
  };
}

describe('the simulated Security Hub: BatchImportFindings', () => {
  it('imports findings of the signing account’s default product and records them under that account', async () => {
    const answer = await withEnv(server.env('eu-west-1'), () =>
      importFindings([
        finding('111111111111', 'eu-west-1', 'a'),
        finding('111111111111', 'eu-west-1', 'b'),
      ]),
    );

    expect(answer).toMatchObject({ FailedCount: 0, SuccessCount: 2, FailedFindings: [] });
    expect(world.securityHub.importsBy('111111111111').map((entry) => entry.finding.Id)).toEqual([
      'a',
      'b',
    ]);
    expect(server.calls.at(-1)).toMatchObject({
      service: 'securityhub',
      action: 'BatchImportFindings',
      region: 'eu-west-1',
    });
  });

  it('records a member account’s import signed with its role session under the member', async () => {
    await withEnv(server.env('eu-west-1'), async () => {
      await importFindings([finding('222222222222')], await sessionIn('222222222222'));
    });

    expect(world.securityHub.importsBy('222222222222')).toHaveLength(1);
    expect(world.securityHub.importsBy('111111111111')).toHaveLength(0);
  });

  it('denies the whole call when a finding belongs to another account’s product', async () => {
    const error = await withEnv(server.env('eu-west-1'), () =>
      importFindings([finding('111111111111'), finding('222222222222', 'eu-west-1', 'other')]),
    ).catch((caught: unknown) => caught);

    expect(error).toMatchObject({
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 403 },
    });
    expect((error as Error).message).toContain(
      'arn:aws:securityhub:eu-west-1:222222222222:product/222222222222/default',
    );
    expect(world.securityHub.imports).toHaveLength(0);
  });

  it('denies a finding whose product is the account’s but in another Region', async () => {
    const error = await withEnv(server.env('us-east-1'), () =>
      importFindings([finding('111111111111', 'eu-west-1')]),
    ).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ name: 'AccessDeniedException' });
  });

  it('refuses more than 100 findings in one call', async () => {
    const many = Array.from({ length: 101 }, (_, index) =>
      finding('111111111111', 'eu-west-1', `f-${index}`),
    );
    const error = await withEnv(server.env('eu-west-1'), () => importFindings(many)).catch(
      (caught: unknown) => caught,
    );

    expect(error).toMatchObject({
      name: 'InvalidInputException',
      $metadata: { httpStatusCode: 400 },
    });
    expect(world.securityHub.imports).toHaveLength(0);
  });

  it('accepts exactly 100 findings', async () => {
    const hundred = Array.from({ length: 100 }, (_, index) =>
      finding('111111111111', 'eu-west-1', `f-${index}`),
    );
    const answer = await withEnv(server.env('eu-west-1'), () => importFindings(hundred));

    expect(answer.SuccessCount).toBe(100);
  });

  it('answers InvalidAccessException where Security Hub is not enabled', async () => {
    const error = await withEnv(server.env('eu-west-1'), async () =>
      importFindings([finding('333333333333')], await sessionIn('333333333333')),
    ).catch((caught: unknown) => caught);

    expect(error).toMatchObject({
      name: 'InvalidAccessException',
      $metadata: { httpStatusCode: 401 },
    });
  });

  it('lists a finding without a required member in FailedFindings and imports the others', async () => {
    const { Title: _title, ...untitled } = finding('111111111111', 'eu-west-1', 'untitled');
    const answer = await withEnv(server.env('eu-west-1'), () =>
      importFindings([untitled as AwsSecurityFinding, finding('111111111111', 'eu-west-1', 'ok')]),
    );

    expect(answer).toMatchObject({
      FailedCount: 1,
      SuccessCount: 1,
      FailedFindings: [{ Id: 'untitled', ErrorCode: 'InvalidInput' }],
    });
    expect(answer.FailedFindings?.[0]?.ErrorMessage).toContain('Title');
  });

  it('renders scripted errors in REST-JSON, as the SDK names them', async () => {
    server.script('securityhub', 'BatchImportFindings', securityHubResponses.limitExceeded());
    const error = await withEnv(server.env('eu-west-1'), () =>
      importFindings([finding('111111111111')]),
    ).catch((caught: unknown) => caught);

    expect(error).toMatchObject({
      name: 'LimitExceededException',
      message: 'Rate exceeded',
      $metadata: { httpStatusCode: 429 },
    });
  });

  it('answers 404 for a Security Hub route it does not know', async () => {
    const response = await fetch(`${server.url}/findings`, {
      method: 'POST',
      headers: {
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIDBASEEXAMPLEKEY01/20261206/eu-west-1/securityhub/aws4_request',
      },
      body: '{}',
    });

    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
  });
});
