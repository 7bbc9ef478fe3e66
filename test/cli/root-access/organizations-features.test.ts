import { IAMClient, ListOrganizationsFeaturesCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { readRootAccessState } from '../../../cli/src/root-access/organizations-features.js';
import { describeRootAccess } from '../../../cli/src/root-access/root-access-state.js';
import { serviceError } from '../../support/service-error.js';

const iamMock = mockClient(IAMClient);
const iam = new IAMClient({ region: 'us-east-1' });
beforeEach(() => iamMock.reset());

describe('readRootAccessState', () => {
  it('reads which features are enabled', async () => {
    iamMock
      .on(ListOrganizationsFeaturesCommand)
      .resolves({ OrganizationId: 'o-a1b2c3d4e5', EnabledFeatures: ['RootCredentialsManagement'] });
    const state = await readRootAccessState(iam);
    expect(state).toEqual({
      readable: true,
      organizationId: 'o-a1b2c3d4e5',
      rootCredentialsManagement: true,
      rootSessions: false,
    });
    expect(describeRootAccess(state)).toBe(
      'centralized root access in o-a1b2c3d4e5: RootCredentialsManagement enabled, RootSessions not enabled',
    );
  });

  it.each([
    [
      'AccountNotManagementOrDelegatedAdministratorException',
      'register-delegated-administrator --service-principal iam.amazonaws.com',
    ],
    ['OrganizationNotFoundException', 'belongs to no organization'],
    ['OrganizationNotInAllFeaturesModeException', 'all features'],
    [
      'ServiceAccessNotEnabledException',
      'enable-aws-service-access --service-principal iam.amazonaws.com',
    ],
    ['AccessDenied', 'may not call iam:ListOrganizationsFeatures'],
    ['ServiceFailure', 'iam:ListOrganizationsFeatures failed: ServiceFailure'],
  ])('says why it is not readable for %s, and what to do', async (name, says) => {
    iamMock.on(ListOrganizationsFeaturesCommand).rejects(serviceError('iam', name));
    const state = await readRootAccessState(iam);
    expect(state).toMatchObject({ readable: false, code: name });
    expect(state.readable ? '' : state.reason).toContain(says);
  });
});
