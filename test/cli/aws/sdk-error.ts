import { ConfigServiceServiceException } from '@aws-sdk/client-config-service';
import { IAMServiceException } from '@aws-sdk/client-iam';
import { OrganizationsServiceException } from '@aws-sdk/client-organizations';
import { STSServiceException } from '@aws-sdk/client-sts';

const BASES = {
  sts: STSServiceException,
  config: ConfigServiceServiceException,
  organizations: OrganizationsServiceException,
  iam: IAMServiceException,
} as const;

/** A service error as the SDK raises it for an error code (AccessDenied, …). */
export function sdkError(service: keyof typeof BASES, name: string, message = name): Error {
  return new BASES[service]({
    name,
    message,
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
  });
}
