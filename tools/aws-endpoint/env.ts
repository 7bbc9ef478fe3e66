/** Access key id of the base (caller) credentials that {@link endpointEnv} sets. */
export const BASE_ACCESS_KEY_ID = 'AKIDBASEEXAMPLEKEY01';

/** Secret of the base credentials; the endpoint does not verify signatures. */
export const BASE_SECRET_ACCESS_KEY = 'local/endpoint/base/secret/not/a/real/key';

/**
 * Environment that points the AWS SDK's default resolution at a local endpoint:
 * the `AWS_ENDPOINT_URL_<SERVICE>` variables of its services, base credentials, the Region,
 * no instance metadata lookups, no Node version warning.
 */
export function endpointEnv(url: string, region = 'us-east-1'): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_IAM: url,
    AWS_ENDPOINT_URL_STS: url,
    AWS_ENDPOINT_URL_CONFIG_SERVICE: url,
    AWS_ENDPOINT_URL_ORGANIZATIONS: url,
    AWS_ENDPOINT_URL_SECURITYHUB: url,
    AWS_ENDPOINT_URL_SNS: url,
    AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'false',
    AWS_ACCESS_KEY_ID: BASE_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: BASE_SECRET_ACCESS_KEY,
    AWS_REGION: region,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

/**
 * Variables that would leak ambient credentials or settings into a test;
 * {@link withEnv} removes them unless the given env sets them.
 */
export const AMBIENT_AWS_VARIABLES = [
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_ENDPOINT_URL',
  'AWS_DEFAULT_REGION',
  'AWS_ROLE_ARN',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
] as const;

/**
 * Runs `fn` with the given variables applied to `process.env` (an `undefined`
 * value unsets one), without the {@link AMBIENT_AWS_VARIABLES}, and restores
 * the previous environment afterwards, even when `fn` throws.
 *
 * SDK clients read the environment when they first send, so create them inside `fn`.
 */
export async function withEnv<T>(
  env: Readonly<Record<string, string | undefined>>,
  fn: () => T | Promise<T>,
): Promise<T> {
  const changes: Record<string, string | undefined> = {};
  for (const name of AMBIENT_AWS_VARIABLES) {
    changes[name] = undefined;
  }
  Object.assign(changes, env);
  const saved = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries(changes)) {
    saved.set(name, process.env[name]);
    setVariable(name, value);
  }
  try {
    return await fn();
  } finally {
    for (const [name, value] of saved) {
      setVariable(name, value);
    }
  }
}

function setVariable(name: string, value: string | undefined): void {
  if (value === undefined) {
    delete process.env[name];
  } else {
    process.env[name] = value;
  }
}
