import { definedFields } from '../objects.js';
import {
  FindingStatus,
  type FindingSubject,
  findingStatus,
  findingText,
  labelledKeys,
} from './finding-subject.js';
import {
  FINDING_TITLE,
  FINDING_TYPE,
  RELATED_REQUIREMENTS,
  REMEDIATION_TEXT,
  REMEDIATION_URL,
  SECURITY_CONTROL_ID,
} from './standards.js';

/**
 * The members of the AWS Security Finding Format (`AwsSecurityFinding` of
 * the Security Hub API) the project writes; the SDK's type accepts it as is.
 */
export interface AsffFinding {
  readonly SchemaVersion: '2018-10-08';
  readonly Id: string;
  readonly ProductArn: string;
  readonly ProductName: string;
  readonly GeneratorId: string;
  readonly AwsAccountId: string;
  readonly AwsAccountName?: string;
  readonly Region: string;
  readonly Types: readonly string[];
  readonly LastObservedAt: string;
  readonly CreatedAt: string;
  readonly UpdatedAt: string;
  readonly Severity: { readonly Label: AsffSeverity };
  readonly Title: string;
  readonly Description: string;
  readonly Remediation: {
    readonly Recommendation: { readonly Text: string; readonly Url: string };
  };
  readonly ProductFields: Readonly<Record<string, string>>;
  readonly Resources: readonly {
    readonly Type: 'AwsAccount';
    readonly Id: string;
    readonly Partition: string;
    readonly Region: string;
  }[];
  readonly Compliance: {
    readonly Status: AsffComplianceStatus;
    readonly RelatedRequirements: readonly string[];
  };
  readonly FindingProviderFields: {
    readonly Severity: { readonly Label: AsffSeverity; readonly Original: string };
    readonly Types: readonly string[];
  };
}

/** Severity labels the project uses. */
export type AsffSeverity = 'CRITICAL' | 'INFORMATIONAL';

/** `Compliance.Status` values the project uses. */
export type AsffComplianceStatus = 'PASSED' | 'FAILED' | 'NOT_AVAILABLE';

/** ASFF's limits the builder keeps to (Security Hub API reference). */
export const AsffLimits = {
  /** Findings per `BatchImportFindings` call. */
  findingsPerImport: 100,
  /** `Description`, in characters. */
  description: 1024,
  /** `ProductFields`: entries, key and value length. */
  productFields: 50,
  productFieldKey: 128,
  productFieldValue: 2048,
  /** `Remediation.Recommendation.Text`. */
  recommendationText: 512,
  /** `AwsAccountName`. */
  accountName: 50,
} as const;

/** Prefix of the project's `ProductFields` keys (`aws/` is Security Hub's own). */
const FIELD_PREFIX = 'RootAccessKeyRule';

/** The product name the findings carry. */
export const PRODUCT_NAME = 'root-access-key-rule';

/**
 * The account's default product ARN, the only one a custom integration may
 * import to without registering a product: Security Hub accepts a finding
 * with it only from that account.
 */
export function defaultProductArn(partition: string, region: string, accountId: string): string {
  return `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`;
}

/**
 * The finding's id: one per account, Region and rule, the same at every
 * evaluation, so that each import updates the finding instead of adding one.
 */
export function asffFindingId(subject: Pick<FindingSubject, 'ruleName' | 'region' | 'accountId'>) {
  return `${PRODUCT_NAME}/${subject.ruleName}/${subject.region}/${subject.accountId}`;
}

const COMPLIANCE_STATUS: Record<FindingStatus, AsffComplianceStatus> = {
  [FindingStatus.Pass]: 'PASSED',
  [FindingStatus.Fail]: 'FAILED',
  [FindingStatus.NotApplicable]: 'NOT_AVAILABLE',
  [FindingStatus.Unknown]: 'NOT_AVAILABLE',
};

