import type { ConfigServiceClient } from '@aws-sdk/client-config-service';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { STSClient } from '@aws-sdk/client-sts';
import type { ProjectError } from '../definition/errors.js';
import { assumeRole, CredentialsCache } from './assume-role.js';
import type { Deadline } from './backoff.js';
import {
  type ClientOptions,
  type Credentials,
  createConfigClient,
  createIamClient,
  createSecurityHubClient,
  createStsClient,
} from './clients.js';

/** The clients that evaluate one account and report on it, signed as that account. */
export interface AccountClients {
  readonly iam: IAMClient;
  readonly config: ConfigServiceClient;
  /** A Security Hub client, whose module loads on first use. */
  securityHub(): Promise<SecurityHubClient>;
}

/** Options of {@link AccountClientsPool}. */
export interface AccountClientsPoolOptions {
  /** Settings of every client (Region, retries, the caller's own credentials). @default the SDK's */
  readonly clientOptions?: ClientOptions;
  /** `RoleSessionName` of the sessions opened in evaluated accounts (seen in CloudTrail). */
  readonly sessionName: string;
  /**
   * The STS client that `sts:AssumeRole` goes through, on first use.
   * @default one from `createStsClient(clientOptions)`, whose module loads only then
   */
  readonly sts?: () => Promise<STSClient>;
  /**
   * Client sets of roles kept for reuse once idle; the least recently used
   * beyond it are destroyed, with their credentials. Sets in use are never
   * dropped. @default 16
   */
  readonly maxIdleRoles?: number;
  /** Turns a failed `sts:AssumeRole` into the error to raise. @default the adapter's own error */
  readonly describeAssumeRoleError?: (error: ProjectError, roleArn: string) => ProjectError;
}

/** Options of {@link AccountClientsPool.use}. */
export interface UseOptions {
  /**
   * Time left for `sts:AssumeRole` when the role's credentials must be
   * (re)loaded during `work`. @default unbounded
   */
  readonly deadline?: Deadline;
}

interface RoleEntry {
  readonly clients: LazyClients;
  users: number;
  /** The deadline of the latest `use`, which any credential load runs under. */
  deadline?: Deadline | undefined;
}

/**
 * Clients for evaluated accounts, shared by the Lambda handler and the
 * command-line tool: the caller's own clients, and per-role clients whose
 * credentials come from `sts:AssumeRole` (one call shared by concurrent
 * requests, renewed before expiry). Idle role clients are kept up to
 * `maxIdleRoles` (least recently used first out), so a warm function's memory
 * stays bounded however many accounts it sees.
 */
export class AccountClientsPool {
  private readonly credentials = new CredentialsCache();
  private readonly roles = new Map<string, RoleEntry>();
  private ownClients: LazyClients | undefined;
  private sts: Promise<STSClient> | undefined;

  constructor(private readonly options: AccountClientsPoolOptions) {}

  /**
   * Runs `work` with the clients of the caller's own account
   * (`roleArn` undefined) or of the account of `roleArn`, whose credentials
   * are had (or reused) first.
   *
   * @throws ProjectError when `sts:AssumeRole` fails (AccessDeniedError,
   *   DeadlineExceededError, …, or what `describeAssumeRoleError` makes of it)
   */
  async use<T>(
    roleArn: string | undefined,
    work: (clients: AccountClients) => Promise<T>,
    options: UseOptions = {},
  ) {
    if (roleArn === undefined) {
      this.ownClients ??= new LazyClients(this.options.clientOptions ?? {});
      return work(this.ownClients);
    }
    const entry = this.roleEntry(roleArn);
    entry.users++;
    entry.deadline = options.deadline;
    try {
      // Assumed before the work, so that a failure (or the time running out) is
      // the AssumeRole's own, not hidden in the first call that signs with it.
      await this.credentials.get(roleArn, () => this.assume(roleArn, options.deadline));
      return await work(entry.clients);
    } finally {
      entry.users--;
      this.prune();
    }
  }

  /** Role client sets held, idle or in use. */
  get roleCount(): number {
    return this.roles.size;
  }

  /** Releases every client's connections. */
  destroy(): void {
    this.ownClients?.destroy();
    for (const entry of this.roles.values()) entry.clients.destroy();
    this.roles.clear();
  }

  private roleEntry(roleArn: string): RoleEntry {
    const existing = this.roles.get(roleArn);
    if (existing !== undefined) {
      // Map order is the recency order: move the entry to the end.
      this.roles.delete(roleArn);
      this.roles.set(roleArn, existing);
      return existing;
    }
    const provider: Credentials = () =>
      this.credentials.get(roleArn, () => this.assume(roleArn, entry.deadline));
    const entry: RoleEntry = {
      clients: new LazyClients({ ...this.options.clientOptions, credentials: provider }),
      users: 0,
    };
    this.roles.set(roleArn, entry);
    return entry;
  }

  private async assume(roleArn: string, deadline: Deadline | undefined) {
    this.sts ??= this.options.sts?.() ?? createStsClient(this.options.clientOptions ?? {});
    try {
      return await assumeRole(await this.sts, roleArn, this.options.sessionName, deadline);
    } catch (error) {
      const describe = this.options.describeAssumeRoleError;
      throw describe === undefined ? error : describe(error as ProjectError, roleArn);
    }
  }

  private prune(): void {
    const maxIdle = this.options.maxIdleRoles ?? 16;
    const idle = [...this.roles].filter(([, entry]) => entry.users === 0);
    for (const [roleArn, entry] of idle.slice(0, Math.max(0, idle.length - maxIdle))) {
      entry.clients.destroy();
      this.roles.delete(roleArn);
      this.credentials.delete(roleArn);
    }
  }
}

/** Clients made on first use: a tool that only reads IAM never builds a Config client. */
class LazyClients implements AccountClients {
  private iamClient: IAMClient | undefined;
  private configClient: ConfigServiceClient | undefined;
  private securityHubClient: Promise<SecurityHubClient> | undefined;

  constructor(private readonly options: ClientOptions) {}

  get iam(): IAMClient {
    this.iamClient ??= createIamClient(this.options);
    return this.iamClient;
  }

  get config(): ConfigServiceClient {
    this.configClient ??= createConfigClient(this.options);
    return this.configClient;
  }

  securityHub(): Promise<SecurityHubClient> {
    // The credentials the other clients already resolved: the Security Hub
    // module need not start a default provider chain of its own.
    const credentials = this.options.credentials ?? this.config.config.credentials;
    this.securityHubClient ??= createSecurityHubClient({ ...this.options, credentials });
    return this.securityHubClient;
  }

  destroy(): void {
    this.iamClient?.destroy();
    this.configClient?.destroy();
    this.securityHubClient?.then((client) => client.destroy()).catch(() => undefined);
  }
}
