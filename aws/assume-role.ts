import type { AssumeRoleCommandOutput, STSClient } from '@aws-sdk/client-sts';
import type { Deadline } from './backoff.js';
import { loadStsModule } from './clients.js';
import { withinDeadline } from './deadline.js';
import { AwsCallError, toAwsError } from './errors.js';

/** Temporary credentials of an assumed role. */
export interface TemporaryCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date;
}

/**
 * Assumes `roleArn` with `sts:AssumeRole`.
 *
 * @param deadline time left for the call, SDK retries included @default unbounded
 * @throws AccessDeniedError when the role does not exist or does not trust the caller
 * @throws AwsCallError when STS fails or answers without credentials
 * @throws DeadlineExceededError when the time left runs out first
 */
export async function assumeRole(
  sts: STSClient,
  roleArn: string,
  sessionName: string,
  deadline?: Deadline,
): Promise<TemporaryCredentials> {
  const { AssumeRoleCommand } = await loadStsModule();
  let answer: AssumeRoleCommandOutput;
  try {
    answer = await withinDeadline(deadline, 'sts:AssumeRole', (options) =>
      sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: sessionName }), options),
    );
  } catch (error) {
    throw toAwsError(
      error,
      'sts:AssumeRole',
      `${roleArn} (the role must exist and trust this caller's role)`,
    );
  }
  const credentials = answer.Credentials;
  if (
    credentials?.AccessKeyId === undefined ||
    credentials.SecretAccessKey === undefined ||
    credentials.SessionToken === undefined ||
    credentials.Expiration === undefined
  ) {
    throw new AwsCallError(`sts:AssumeRole on ${roleArn} answered without complete credentials`);
  }
  return {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    sessionToken: credentials.SessionToken,
    expiration: credentials.Expiration,
  };
}

/**
 * Keeps assumed credentials per role ARN across warm invocations, until
 * shortly before they expire. Concurrent requests for the same role share one
 * `sts:AssumeRole` call.
 */
export class CredentialsCache {
  private readonly entries = new Map<string, TemporaryCredentials>();
  private readonly loading = new Map<string, Promise<TemporaryCredentials>>();

  /**
   * @param refreshBeforeMs renew credentials this long before expiry @default 5 minutes
   * @param now clock, for tests
   */
  constructor(
    private readonly refreshBeforeMs = 5 * 60_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The cached credentials of `key` if still fresh, else those `load` gives. */
  async get(key: string, load: () => Promise<TemporaryCredentials>): Promise<TemporaryCredentials> {
    const cached = this.entries.get(key);
    if (cached !== undefined && cached.expiration.getTime() - this.refreshBeforeMs > this.now()) {
      return cached;
    }
    return this.loading.get(key) ?? this.load(key, load);
  }

  /** Forgets the credentials of `key` (a request under way still completes). */
  delete(key: string): void {
    this.entries.delete(key);
  }

  private load(
    key: string,
    load: () => Promise<TemporaryCredentials>,
  ): Promise<TemporaryCredentials> {
    const pending = load()
      .then((fresh) => {
        this.entries.set(key, fresh);
        return fresh;
      })
      .finally(() => this.loading.delete(key));
    this.loading.set(key, pending);
    return pending;
  }
}
