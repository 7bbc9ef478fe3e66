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
 * The settings of every SDK client of the project (any service's client
 * accepts them). Endpoints and credentials are never set here: the SDK's default resolution
 * applies, so `AWS_ENDPOINT_URL_<SERVICE>` (FIPS, VPC endpoints, tests) works.
 * Retry mode is `standard`: `adaptive` adds a client-side rate limiter that,
 * after one throttling answer, holds a short-lived function's next call for
 * about 2 seconds; it pays off only for long-lived, busy clients. The SDK
 * sets no timeout of its own: without these, a stalled answer would hold a
 * call until the whole invocation's deadline aborts it, with no retry.
 */
export function commonConfig(options: ClientOptions) {
  const requestTimeout = options.requestTimeoutMs ?? CLIENT_TIMEOUTS.requestTimeoutMs;
  return {
    retryMode: 'standard',
    maxAttempts: options.maxAttempts ?? 5,
    requestHandler: {
      connectionTimeout: options.connectionTimeoutMs ?? CLIENT_TIMEOUTS.connectionTimeoutMs,
      requestTimeout,
      throwOnRequestTimeout: true,
      socketTimeout: requestTimeout,
    },
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    ...(options.region === undefined ? {} : { region: options.region }),
  } as const;
}

/** An IAM client with the rule's retry settings. */
export function createIamClient(options: ClientOptions = {}): IAMClient {
  return new IAMClient(commonConfig(options));
}

/** A Config client with the rule's retry settings. */
export function createConfigClient(options: ClientOptions = {}): ConfigServiceClient {
  return new ConfigServiceClient(commonConfig(options));
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

/** An STS client with the rule's retry settings, from the lazily loaded module. */
export async function createStsClient(options: ClientOptions = {}) {
  const { STSClient } = await loadStsModule();
  return new STSClient(commonConfig(options));
}