/**
 * One ASFF finding for an account, as the rule imports it into Security Hub:
 * severity CRITICAL for a failed account (root keys the rule counts),
 * INFORMATIONAL otherwise; `Compliance.Status` PASSED, FAILED or, without a
 * result, NOT_AVAILABLE with the reason as `Description`. No `Workflow`: a
 * provider cannot set it, and Security Hub resolves a finding that turns PASSED.
 *
 * @example
 * const finding = buildAsffFinding({
 *   accountId: '111111111111', partition: 'aws', region: 'us-east-1',
 *   ruleName: 'root-access-key-rule', result: 'COMPLIANT',
 *   annotation: 'No root access key exists.', accessKeysPresent: 0,
 *   observedAt: new Date().toISOString(), productVersion: '1.0.0',
 * });
 */
export function buildAsffFinding(subject: FindingSubject): AsffFinding {
  const status = findingStatus(subject.result);
  const severity: AsffSeverity = status === FindingStatus.Fail ? 'CRITICAL' : 'INFORMATIONAL';
  const types = [FINDING_TYPE];
  return {
    SchemaVersion: '2018-10-08',
    Id: asffFindingId(subject),
    ProductArn: defaultProductArn(subject.partition, subject.region, subject.accountId),
    ProductName: PRODUCT_NAME,
    GeneratorId: subject.ruleName,
    AwsAccountId: subject.accountId,
    ...definedFields({
      AwsAccountName:
        subject.accountName === undefined
          ? undefined
          : clip(subject.accountName, AsffLimits.accountName),
    }),
    Region: subject.region,
    Types: types,
    LastObservedAt: subject.observedAt,
    CreatedAt: subject.observedAt,
    UpdatedAt: subject.observedAt,
    Severity: { Label: severity },
    Title: FINDING_TITLE,
    Description: clip(findingText(subject), AsffLimits.description),
    Remediation: { Recommendation: { Text: REMEDIATION_TEXT, Url: REMEDIATION_URL } },
    ProductFields: productFields(subject),
    Resources: [
      {
        Type: 'AwsAccount',
        Id: `AWS::::Account:${subject.accountId}`,
        Partition: subject.partition,
        Region: subject.region,
      },
    ],
    Compliance: { Status: COMPLIANCE_STATUS[status], RelatedRequirements: RELATED_REQUIREMENTS },
    FindingProviderFields: {
      Severity: { Label: severity, Original: severity },
      Types: types,
    },
  };
}

/** The facts as `ProductFields` entries: the result, the counts, then each key (id, state, last use, rotation). */
function productFields(subject: FindingSubject): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    [`${FIELD_PREFIX}/Result`]: subject.result,
    [`${FIELD_PREFIX}/SecurityControlId`]: SECURITY_CONTROL_ID,
    [`${FIELD_PREFIX}/ProductVersion`]: subject.productVersion,
    [`${FIELD_PREFIX}/AccessKeysPresent`]: subject.accessKeysPresent?.toString(),
    [`${FIELD_PREFIX}/KeySource`]: subject.keySource,
    [`${FIELD_PREFIX}/OrganizationId`]: subject.organizationId,
    [`${FIELD_PREFIX}/OrganizationalUnit`]: subject.organizationalUnit,
    [`${FIELD_PREFIX}/Reason`]:
      findingStatus(subject.result) === FindingStatus.Unknown ? subject.reason : undefined,
  };
  labelledKeys(subject).forEach(({ label, key }, index) => {
    const prefix = `${FIELD_PREFIX}/Key${index + 1}`;
    fields[`${prefix}/Id`] = label;
    fields[`${prefix}/State`] = key.active ? 'Active' : 'Inactive';
    fields[`${prefix}/LastUsed`] = key.lastUsedDate ?? 'never';
    fields[`${prefix}/LastUsedService`] = key.lastUsedService;
    fields[`${prefix}/LastUsedRegion`] = key.lastUsedRegion;
    fields[`${prefix}/LastRotated`] = key.created;
  });
  const entries = Object.entries(fields).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
  );
  return Object.fromEntries(
    entries
      .slice(0, AsffLimits.productFields)
      .map(([key, value]) => [
        key.slice(0, AsffLimits.productFieldKey),
        clip(value, AsffLimits.productFieldValue),
      ]),
  );
}

/** `text` cut to `max` characters, marked with an ellipsis when cut. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
