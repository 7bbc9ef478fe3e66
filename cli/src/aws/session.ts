import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { IAMClient } from '@aws-sdk/client-iam';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import type { ClientOptions, Credentials } from '../../../aws/clients.js';
import { errorMessage } from '../../../aws/errors.js';
import { CredentialsUnavailableError, MissingRegionError } from '../errors.js';

/** How the tool finds its credentials and Region, as in the AWS CLI. */
export interface SessionOptions {
  /** Named profile of the shared config files. @default `AWS_PROFILE`, else `default` */
  readonly profile?: string;
  /** Region. @default `AWS_REGION`, `AWS_DEFAULT_REGION` or the profile's */
  readonly region?: string;
}

/** The caller's credentials and Region, resolved once and shared by every client. */
export interface AwsSession {
  /** The resolved Region. */
  readonly region: string;
  /** The caller's credentials provider (memoized by the SDK). */
  readonly credentials: Credentials;
  /** An STS client signed as the caller. */
  readonly sts: STSClient;
  /** Options for the rule's client factories, signed as the caller. */
  readonly clientOptions: ClientOptions;
  /** Releases the session's connections. */
  destroy(): void;
}

/**
 * Retries of the caller's own STS, Organizations and Config clients. Unlike
 * the rule's one-shot clients (standard mode), these serve a burst of calls
 * to one account (AssumeRole for every account, every page of ListAccounts,
 * thousands of detail reads of one aggregator), where the adaptive mode's
 * client-side rate limiting pays off.
 */
export const CALLER_RETRIES = { retryMode: 'adaptive', maxAttempts: 5 } as const;

/**
 * Resolves the caller's credentials and Region with the SDK's default chain
 * (environment, `--profile` or `AWS_PROFILE`, SSO, process, container and
 * instance roles). Endpoints are never set: `AWS_ENDPOINT_URL_<SERVICE>` and
 * profile `endpoint_url` settings apply.
 *
 * @param fallbackRegion Region used when none is configured; without one, a
 *   missing Region is an error that says how to set it
 * @throws MissingRegionError when no Region is configured and there is no fallback
 * @throws CredentialsUnavailableError when no credentials can be found
 */
export async function openSession(
  options: SessionOptions,
  fallbackRegion?: string,
): Promise<AwsSession> {
  const profile = options.profile === undefined ? {} : { profile: options.profile };
  const region = options.region ?? (await configuredRegion(profile)) ?? fallbackRegion;
  if (region === undefined) {
    throw new MissingRegionError(
      'No AWS Region is configured: pass --region, set AWS_REGION, or set region in the profile',
    );
  }
  const sts = new STSClient({ ...profile, region, ...CALLER_RETRIES });
  const credentials = sts.config.credentials;
  await checkCredentials(credentials, options.profile);
  return {
    region,
    credentials,
    sts,
    clientOptions: { credentials, region },
    destroy: () => sts.destroy(),
  };
}

/** Resolves the credentials once (the SDK memoizes them), to fail early and clearly. */
async function checkCredentials(credentials: Credentials, profile: string | undefined) {
  if (typeof credentials !== 'function') return;
  try {
    await credentials();
  } catch (error) {
    const source = profile === undefined ? '' : ` for profile ${JSON.stringify(profile)}`;
    throw new CredentialsUnavailableError(
      `No AWS credentials found${source} (${errorMessage(error)}); configure them with --profile, AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY`,
      { cause: error },
    );
  }
}

async function configuredRegion(profile: { profile?: string }): Promise<string | undefined> {
  const probe = new STSClient(profile);
  try {
    return await probe.config.region();
  } catch {
    return undefined;
  } finally {
    probe.destroy();
  }
}

/** An Organizations client signed as the caller. */
export function organizationsClientFor(session: AwsSession): OrganizationsClient {
  return new OrganizationsClient({ ...session.clientOptions, ...CALLER_RETRIES });
}

/** A Config client signed as the caller, with {@link CALLER_RETRIES} for its burst of reads. */
export function configClientFor(session: AwsSession): ConfigServiceClient {
  return new ConfigServiceClient({ ...session.clientOptions, ...CALLER_RETRIES });
}

/** An IAM client signed as the caller, for the caller's own account and organization. */
export function iamClientFor(session: AwsSession): IAMClient {
  return new IAMClient({ ...session.clientOptions, ...CALLER_RETRIES });
}
