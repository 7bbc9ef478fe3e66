import { IAMClient, ListOrganizationsFeaturesCommand } from '@aws-sdk/client-iam';
import { DescribeOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { evidenceLines, readEvidence } from '../../cli/src/evidence.js';
import { serviceError } from '../support/service-error.js';

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
        organizationId: 'o-exampleorg1',
        rootCredentialsManagement: true,
        rootSessions: false,
        text: 'RootCredentialsManagement enabled, RootSessions not enabled',
      },
    });
    expect(evidenceLines(evidence)).toEqual([
      `Generated 2026-12-01T10:00:00.000Z by ${caller.arn} with root-access-key-rule ${evidence.toolVersion}`,
      'Organization: o-exampleorg1',
      'Aggregator: org (eu-west-1)',
      'Centralized root access: RootCredentialsManagement enabled, RootSessions not enabled',
    ]);
  });

  it('says how to turn on trusted access for IAM when it is off', async () => {
    iamMock
      .on(ListOrganizationsFeaturesCommand)
      .rejects(serviceError('iam', 'ServiceAccessNotEnabledException'));

    const { rootAccess } = await readEvidence(clients, caller, STARTED);

    expect(rootAccess).toEqual({
      readable: false,
      code: 'ServiceAccessNotEnabledException',
      reason: expect.stringContaining('trusted access for IAM is not enabled'),
      text: expect.stringMatching(
        /^not readable: trusted access for IAM is not enabled in the organization; enable it with aws organizations enable-aws-service-access --service-principal iam\.amazonaws\.com$/,
      ),
    });
  });

  it('says what it could not read, without failing', async () => {
    iamMock
      .on(ListOrganizationsFeaturesCommand)
      .rejects(serviceError('iam', 'AccountNotManagementOrDelegatedAdministratorException'));
    orgMock
      .on(DescribeOrganizationCommand)
      .rejects(serviceError('organizations', 'AWSOrganizationsNotInUseException'));

    const evidence = await readEvidence(clients, caller, STARTED);

    expect(evidence.organizationId).toBeUndefined();
    expect(evidence.organizationNote).toMatch(
      /^organizations:DescribeOrganization failed: AWSOrganizationsNotInUseException/,
    );
    expect(evidence.rootAccess).toMatchObject({
      readable: false,
      code: 'AccountNotManagementOrDelegatedAdministratorException',
      text: expect.stringMatching(
        /^not readable: the caller's account is neither the management account nor the IAM delegated administrator/,
      ),
    });
    expect(evidenceLines(evidence)[1]).toMatch(
      /^Organization: unknown \(organizations:DescribeOrganization failed/,
    );
  });
});
