import type { KeySlot, KeySlots } from '../credential-report-csv.js';
import { BASE_ACCESS_KEY_ID } from '../env.js';
import type { RecordedCall } from '../request.js';
import { awsError, type EndpointResponse } from '../responses.js';
import type { CallAnswerer } from '../server.js';
import { AggregatorIndex } from './aggregator-index.js';
import type { SimAccount, SimAggregator, WorldOptions } from './model.js';
import { OrganizationIndex } from './organization-index.js';
import { answerConfig } from './world-config.js';
import { answerSns } from './world-detection.js';
import { answerIam } from './world-iam.js';
import { answerOrganizations } from './world-organizations.js';
import { SecurityHubModel } from './world-security-hub.js';
import { answerSts } from './world-sts.js';

/** Who signed a call, as the world sees it. */
export interface Identity {
  readonly accountId: string;
  readonly arn: string;
  readonly partition: string;
  /** True for the base credentials; false for credentials from AssumeRole or AssumeRoot. */
  readonly isCaller: boolean;
  /** For a root session from AssumeRoot: the name of its task policy. */
  readonly rootTask?: string;
}

/** One of an account's root access keys, as the world holds it. */
export interface SimRootKey {
  readonly slot: 1 | 2;
  readonly accessKeyId: string;
  readonly key: KeySlot;
}

/** Progress of one account's credential report, driven by calls. */
export interface ReportProgress {
  phase: 'absent' | 'generating' | 'ready';
  remaining: number;
  gets: number;
}

const SESSION_KEY = /^ASIA(\d{12})/;

/**
 * The account a temporary access key id belongs to, for keys the world issues
 * (`ASIA` + 12-digit account id + suffix); undefined for other keys.
 */
export function accountOfAccessKey(accessKeyId: string): string | undefined {
  return SESSION_KEY.exec(accessKeyId)?.[1];
}

/**
 * A simulated organization behind the endpoint: accounts with root-user facts,
 * role assumption into them, and Config aggregators. IAM calls answer for the
 * account whose credentials signed them.
 */
export class SimulatedWorld implements CallAnswerer {
  /** The account of the base credentials. */
  readonly callerAccountId: string;
  /** The organization's accounts, in `ListAccounts` order. */
  readonly organization: readonly SimAccount[];
  /** Aggregators by name. */
  readonly aggregators: ReadonlyMap<string, AggregatorIndex>;
  /** The organization's OU tree. */
  readonly tree: OrganizationIndex;
  /** Security Hub: the findings imported, per signing account. */
  readonly securityHub: SecurityHubModel;
  private readonly accounts = new Map<string, SimAccount>();
  private readonly sessions = new Map<string, Identity>();
  private readonly reports = new Map<string, ReportProgress>();
  private readonly deletedKeys = new Set<string>();
  private issued = 0;

  constructor(readonly options: WorldOptions = {}) {
    this.callerAccountId = options.callerAccountId ?? '111111111111';
    this.organization = options.accounts ?? [];
    this.accounts.set(this.callerAccountId, { id: this.callerAccountId });
    for (const account of this.organization) {
      this.accounts.set(account.id, account);
    }
    this.tree = new OrganizationIndex(options, this.callerAccountId);
    this.securityHub = new SecurityHubModel(options.securityHub);
    this.aggregators = new Map(
      (options.aggregators ?? []).map((aggregator: SimAggregator) => [
        aggregator.name,
        new AggregatorIndex(aggregator),
      ]),
    );
  }

  /** The world's clock, when it has its own (`WorldOptions.now`). */
  now(): Date | undefined {
    return this.options.now;
  }

  /** Answers a call from the model, or undefined for actions it does not simulate. */
  answer(call: RecordedCall): EndpointResponse | undefined {
    const identity = this.identify(call.accessKeyId);
    if (!identity) {
      return awsError(
        'InvalidClientTokenId',
        'The security token included in the request is invalid.',
        403,
      );
    }
    switch (call.service) {
      case 'iam':
        return answerIam(this, call, identity);
      case 'sts':
        return answerSts(this, call, identity);
      case 'config':
        return answerConfig(this, call, identity);
      case 'organizations':
        return answerOrganizations(this, call, identity);
      case 'securityhub':
        return this.securityHub.answer(call, identity);
      case 'sns':
        return answerSns(this, call, identity);
    }
  }

