import { setMaxListeners } from 'node:events';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { IAMClient } from '@aws-sdk/client-iam';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-provider-ini';
import type { Deadline } from '../../../aws/backoff.js';
import {
  type ClientOptions,
  type Credentials,
  clientConfig,
  requestHandlerConfig,
} from '../../../aws/clients.js';
import { untilAborted, withinDeadline } from '../../../aws/deadline.js';
import { DeadlineExceededError, errorMessage } from '../../../aws/errors.js';
import { CredentialsUnavailableError, MissingRegionError } from '../errors.js';
import { checkRegionName } from './regions.js';

/** How the tool finds its credentials and Region, as in the AWS CLI. */
export interface SessionOptions {
  /** Named profile of the shared config files. @default `AWS_PROFILE`, else `default` */
  readonly profile?: string;
  /** Region. @default `AWS_REGION` or the profile's */
  readonly region?: string;
  /**
   * Ends every call made for the session when it fires (and leaves no time
   * for new ones): the command's overall time limit. Its abort reason says
   * what ran out. @default none
   */
  readonly signal?: AbortSignal;
}

/** The caller's credentials and Region, resolved once and shared by every client. */
export interface AwsSession {
  /** The resolved Region. */
  readonly region: string;
  /** The caller's credentials provider (memoized by the SDK). */
  readonly credentials: Credentials;
  /** An STS client signed as the caller. */
  readonly sts: STSClient;
  /** Options for the toolkit's client factories, signed as the caller. */
  readonly clientOptions: ClientOptions;
  /**
   * Bounds the calls made as the caller: no time limit of its own, but ended
   * by {@link SessionOptions.signal}. Undefined without a signal.
   */
  readonly deadline: Deadline | undefined;
  /** Releases the session's connections. */
  destroy(): void;
}

/**
 * Client options of the caller's own STS, Organizations, Config and IAM
 * clients: the toolkit's timeouts (`clientConfig`), and, unlike the rule's
 * one-shot clients (standard mode), the adaptive retry mode. These serve a
 * burst of calls to one account (AssumeRole for every account, every page of
 * ListAccounts, thousands of detail reads of one aggregator), where its
 * client-side rate limiting pays off.
 */
export const CALLER_RETRIES = { retryMode: 'adaptive', maxAttempts: 5 } as const;

/**
 * Resolves the caller's credentials and Region. With `profile` (`--profile`),
 * the credentials are that profile's, whatever the environment holds
 * (static keys, SSO, a role, a process: the SDK's profile provider);
 * otherwise the SDK's default chain (environment, `AWS_PROFILE`, SSO,
 * process, container and instance roles). The Region is `region`, else
 * `AWS_REGION` or the profile's; it is never guessed, and must be an AWS
 * Region name. Endpoints are never set: `AWS_ENDPOINT_URL_<SERVICE>` and
 * profile `endpoint_url` settings apply.
 *
 * @throws MissingRegionError when no Region is configured
 * @throws InvalidRegionError when the Region is not an AWS Region name
 * @throws CredentialsUnavailableError when no credentials can be found
 * @throws DeadlineExceededError when `signal` fires first
 */
export async function openSession(options: SessionOptions): Promise<AwsSession> {
  const region = await sessionRegion(options);
  const deadline =
    options.signal === undefined ? undefined : untilAborted(manyListeners(options.signal));
  const sts = new STSClient({
    ...clientConfig({ region, ...CALLER_RETRIES }),
    ...(options.profile === undefined
      ? {}
      : { credentials: profileCredentials(options.profile, region) }),
  });
  const credentials = sts.config.credentials;
  try {
    await withinDeadline(deadline, 'the resolution of the credentials', () =>
      checkCredentials(credentials, options.profile),
    );
  } catch (error) {
    sts.destroy();
    throw error;
  }
  return {
    region,
    credentials,
    sts,
    clientOptions: { credentials, region },
    deadline,
    destroy: () => sts.destroy(),
  };
}

/**
 * A signal that follows `signal` and takes any number of listeners: every
 * call under way listens to it (accounts, pages and reads at once), and Node
 * warns past 10 listeners on a signal. The caller's signal gets one.
 */
function manyListeners(signal: AbortSignal): AbortSignal {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  if (signal.aborted) controller.abort(signal.reason);
  else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  return controller.signal;
}

/**
 * A named profile's credentials, from that profile only: the environment's
 * keys are not looked at (the SDK's default chain would warn that both are
 * set, and a future SDK may prefer the keys). The STS client that a role
 * profile uses gets the toolkit's timeouts.
 */
function profileCredentials(profile: string, region: string): Credentials {
  return fromIni({ profile, clientConfig: { region, requestHandler: requestHandlerConfig() } });
}

/** The Region given or configured, checked; never a guess. */
async function sessionRegion(options: SessionOptions): Promise<string> {
  if (options.region !== undefined) {
    checkRegionName(options.region, '--region');
    return options.region;
  }
  const configured = await configuredRegion(options.profile);
  if (configured === undefined) {
    // A profile that does not exist has no Region either: name the profile first.
    if (options.profile !== undefined) {
      await checkCredentials(fromIni({ profile: options.profile }), options.profile);
    }
    throw new MissingRegionError(
      'No AWS Region is configured: pass --region (a Region of your partition, such as us-east-1, us-gov-west-1 or cn-north-1), set AWS_REGION, or set region in the profile',
    );
  }
  const source =
    options.profile === undefined ? 'AWS_REGION or the profile' : `profile ${options.profile}`;
  checkRegionName(configured, source);
  return configured;
}

/** Resolves the credentials once (the SDK memoizes them), to fail early and clearly. */
async function checkCredentials(credentials: Credentials, profile: string | undefined) {
  if (typeof credentials !== 'function') return;
  try {
    await credentials();
  } catch (error) {
    if (error instanceof DeadlineExceededError) throw error;
    const source = profile === undefined ? '' : ` for profile ${JSON.stringify(profile)}`;
    throw new CredentialsUnavailableError(
      `No AWS credentials found${source} (${errorMessage(error)}); configure them with --profile, AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY`,
      { cause: error },
    );
  }
}

async function configuredRegion(profile: string | undefined): Promise<string | undefined> {
  // Never sends a request: it only resolves the configured Region.
  const probe = new STSClient(profile === undefined ? {} : { profile });
  try {
    return await probe.config.region();
  } catch {
    return undefined;
  } finally {
    probe.destroy();
  }
}

/**
 * `deadline`, ended early by the session's time limit (its signal) too:
 * the deadline of work done for one account.
 */
export function withinSession(session: AwsSession, deadline: Deadline): Deadline {
  const signal = session.deadline?.signal;
  return signal === undefined ? deadline : untilAborted(signal, deadline);
}

/** An Organizations client signed as the caller, with the toolkit's timeouts. */
export function organizationsClientFor(session: AwsSession): OrganizationsClient {
  return new OrganizationsClient(clientConfig({ ...session.clientOptions, ...CALLER_RETRIES }));
}

/** A Config client signed as the caller, with {@link CALLER_RETRIES} for its burst of reads. */
export function configClientFor(session: AwsSession): ConfigServiceClient {
  return new ConfigServiceClient(clientConfig({ ...session.clientOptions, ...CALLER_RETRIES }));
}

/** An IAM client signed as the caller, for the caller's own account and organization. */
export function iamClientFor(session: AwsSession): IAMClient {
  return new IAMClient(clientConfig({ ...session.clientOptions, ...CALLER_RETRIES }));
}
