import type { BackoffOptions, Sleep } from '../../../../aws/backoff.js';
import type { ComplianceType } from '../../../../definition/config.js';
import type { RootKeySource, RuleParameters } from '../../../../rule/src/core/index.js';
import type { Evidence } from '../../evidence-types.js';
import type { ERROR_COMPLIANCE } from '../../exit-codes.js';
import type { CallerIdentity } from '../../identity.js';
import type { DirectoryAccount } from '../../organization-types.js';
import type { RootAccessState } from '../../root-access/root-access-state.js';
import type { KeyFields } from './key-fields.js';

/*
 * The data types of `evaluate`, free of AWS SDK types, so that the
 * declarations of `root-access-key-rule/cli` need no SDK package.
 */

/** One account's result: a verdict, or the error that prevented one. */
export interface EvaluationRow {
  readonly accountId: string;
  /** The account's name, when Organizations is readable. */
  readonly accountName?: string;
  /** The account's OU path, e.g. `Root/Workloads/Prod`, when the organization's tree is readable. */
  readonly organizationalUnit?: string;
  /** The verdict, or `ERROR` when the account could not be evaluated. */
  readonly compliance: ComplianceType | typeof ERROR_COMPLIANCE;
  /** The rule's annotation; absent on error. */
  readonly annotation?: string;
  /** `AccountAccessKeysPresent` from the account summary; absent on error. */
  readonly accessKeysPresent?: number;
  /** Each root access key, where its details were read; absent when none exists or on error. */
  readonly keys?: readonly KeyFields[];
  /** Where `keys` came from: the credential report, or IAM's key list in a root session. */
  readonly keySource?: RootKeySource;
  /** Whether the organization has RootCredentialsManagement enabled; absent when unreadable. */
  readonly rootCredentialsManagement?: boolean;
  /** Whether the organization has RootSessions enabled; absent when unreadable. */
  readonly rootSessions?: boolean;
  /** Why the account could not be evaluated; absent when it was. */
  readonly error?: string;
}

export type { Target } from '../../organization-types.js';

/** How each account is evaluated. */
export interface AccountEvaluatorOptions {
  /** Role assumed in each account other than the caller's; needed for other accounts. */
  readonly roleName?: string;
  /**
   * Open a root session (`sts:AssumeRoot`, task policy IAMAuditRootUserCredentials)
   * in each account other than the caller's, instead of assuming `roleName`.
   * @default false
   */
  readonly assumeRoot?: boolean;
  /** Rule parameters. @default the rule's defaults */
  readonly parameters?: Partial<
    Pick<RuleParameters, 'ignoreInactiveKeys' | 'rootWithoutCredentials'>
  >;
  /**
   * Longest time one account may take: assuming its role, its account summary
   * and waiting for its credential report. @default 120000 ms
   */
  readonly reportTimeoutMs?: number;
  /** Backoff of credential-report polling. @default the rule's */
  readonly backoff?: BackoffOptions;
  /** @default real timers */
  readonly sleep?: Sleep;
}

/**
 * What to evaluate and how; the in-process form of `evaluate`'s options
 * (`roleName`, `parameters` and report polling: see {@link AccountEvaluatorOptions}).
 */
export interface EvaluateOptions extends AccountEvaluatorOptions {
  /** Accounts to evaluate. @default the caller's account only */
  readonly accounts?: readonly string[];
  /** Evaluate every ACTIVE account of the organization. @default false */
  readonly organization?: boolean;
  /** Accounts evaluated at once. @default 10 */
  readonly concurrency?: number;
  /** Named profile. @default the SDK's default resolution */
  readonly profile?: string;
  /** Region of the STS and IAM calls. @default the configured one (required) */
  readonly region?: string;
  /**
   * Ends the run when it fires (the command's overall time limit): calls
   * under way are aborted, none is started after it, and what was not done
   * becomes ERROR rows naming what ran out (its abort reason). @default none
   */
  readonly signal?: AbortSignal;
  /** Called with the number of accounts done (0 first) and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What {@link evaluateAccounts} returns. */
export interface EvaluateResult {
  /** Who ran the evaluation. */
  readonly caller: CallerIdentity;
  /** One row per account, in the order the accounts were given or listed. */
  readonly rows: readonly EvaluationRow[];
  /** The organization's centralized root access, or why it could not be read. */
  readonly rootAccess: RootAccessState;
  /** When, by whom, in which organization, with which tool version. */
  readonly evidence: Evidence;
  /** Accounts of the organization left out because they are not ACTIVE (with `organization`). */
  readonly leftOut: readonly DirectoryAccount[];
  /** The Region the run used (its STS and IAM calls). */
  readonly region: string;
}
