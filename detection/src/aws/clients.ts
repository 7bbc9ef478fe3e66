import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SNSClient } from '@aws-sdk/client-sns';
import { type ClientOptions, clientConfig } from '../../../aws/clients.js';

/** An SNS client with the project's retries and timeouts. */
export function createSnsClient(options: ClientOptions = {}): SNSClient {
  return new SNSClient(clientConfig(options));
}

let organizationsModule: Promise<typeof import('@aws-sdk/client-organizations')> | undefined;

/**
 * The Organizations client module, loaded on first use only: account names
 * are optional, and a function that does not read them never pays for it.
 */
export function loadOrganizationsModule(): Promise<typeof import('@aws-sdk/client-organizations')> {
  organizationsModule ??= import('@aws-sdk/client-organizations');
  return organizationsModule;
}

/** An Organizations client with the project's retries and timeouts, from the lazily loaded module. */
export async function createOrganizationsClient(
  options: ClientOptions = {},
): Promise<OrganizationsClient> {
  const { OrganizationsClient } = await loadOrganizationsModule();
  return new OrganizationsClient(clientConfig(options));
}