  /** The simulated account with this id. */
  account(id: string): SimAccount | undefined {
    return this.accounts.get(id);
  }

  /** Records a session for AssumeRole or AssumeRoot and returns its access key id (`ASIA<account>…`). */
  issueSession(identity: Omit<Identity, 'isCaller'>): string {
    this.issued += 1;
    const accessKeyId = `ASIA${identity.accountId}${this.issued.toString(36).toUpperCase().padStart(4, '0')}`;
    this.sessions.set(accessKeyId, { ...identity, isCaller: false });
    return accessKeyId;
  }

  /** The call-driven progress of an account's credential report. */
  reportProgress(account: SimAccount): ReportProgress {
    let progress = this.reports.get(account.id);
    if (!progress) {
      const exists = account.credentialReport?.exists ?? true;
      progress = { phase: exists ? 'ready' : 'absent', remaining: 0, gets: 0 };
      this.reports.set(account.id, progress);
    }
    return progress;
  }

  /** The account's root access keys that exist (not deleted through `DeleteAccessKey`). */
  rootKeys(account: SimAccount): SimRootKey[] {
    const slots = [
      [1, account.rootKeys?.key1],
      [2, account.rootKeys?.key2],
    ] as const;
    return slots.flatMap(([slot, key]) => {
      if (key === undefined) return [];
      const accessKeyId = key.accessKeyId ?? defaultRootKeyId(account.id, slot);
      return this.deletedKeys.has(accessKeyId) ? [] : [{ slot, accessKeyId, key }];
    });
  }

  /** The root key slots that still exist, for the credential report. */
  remainingKeySlots(account: SimAccount): KeySlots {
    const left = this.rootKeys(account);
    const slot = (n: 1 | 2) => left.find((key) => key.slot === n)?.key;
    const [key1, key2] = [slot(1), slot(2)];
    return { ...(key1 ? { key1 } : {}), ...(key2 ? { key2 } : {}) };
  }

  /** Root keys deleted in this account so far. */
  deletedKeyCount(account: SimAccount): number {
    const slots = [account.rootKeys?.key1, account.rootKeys?.key2] as const;
    return slots.filter(
      (key, index) =>
        key !== undefined &&
        this.deletedKeys.has(key.accessKeyId ?? defaultRootKeyId(account.id, index === 0 ? 1 : 2)),
    ).length;
  }

  /** Deletes a root key of the account; false when it has no such key. */
  deleteRootKey(account: SimAccount, accessKeyId: string): boolean {
    if (!this.rootKeys(account).some((key) => key.accessKeyId === accessKeyId)) return false;
    this.deletedKeys.add(accessKeyId);
    return true;
  }

  /** Forgets sessions, report progress and deleted keys. */
  reset(): void {
    this.sessions.clear();
    this.reports.clear();
    this.deletedKeys.clear();
    this.securityHub.reset();
  }

  /** Who signs with `accessKeyId`: the caller, a session the world issued, or nobody known. */
  identityOf(accessKeyId: string): Identity | undefined {
    return this.identify(accessKeyId);
  }

  private identify(accessKeyId: string): Identity | undefined {
    const callerKeys = this.options.callerAccessKeyIds ?? [BASE_ACCESS_KEY_ID];
    if (callerKeys.includes(accessKeyId)) {
      const arn = this.options.callerArn ?? `arn:aws:iam::${this.callerAccountId}:user/auditor`;
      return {
        accountId: this.callerAccountId,
        arn,
        partition: arn.split(':')[1] ?? 'aws',
        isCaller: true,
      };
    }
    const session = this.sessions.get(accessKeyId);
    const accountId = accountOfAccessKey(accessKeyId);
    if (session || !accountId) {
      return session;
    }
    return {
      accountId,
      arn: `arn:aws:sts::${accountId}:assumed-role/unknown/unknown`,
      partition: 'aws',
      isCaller: false,
    };
  }
}

/** The id of a root key the world names itself: `AKIA` + account id + `RTK` + slot (20 characters). */
export function defaultRootKeyId(accountId: string, slot: 1 | 2): string {
  return `AKIA${accountId}RTK${slot}`;
}

/** Creates a simulated world to pass to `startAwsEndpoint({ world })`. */
export function createWorld(options: WorldOptions = {}): SimulatedWorld {
  return new SimulatedWorld(options);
}
