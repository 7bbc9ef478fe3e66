import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { InvalidSettingError } from '../../../definition/errors.js';
import { DefaultName } from '../../../definition/names.js';
import { readOrganizationSettings } from '../../../infra/app/organization-context.js';
import { DEFAULT_ORGANIZATION_SETTINGS } from '../../../infra/organization/index.js';
import { ORGANIZATION_CONTEXT } from '../organization/support.js';
import { errorOf } from '../support.js';

function read(context: Record<string, unknown>) {
  return readOrganizationSettings(new App({ context }));
}

function readError(context: Record<string, unknown>): Error {
  return errorOf(() => read(context));
}

describe('readOrganizationSettings', () => {
  it('fills in every default when only the organization and its OUs are given', () => {
    expect(read(ORGANIZATION_CONTEXT)).toEqual({
      organizationId: 'o-abcdefghij',
      organizationalUnitIds: ['ou-ab12-abcdefgh', 'r-ab12'],
      excludedAccounts: [],
      memberRoleName: 'RootAccessKeyRuleMember',
      maxConcurrency: 10,
      aggregator: true,
      aggregatorName: DefaultName.aggregator,
      delegatedAdmin: false,
      preventRootAccessKeys: false,
      restrictInvokeToOrganization: false,
    });
    expect(DEFAULT_ORGANIZATION_SETTINGS.memberRoleName).toBe('RootAccessKeyRuleMember');
  });

  it('reads every key from -c strings', () => {
    expect(
      read({
        organizationId: 'o-0123456789abcdef',
        organizationalUnitIds: ' ou-ab12-abcdefgh , ou-cd34-ijklmnop ',
        excludedAccounts: '222222222222,333333333333,222222222222',
        memberRoleName: 'Audit.RootKeys@org',
        maxConcurrency: '50',
        aggregator: 'FALSE',
        aggregatorName: 'security_org-aggregator',
        delegatedAdmin: 'true',
        preventRootAccessKeys: 'true',
        restrictInvokeToOrganization: 'True',
      }),
    ).toEqual({
      organizationId: 'o-0123456789abcdef',
      organizationalUnitIds: ['ou-ab12-abcdefgh', 'ou-cd34-ijklmnop'],
      excludedAccounts: ['222222222222', '333333333333'],
      memberRoleName: 'Audit.RootKeys@org',
      maxConcurrency: 50,
      aggregator: false,
      aggregatorName: 'security_org-aggregator',
      delegatedAdmin: true,
      preventRootAccessKeys: true,
      restrictInvokeToOrganization: true,
    });
  });

  it('reads JSON values as cdk.json gives them', () => {
    const settings = read({
      organizationId: 'o-abcdefghij',
      organizationalUnitIds: ['r-ab12'],
      excludedAccounts: ['444444444444'],
      maxConcurrency: 900,
      aggregator: false,
    });
    expect(settings.organizationalUnitIds).toEqual(['r-ab12']);
    expect(settings.excludedAccounts).toEqual(['444444444444']);
    expect(settings.maxConcurrency).toBe(900);
    expect(settings.aggregator).toBe(false);
  });

  it.each([
    ['organizationId', { organizationalUnitIds: 'r-ab12' }],
    ['organizationalUnitIds', { organizationId: 'o-abcdefghij' }],
    ['organizationalUnitIds', { organizationId: 'o-abcdefghij', organizationalUnitIds: ' , ' }],
  ])('fails clearly when %s is missing', (key, context) => {
    const error = readError(context);
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toContain(`Missing context key "${key}"`);
    expect(error.message).toContain(`-c ${key}=`);
  });

  it('accepts a member role under an IAM path', () => {
    expect(
      read({ ...ORGANIZATION_CONTEXT, memberRoleName: 'security/RootKeyRule' }).memberRoleName,
    ).toBe('security/RootKeyRule');
  });

  it.each([
    ['organizationId', 'o-short', 'o- and 10-32 lowercase letters or digits'],
    ['organizationId', 'O-ABCDEFGHIJ', 'o- and 10-32 lowercase letters or digits'],
    ['organizationId', '123456789012', 'o- and 10-32 lowercase letters or digits'],
    ['organizationalUnitIds', 'ou-ab12-abcdefgh,ou-bad', 'an OU id (ou-'],
    ['organizationalUnitIds', 'o-abcdefghij', 'the root id'],
    ['organizationalUnitIds', 'r-AB12', 'the root id'],
    ['excludedAccounts', '12345678901', 'a 12-digit account id'],
    ['excludedAccounts', '111111111111,abc', 'a 12-digit account id'],
    ['memberRoleName', 'Role Name', 'an IAM role name'],
    ['memberRoleName', 'path//Role', 'optionally under a path'],
    ['memberRoleName', 'x'.repeat(65), 'an IAM role name'],
    ['maxConcurrency', '0', 'an integer from 1 to 900'],
    ['maxConcurrency', '901', 'an integer from 1 to 900'],
    ['maxConcurrency', '2.5', 'an integer from 1 to 900'],
    ['maxConcurrency', 'ten', 'an integer from 1 to 900'],
    ['aggregator', 'yes', 'true, false'],
    ['aggregatorName', 'has space', '1-256 letters, digits, _ and -'],
    ['delegatedAdmin', '1', 'true, false'],
    ['preventRootAccessKeys', 'yes', 'true, false'],
    ['restrictInvokeToOrganization', 'yes', 'true, false'],
  ])('rejects %s=%s, naming the key, the value and what is allowed', (key, value, allowed) => {
    const error = readError({ ...ORGANIZATION_CONTEXT, [key]: value });
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toContain(`context key "${key}"`);
    expect(error.message).toContain(JSON.stringify(value).slice(0, 40));
    expect(error.message).toContain(allowed);
  });
});
