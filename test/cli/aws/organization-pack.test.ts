import {
  ConfigServiceClient,
  DescribeOrganizationConformancePacksCommand,
  GetOrganizationConformancePackDetailedStatusCommand,
} from '@aws-sdk/client-config-service';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AccessDeniedError } from '../../../aws/errors.js';
import {
  describeOrganizationPack,
  listPackStatuses,
} from '../../../cli/src/aws/organization-pack.js';
import { serviceError } from '../../support/service-error.js';

const configMock = mockClient(ConfigServiceClient);
const config = new ConfigServiceClient({ region: 'eu-west-1' });

beforeEach(() => configMock.reset());

describe('describeOrganizationPack', () => {
  it('asks for the pack by name and keeps its excluded accounts', async () => {
    configMock.on(DescribeOrganizationConformancePacksCommand).resolves({
      OrganizationConformancePacks: [
        {
          OrganizationConformancePackName: 'root-access-key-rule',
          OrganizationConformancePackArn:
            'arn:aws:config:eu-west-1:111111111111:organization-conformance-pack/root-access-key-rule-abcdefgh',
          ExcludedAccounts: ['222222222222'],
          LastUpdateTime: new Date('2026-11-27T09:00:00Z'),
        },
      ],
    });

    expect(await describeOrganizationPack(config, 'root-access-key-rule')).toEqual({
      name: 'root-access-key-rule',
      excludedAccounts: ['222222222222'],
      lastUpdateTime: new Date('2026-11-27T09:00:00Z'),
    });
    expect(
      configMock.commandCalls(DescribeOrganizationConformancePacksCommand)[0]?.args[0].input,
    ).toEqual({ OrganizationConformancePackNames: ['root-access-key-rule'] });
  });

  it('answers undefined for a pack that does not exist, and fails on a denial', async () => {
    configMock
      .on(DescribeOrganizationConformancePacksCommand, {
        OrganizationConformancePackNames: ['missing'],
      })
      .rejects(serviceError('config', 'NoSuchOrganizationConformancePackException'))
      .on(DescribeOrganizationConformancePacksCommand, {
        OrganizationConformancePackNames: ['denied'],
      })
      .rejects(serviceError('config', 'AccessDeniedException'));

    expect(await describeOrganizationPack(config, 'missing')).toBeUndefined();
    await expect(describeOrganizationPack(config, 'denied')).rejects.toThrow(AccessDeniedError);
  });
});

describe('listPackStatuses', () => {
  it('reads every page, with the error of a failed account', async () => {
    configMock
      .on(GetOrganizationConformancePackDetailedStatusCommand, { NextToken: undefined })
      .resolves({
        OrganizationConformancePackDetailedStatuses: [
          {
            AccountId: '111111111111',
            ConformancePackName: 'OrgConformsPack-x',
            Status: 'CREATE_SUCCESSFUL',
          },
        ],
        NextToken: 't1',
      })
      .on(GetOrganizationConformancePackDetailedStatusCommand, { NextToken: 't1' })
      .resolves({
        OrganizationConformancePackDetailedStatuses: [
          {
            AccountId: '222222222222',
            ConformancePackName: 'OrgConformsPack-x',
            Status: 'CREATE_FAILED',
            ErrorCode: 'NoAvailableConfigurationRecorder',
            ErrorMessage: 'Config recorder is not available.',
          },
        ],
      });

    expect(await listPackStatuses(config, 'root-access-key-rule')).toEqual([
      { accountId: '111111111111', status: 'CREATE_SUCCESSFUL' },
      {
        accountId: '222222222222',
        status: 'CREATE_FAILED',
        errorCode: 'NoAvailableConfigurationRecorder',
        errorMessage: 'Config recorder is not available.',
      },
    ]);
    expect(
      configMock
        .commandCalls(GetOrganizationConformancePackDetailedStatusCommand)
        .map((call) => call.args[0].input.Limit),
    ).toEqual([100, 100]);
  });
});
