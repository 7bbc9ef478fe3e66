/**
 * Wire-protocol facts of the four services the endpoint speaks.
 *
 * IAM, STS and SNS use the awsQuery protocol (form-encoded POST, XML answers);
 * Config and Organizations use JSON 1.1 with an `X-Amz-Target` header;
 * Security Hub uses REST-JSON (see rest-json.ts).
 */

/** The services the endpoint answers, named by their SigV4 signing name. */
export const SERVICES = {
  iam: 'iam',
  sts: 'sts',
  config: 'config',
  organizations: 'organizations',
  securityhub: 'securityhub',
  sns: 'sns',
} as const;

/** A service's SigV4 signing name, as found in the credential scope. */
export type ServiceName = (typeof SERVICES)[keyof typeof SERVICES];

/** The wire protocols. */
export type WireProtocol = 'query' | 'json' | 'rest-json';

/** XML namespaces of the awsQuery services' answers. */
export const QUERY_XMLNS = {
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  sns: 'https://sns.amazonaws.com/doc/2010-03-31/',
} as const;

/** `X-Amz-Target` prefixes of the JSON 1.1 services. */
export const JSON_TARGET_PREFIX = {
  config: 'StarlingDoveService',
  organizations: 'AWSOrganizationsV20161128',
} as const;

/** Content type of JSON 1.1 requests and answers. */
export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** Whether a name is one of the endpoint's services. */
export function isServiceName(name: string): name is ServiceName {
  return Object.hasOwn(SERVICES, name);
}

/** The wire protocol a service speaks. */
export function protocolOf(service: ServiceName): WireProtocol {
  if (service === 'securityhub') return 'rest-json';
  return service === 'iam' || service === 'sts' || service === 'sns' ? 'query' : 'json';
}
