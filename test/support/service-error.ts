import { ConfigServiceServiceException } from '@aws-sdk/client-config-service';
import { IAMServiceException } from '@aws-sdk/client-iam';
import { OrganizationsServiceException } from '@aws-sdk/client-organizations';
import { STSServiceException } from '@aws-sdk/client-sts';

const BASES = {
  iam: IAMServiceException,
  sts: STSServiceException,
  config: ConfigServiceServiceException,
  organizations: OrganizationsServiceException,
} as const;

/**
 * A service error as the SDK builds one for an error code its model does not
 * name (AccessDenied, Throttling, …): what the adapters receive.
 */
export function serviceError(
  service: keyof typeof BASES,
  name: string,
  message = name,
  status = 400,
): Error {
  return new BASES[service]({
    name,
    message,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
  });
}
