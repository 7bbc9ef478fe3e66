import { describe, expect, it } from 'vitest';
import {
  AccountId,
  AggregatorName,
  DeploymentTarget,
  FunctionArn,
  isValid,
  OrganizationId,
  RoleName,
  RuleName,
  roleReference,
} from '../../definition/names.js';

describe('roleReference', () => {
  it.each([
    ['Audit', { path: '/', name: 'Audit', qualifiedName: 'Audit' }],
    ['security/Audit', { path: '/security/', name: 'Audit', qualifiedName: 'security/Audit' }],
    [
      '/security/team/Audit',
      { path: '/security/team/', name: 'Audit', qualifiedName: 'security/team/Audit' },
    ],
  ])('splits %s into its path and name', (value, expected) => {
    expect(roleReference(value)).toEqual(expected);
  });

  it.each([
    '',
    'a b',
    'x'.repeat(65),
    'path//Audit',
    'security/',
    'arn:aws:iam::111111111111:role/Audit',
  ])('refuses %j', (value) => {
    expect(roleReference(value)).toBeUndefined();
    expect(isValid(RoleName, value) && value.length < 512).toBe(false);
  });

  it('refuses a path longer than IAM allows', () => {
    expect(roleReference(`${'p'.repeat(511)}/Audit`)).toBeUndefined();
    expect(roleReference(`${'p'.repeat(500)}/Audit`)?.path).toHaveLength(502);
  });
});

describe('name formats', () => {
  it.each([
    [AccountId, '111111111111', '11111111111'],
    [RuleName, 'root-access-key-rule', '1-rule'],
    [OrganizationId, 'o-a1b2c3d4e5', 'o-short'],
    [DeploymentTarget, 'ou-ab12-cdefgh34', 'ou-ab12'],
    [DeploymentTarget, 'r-ab12', 'r-AB12'],
    [AggregatorName, 'security_org-1', 'has space'],
    [
      FunctionArn,
      'arn:aws-us-gov:lambda:us-gov-west-1:111111111111:function:rule',
      'arn:aws:s3:::bucket',
    ],
  ])('%o accepts %s and refuses %s, and says what it wants', (format, good, bad) => {
    expect(isValid(format, good)).toBe(true);
    expect(isValid(format, bad)).toBe(false);
    expect(format.description).toMatch(/^an? |^the /);
  });
});
