import { describe, expect, it } from 'vitest';
import { executionRoleArn, parseArn } from '../../../rule/src/core/arn.js';
import { InvalidEventError, InvalidParameterError } from '../../../rule/src/core/errors.js';

describe('executionRoleArn', () => {
  it.each([
    ['aws', 'Audit', 'arn:aws:iam::111111111111:role/Audit'],
    ['aws-us-gov', 'security/Audit', 'arn:aws-us-gov:iam::111111111111:role/security/Audit'],
    ['aws-cn', '/security/team/Audit', 'arn:aws-cn:iam::111111111111:role/security/team/Audit'],
  ])('builds the role ARN in partition %s for %s', (partition, roleName, arn) => {
    expect(executionRoleArn(partition, '111111111111', roleName)).toBe(arn);
  });

  it('refuses a malformed account id or role name', () => {
    expect(() => executionRoleArn('aws', '1111', 'Audit')).toThrow(InvalidParameterError);
    expect(() => executionRoleArn('aws', '111111111111', 'a b')).toThrow(
      /received role name "a b"; expected an IAM role name/,
    );
  });
});

describe('parseArn', () => {
  it('splits an ARN and refuses anything else', () => {
    expect(parseArn('arn:aws-cn:config:cn-north-1:111111111111:config-rule/x')).toEqual({
      partition: 'aws-cn',
      service: 'config',
      region: 'cn-north-1',
      accountId: '111111111111',
    });
    expect(() => parseArn('not-an-arn')).toThrow(InvalidEventError);
  });
});
