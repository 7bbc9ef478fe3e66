import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AwsCallError, InvalidCredentialsError } from '../../../aws/errors.js';
import { getCallerIdentity } from '../../../cli/src/aws/caller-identity.js';
import { serviceError } from '../../support/service-error.js';

const stsMock = mockClient(STSClient);
const sts = new STSClient({ region: 'us-east-1' });

describe('getCallerIdentity', () => {
  beforeEach(() => stsMock.reset());

  it('returns the account, the ARN and the partition of the ARN', async () => {
    stsMock.on(GetCallerIdentityCommand).resolves({
      Account: '111111111111',
      Arn: 'arn:aws-us-gov:sts::111111111111:assumed-role/Auditor/alice',
    });

    expect(await getCallerIdentity(sts)).toEqual({
      accountId: '111111111111',
      arn: 'arn:aws-us-gov:sts::111111111111:assumed-role/Auditor/alice',
      partition: 'aws-us-gov',
    });
  });

  it('fails when STS answers without an account', async () => {
    stsMock.on(GetCallerIdentityCommand).resolves({ Arn: 'arn:aws:iam::111111111111:user/a' });

    await expect(getCallerIdentity(sts)).rejects.toThrow(AwsCallError);
  });

  it('turns invalid credentials into a credentials error naming the call, not a missing permission', async () => {
    stsMock.on(GetCallerIdentityCommand).rejects(serviceError('sts', 'InvalidClientTokenId'));

    await expect(getCallerIdentity(sts)).rejects.toThrow(InvalidCredentialsError);
    await expect(getCallerIdentity(sts)).rejects.toThrow(
      /^sts:GetCallerIdentity was refused because of the credentials, not a permission/,
    );
  });
});
