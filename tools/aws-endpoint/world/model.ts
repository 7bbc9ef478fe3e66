import type { AggregateEvaluation } from '../config-responses.js';
import type { KeySlots, ReportUser } from '../credential-report-csv.js';
import type { AccountStatus } from '../organizations-responses.js';
import type { SimOrganization, SimOrganizationConformancePack } from './organization-model.js';
import type { SecurityHubOptions } from './world-security-hub.js';

/** Errors a simulated `GetCredentialReport` can be told to answer first. */
export type CredentialReportError =
  | 'ReportNotPresent'
  | 'ReportExpired'
  | 'ReportInProgress'
  | 'LimitExceeded'
  | 'Throttling';

/** How an account's IAM credential report behaves. */
export interface SimCredentialReport {
  /** A report younger than 4 hours exists (Generate answers COMPLETE at once). @default true */
  readonly exists?: boolean;
  /**
   * Once Generate starts a new report, this many further report calls
   * (Generate answers INPROGRESS, Get answers ReportInProgress) see it unfinished.
   * @default 1
   */
  readonly notReadyPolls?: number;
  /** Answered by the first `GetCredentialReport` calls, in order. @default none */
  readonly getErrors?: readonly CredentialReportError[];
  /** IAM user rows besides `<root_account>`. @default none */
  readonly users?: readonly ReportUser[];
  /** @default the world's clock (`WorldOptions.now`), else the time of the call */
  readonly generatedTime?: Date;
}

/** A simulated AWS account: its place in the organization and its root user facts. */
export interface SimAccount {
  /** 12-digit account id. */
  readonly id: string;
  /** @default `account-<id>` */
  readonly name?: string;
  /** @default 'ACTIVE' */
  readonly status?: AccountStatus;
  /** The root user's access key slots. @default none */
  readonly rootKeys?: KeySlots;
  /** `AccountAccessKeysPresent`. @default the number of `rootKeys` slots */
  readonly rootKeyCount?: number;
  /** `AccountPasswordPresent`. @default true */
  readonly passwordPresent?: boolean;
  /** @default a report that exists and is ready */
  readonly credentialReport?: SimCredentialReport;
  /** AssumeRole into this account is denied. @default false */
  readonly assumeRoleDenied?: boolean;
  /** AssumeRoot into this account is denied (as an SCP or the caller's policy would). @default false */
  readonly assumeRootDenied?: boolean;
  /** Actions denied to callers in this account, e.g. `iam:GetCredentialReport`. @default none */
  readonly deniedActions?: readonly string[];
  /** The OU the account sits in (`SimOrganization.units`). @default the root */
  readonly parentId?: string;
  /** Names of the Config rules deployed in the account (`DescribeConfigRules`). @default none */
  readonly configRules?: readonly string[];
}

/** The centralized root access features of AWS Organizations (`iam:ListOrganizationsFeatures`). */
export type RootAccessFeature = 'RootCredentialsManagement' | 'RootSessions';

/** The organization's centralized root access, as `ListOrganizationsFeatures` and `AssumeRoot` see it. */
export interface SimRootAccess {
  /** Features enabled. @default none */
  readonly features?: readonly RootAccessFeature[];
  /**
   * What the caller's account is to centralized root access; only the
   * management account and the IAM delegated administrator may use it.
   * @default 'management'
   */
  readonly callerRole?: 'management' | 'delegated-administrator' | 'member';
  /** `ListOrganizationsFeatures` answers this error instead. @default none */
  readonly featuresError?:
    | 'OrganizationNotFoundException'
    | 'OrganizationNotInAllFeaturesModeException'
    | 'ServiceAccessNotEnabledException';
  /** The management account, when the caller is the delegated administrator. @default the caller's */
  readonly managementAccountId?: string;
}

/** A Config aggregator and the evaluation results it holds. */
export interface SimAggregator {
  readonly name: string;
  readonly evaluations: readonly AggregateEvaluation[];
}

/** A Config rule in the caller's account (custom Lambda rule, periodic). */
export interface SimConfigRule {
  readonly name: string;
  /** `One_Hour` … `TwentyFour_Hours`; absent means Config's default, TwentyFour_Hours. @default absent */
  readonly maximumExecutionFrequency?: string;
  /** `config-conforms.amazonaws.com` for a conformance pack's rule. @default none (the account's own rule) */
  readonly createdBy?: string;
}

/** Listing actions whose pages the world can leave empty (still carrying a NextToken). */
export type PagedAction =
  | 'ListAccounts'
  | 'DescribeAggregateComplianceByConfigRules'
  | 'GetAggregateComplianceDetailsByConfigRule'
  | 'ListAccountsForParent'
  | 'ListOrganizationalUnitsForParent'
  | 'GetOrganizationConformancePackDetailedStatus';

/** Options of `createWorld`. */
export interface WorldOptions {
  /** The account the base credentials belong to. @default '111111111111' */
  readonly callerAccountId?: string;
  /** @default `arn:aws:iam::<callerAccountId>:user/auditor` */
  readonly callerArn?: string;
  /** Access key ids that sign as the caller; others are rejected. @default [BASE_ACCESS_KEY_ID] */
  readonly callerAccessKeyIds?: readonly string[];
  /**
   * The organization's accounts, listed by `ListAccounts` in this order. The
   * caller's account, when not among them, answers IAM as a clean account.
   * @default none
   */
  readonly accounts?: readonly SimAccount[];
  /** Only this role name may be assumed. @default any name */
  readonly roleName?: string;
  /** @default none */
  readonly aggregators?: readonly SimAggregator[];
  /** Centralized root access of the organization. @default not enabled */
  readonly rootAccess?: SimRootAccess;
  /**
   * The organization's identity and OU tree. Without it and without
   * `accounts`, Organizations answers `AWSOrganizationsNotInUseException`.
   * @default id o-exampleorg1, root r-exmp, no OUs
   */
  readonly organization?: SimOrganization;
  /** Organization conformance packs deployed from the caller's account. @default none */
  readonly conformancePacks?: readonly SimOrganizationConformancePack[];
  /**
   * The world's clock, fixed: every successful answer's `Date` header says
   * this time, as AWS's clock would (error answers carry none). @default the machine's clock
   */
  readonly now?: Date;
  /** Config rules in the caller's account and Region, as `DescribeConfigRules` lists them. @default none */
  readonly configRules?: readonly SimConfigRule[];
  /** SNS topics that exist (ARNs); `Publish` to another is `NotFound`. @default any topic exists */
  readonly topics?: readonly string[];
  /** Zero-based page numbers (per listing) answered empty, with a NextToken. @default none */
  readonly emptyPages?: Partial<Record<PagedAction, readonly number[]>>;
  /** Security Hub's state. @default enabled in every account */
  readonly securityHub?: SecurityHubOptions;
}
