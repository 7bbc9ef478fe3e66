import { describe, expect, it } from 'vitest';
import {
  AccessDeniedError,
  AwsCallError,
  errorName,
  InvalidCredentialsError,
  isAccessDenied,
  toAwsError,
} from '../../aws/errors.js';
import { InvalidEventError } from '../../rule/src/core/errors.js';
import { serviceError } from '../support/service-error.js';

describe('toAwsError', () => {
  it('keeps an error the rule raised itself', () => {
    const own = new InvalidEventError('bad event');

    expect(toAwsError(own, 'iam:GetAccountSummary')).toBe(own);
  });

  it.each([
    ['iam', 'AccessDenied'],
    ['config', 'AccessDeniedException'],
    ['sts', 'AccessDenied'],
  ] as const)('names the permission for a %s %s error', (service, name) => {
    const error = toAwsError(serviceError(service, name, 'not authorized', 403), 'x:Action');

    expect(error).toBeInstanceOf(AccessDeniedError);
    expect(error.message).toBe(
      `x:Action was denied (${name}: not authorized); the calling role needs x:Action`,
    );
  });

  it.each([
    [
      'sts',
      'InvalidClientTokenId',
      'the access key id is not known to AWS (deleted, mistyped, or from another partition)',
    ],
    [
      'config',
      'UnrecognizedClientException',
      'the access key id is not known to AWS (deleted, mistyped, or from another partition)',
    ],
    ['iam', 'SignatureDoesNotMatch', 'the secret access key does not belong to the access key id'],
    ['sts', 'ExpiredToken', 'the session token has expired'],
    ['config', 'ExpiredTokenException', 'the session token has expired'],
  ] as const)(
    'calls a %s %s a credentials problem, not a missing permission',
    (service, name, says) => {
      const error = toAwsError(serviceError(service, name, 'refused', 403), 'x:Action');

      expect(error).toBeInstanceOf(InvalidCredentialsError);
      expect(error.message).toBe(
        `x:Action was refused because of the credentials, not a permission (${name}: refused): ${says}; refresh the credentials (aws sso login for an SSO profile, new keys or a new session otherwise) and run again`,
      );
      expect(error.message).not.toContain('needs');
    },
  );

  it('keeps the SDK words of any other failure, with the target', () => {
    const error = toAwsError(
      serviceError('iam', 'ServiceFailure', 'boom', 500),
      'iam:GetAccountSummary',
      'account 123456789012',
    );

    expect(error).toBeInstanceOf(AwsCallError);
    expect(error.message).toBe(
      'iam:GetAccountSummary on account 123456789012 failed: ServiceFailure: boom',
    );
  });

  it('says how many attempts the SDK made when it retried', () => {
    const retried = Object.assign(serviceError('iam', 'ServiceFailure', 'boom', 500), {
      $metadata: { httpStatusCode: 500, attempts: 5 },
    });

    expect(toAwsError(retried, 'iam:GetAccountSummary').message).toBe(
      'iam:GetAccountSummary failed after 5 attempts: ServiceFailure: boom',
    );
  });
});

describe('error names', () => {
  it('reads the name of an Error and calls anything else Error', () => {
    expect(errorName(serviceError('iam', 'Throttling'))).toBe('Throttling');
    expect(errorName('a string')).toBe('Error');
    expect(isAccessDenied({ name: 'AccessDenied' })).toBe(false);
  });
});
