import { IAMClient, ListOrganizationsFeaturesCommand } from '@aws-sdk/client-iam';
import { DescribeOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { evidenceLines, readEvidence } from '../../cli/src/evidence.js';
import { sdkError } from './aws/sdk-error.js';

const orgMock = mockClient(OrganizationsClient);
const iamMock = mockClient(IAMClient);
const clients = {
  org: new OrganizationsClient({ region: 'us-east-1' }),
  iam: new IAMClient({ region: 'us-east-1' }),
};
const caller = {
  accountId: '111111111111',
  arn: 'arn:aws:iam::111111111111:user/auditor',
  partition: 'aws',
};
const STARTED = new Date('2026-12-01T10:00:00Z');

beforeEach(() => {
  orgMock.reset();
  iamMock.reset();
  orgMock.on(DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-exampleorg1' } });
});

describe('readEvidence', () => {
  it('says who ran what when, in which organization, with the centralized root access features', async () => {
    iamMock.on(ListOrganizationsFeaturesCommand).resolves({
      OrganizationId: 'o-exampleorg1',
      EnabledFeatures: ['RootCredentialsManagement'],
    });

    const evidence = await readEvidence(clients, caller, STARTED, {
      name: 'org',
      region: 'eu-west-1',
    });

    expect(evidence).toEqual({
      generatedAt: '2026-12-01T10:00:00.000Z',
      callerArn: caller.arn,
      callerAccountId: caller.accountId,
      organizationId: 'o-exampleorg1',
      aggregator: { name: 'org', region: 'eu-west-1' },
      toolName: 'root-access-key-rule',
      toolVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
      rootAccess: {
        readable: true,
        enabledFeatures: ['RootCredentialsManagement'],
        text: 'RootCredentialsManagement on, RootSessions off',
      },
    });
    expect(evidenceLines(evidence)).toEqual([
      `Generated 2026-12-01T10:00:00.000Z by ${caller.arn} with root-access-key-rule ${evidence.toolVersion}`,
      'Organization: o-exampleorg1',
      'Aggregator: org (eu-west-1)',
      'Centralized root access: RootCredentialsManagement on, RootSessions off',
    ]);
  });

  it('reads trusted access being off as both features off', async () => {
    iamMock
      .on(ListOrganizationsFeaturesCommand)
      .rejects(sdkError('iam', 'ServiceAccessNotEnabledException'));

    const { rootAccess } = await readEvidence(clients, caller, STARTED);

    expect(rootAccess).toEqual({
      readable: true,
      enabledFeatures: [],
      text: 'off (trusted access for IAM is not enabled in Organizations)',
    });
  });

  it('says what it could not read, without failing', async () => {
    iamMock
      .on(ListOrganizationsFeaturesCommand)
      .rejects(sdkError('iam', 'AccountNotManagementOrDelegatedAdministratorException'));
    orgMock
      .on(DescribeOrganizationCommand)
      .rejects(sdkError('organizations', 'AWSOrganizationsNotInUseException'));

    const evidence = await readEvidence(clients, caller, STARTED);

    expect(evidence.organizationId).toBeUndefined();
    expect(evidence.organizationNote).toMatch(
      /^organizations:DescribeOrganization failed: AWSOrganizationsNotInUseException/,
    );
    expect(evidence.rootAccess).toMatchObject({
      readable: false,
      text: expect.stringMatching(
        /^not readable: iam:ListOrganizationsFeatures failed: AccountNotManagementOrDelegatedAdministratorException/,
      ),
    });
    expect(evidenceLines(evidence)[1]).toMatch(
      /^Organization: unknown \(organizations:DescribeOrganization failed/,
    );
  });
});
