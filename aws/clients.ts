import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { IAMClient, type IAMClientConfig } from '@aws-sdk/client-iam';

/** Static credentials or a provider of them, as every SDK client accepts. */
export type Credentials = NonNullable<IAMClientConfig['credentials']>;

/** Settings shared by every client the rule creates. */
export interface ClientOptions {
  /** Credentials; default: the SDK's default provider chain. */
  readonly credentials?: Credentials;
  /** Region; default: the SDK's resolution (`AWS_REGION`, profile). */
  readonly region?: string;
  /** Attempts per call, first included. @default 5 */
  readonly maxAttempts?: number;
  /**
   * The SDK's retry mode. `adaptive` adds client-side rate limiting, worth it
   * only for long-lived clients that make bursts of calls. @default `standard`
   */
  readonly retryMode?: 'standard' | 'adaptive';
  /** Longest wait for a connection to be set up, per attempt. @default 3000 ms */
  readonly connectionTimeoutMs?: number;
  /**
   * Longest wait for an answer once the request is sent, per attempt; and
   * longest silence while its body arrives. A stalled answer is then retried
   * like a connection reset. @default 10000 ms
   */
  readonly requestTimeoutMs?: number;
}

/** Defaults of the per-attempt timeouts of {@link ClientOptions}. */
export const CLIENT_TIMEOUTS = { connectionTimeoutMs: 3000, requestTimeoutMs: 10_000 } as const;

/**
 * The configuration of every SDK client the project creates, the rule's and
 * the command-line tool's: retries and per-attempt timeouts.
 * Endpoints and credentials are never set here: the SDK's default resolution
 * applies, so `AWS_ENDPOINT_URL_<SERVICE>` (FIPS, VPC endpoints, tests) works.
 * Retry mode is `standard`: `adaptive` adds a client-side rate limiter that,
 * after one throttling answer, holds a short-lived function's next call for
 * about 2 seconds; it pays off only for long-lived, busy clients. The SDK
 * sets no timeout of its own: without these, a stalled answer would hold a
 * call until the whole invocation's deadline aborts it, with no retry.
 */
export function clientConfig(options: ClientOptions = {}) {
  return {
    retryMode: options.retryMode ?? 'standard',
    maxAttempts: options.maxAttempts ?? 5,
    requestHandler: requestHandlerConfig(options),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    ...(options.region === undefined ? {} : { region: options.region }),
  } as const;
}

/**
 * The per-attempt timeouts of {@link ClientOptions} as the SDK's
 * `requestHandler` setting, for clients made elsewhere (a credential
 * provider's own STS client).
 */
export function requestHandlerConfig(
  options: Pick<ClientOptions, 'connectionTimeoutMs' | 'requestTimeoutMs'> = {},
) {
  const requestTimeout = options.requestTimeoutMs ?? CLIENT_TIMEOUTS.requestTimeoutMs;
  return {
    connectionTimeout: options.connectionTimeoutMs ?? CLIENT_TIMEOUTS.connectionTimeoutMs,
    requestTimeout,
    throwOnRequestTimeout: true,
    socketTimeout: requestTimeout,
  } as const;
}

/** An IAM client with the rule's retry settings. */
export function createIamClient(options: ClientOptions = {}): IAMClient {
  return new IAMClient(clientConfig(options));
}

/** A Config client with the rule's retry settings. */
export function createConfigClient(options: ClientOptions = {}): ConfigServiceClient {
  return new ConfigServiceClient(clientConfig(options));
}

let stsModule: Promise<typeof import('@aws-sdk/client-sts')> | undefined;

/**
 * The STS client module, loaded on first use and only once: only
 * cross-account mode needs it, so the compliant path never pays for it, and
 * later calls do not go through the module loader again (costly under a
 * TypeScript loader such as the command-line tool's).
 */
export function loadStsModule(): Promise<typeof import('@aws-sdk/client-sts')> {
  stsModule ??= import('@aws-sdk/client-sts');
  return stsModule;
}

let securityHubModule: Promise<typeof import('@aws-sdk/client-securityhub')> | undefined;

/**
 * A Security Hub client with the rule's retry settings. Its module is loaded
 * on first use, once: only a function with Security Hub findings turned on
 * needs it, so the default deployment's cold load does not grow.
 */
export async function createSecurityHubClient(options: ClientOptions = {}) {
  securityHubModule ??= import('@aws-sdk/client-securityhub');
  const { SecurityHubClient } = await securityHubModule;
  return new SecurityHubClient(clientConfig(options));
}

/** An STS client with the rule's retry settings, from the lazily loaded module. */
export async function createStsClient(options: ClientOptions = {}) {
  const { STSClient } = await loadStsModule();
  return new STSClient(clientConfig(options));
}
