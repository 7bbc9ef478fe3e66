import { definedFields } from '../objects.js';
import { asffFindingId, PRODUCT_NAME } from './asff.js';
import {
  FindingStatus,
  type FindingSubject,
  findingStatus,
  findingText,
  labelledKeys,
} from './finding-subject.js';
import {
  CIS_RECOMMENDATION,
  FINDING_TITLE,
  FINDING_TYPE,
  FINDINGS_URL,
  RELATED_REQUIREMENTS,
  REMEDIATION_TEXT,
  REMEDIATION_URL,
  SECURITY_CONTROL_ID,
  STANDARDS,
} from './standards.js';

/**
 * The OCSF version the findings are written in: 1.6.0, the version the
 * Security Hub findings in OCSF and Amazon Security Lake use.
 */
export const OCSF_VERSION = '1.6.0';

/** Class Compliance Finding, category Findings (OCSF). */
export const OcsfCompliance = {
  classUid: 2003,
  className: 'Compliance Finding',
  categoryUid: 2,
  categoryName: 'Findings',
} as const;

/** The profiles the findings declare in `metadata.profiles`. */
export const OCSF_PROFILES = ['cloud'] as const;

/** A JSON object, as OCSF events are. */
export type OcsfEvent = Record<string, unknown>;

interface StatusView {
  readonly compliance: readonly [id: number, caption: string];
  readonly severity: readonly [id: number, caption: string];
  /** The finding's own state: New, or Resolved once the account passes. */
  readonly finding: readonly [id: number, caption: string];
}

const STATUS: Record<FindingStatus, StatusView> = {
  [FindingStatus.Pass]: {
    compliance: [1, 'Pass'],
    severity: [1, 'Informational'],
    finding: [4, 'Resolved'],
  },
  [FindingStatus.Fail]: { compliance: [3, 'Fail'], severity: [5, 'Critical'], finding: [1, 'New'] },
  [FindingStatus.NotApplicable]: {
    compliance: [99, 'Not Applicable'],
    severity: [1, 'Informational'],
    finding: [4, 'Resolved'],
  },
  [FindingStatus.Unknown]: {
    compliance: [0, 'Unknown'],
    severity: [1, 'Informational'],
    finding: [1, 'New'],
  },
};

const ACTIVITY = { id: 1, name: 'Create' } as const;

/**
 * One OCSF Compliance Finding (class 2003, OCSF {@link OCSF_VERSION}, profile
 * `cloud`) for an account: `compliance` names IAM.4, the CIS standards and
 * requirements and the status (Pass, Fail, Unknown without a result, Other
 * for NOT_APPLICABLE) with the annotation or the reason in
 * `status_details`; `evidences` carry the account summary and each key.
 *
 * @example
 * const event = buildOcsfFinding({
 *   accountId: '111111111111', partition: 'aws', region: 'us-east-1',
 *   ruleName: 'root-access-key-rule', result: 'NON_COMPLIANT',
 *   annotation: 'Root user has 1 access key: …', accessKeysPresent: 1,
 *   observedAt: new Date().toISOString(), productVersion: '1.0.0',
 * });
 */
export function buildOcsfFinding(subject: FindingSubject): OcsfEvent {
  const status = STATUS[findingStatus(subject.result)];
  const time = Date.parse(subject.observedAt);
  const text = findingText(subject);
  return {
    activity_id: ACTIVITY.id,
    activity_name: ACTIVITY.name,
    category_uid: OcsfCompliance.categoryUid,
    category_name: OcsfCompliance.categoryName,
    class_uid: OcsfCompliance.classUid,
    class_name: OcsfCompliance.className,
    type_uid: OcsfCompliance.classUid * 100 + ACTIVITY.id,
    type_name: `${OcsfCompliance.className}: ${ACTIVITY.name}`,
    severity_id: status.severity[0],
    severity: status.severity[1],
    status_id: status.finding[0],
    status: status.finding[1],
    status_code: subject.result,
    status_detail: text,
    // The verdict rests on IAM's own count, not on a heuristic.
    confidence_id: 3,
    confidence: 'High',
    time,
    timezone_offset: 0,
    message: text,
    metadata: {
      version: OCSF_VERSION,
      profiles: [...OCSF_PROFILES],
      original_time: subject.observedAt,
      product: {
        uid: PRODUCT_NAME,
        name: PRODUCT_NAME,
        vendor_name: PRODUCT_NAME,
        version: subject.productVersion,
        url_string: FINDINGS_URL,
      },
    },
    finding_info: {
      uid: asffFindingId(subject),
      title: FINDING_TITLE,
      desc: text,
      types: [FINDING_TYPE],
      analytic: { uid: subject.ruleName, name: subject.ruleName, type_id: 1, type: 'Rule' },
      last_seen_time: time,
    },
    compliance: {
      control: SECURITY_CONTROL_ID,
      desc: CIS_RECOMMENDATION,
      standards: [...STANDARDS],
      requirements: [...RELATED_REQUIREMENTS],
      status_id: status.compliance[0],
      status: status.compliance[1],
      status_code: subject.result,
      status_details: [text],
    },
    cloud: cloud(subject),
    resources: [
      {
        uid: `AWS::::Account:${subject.accountId}`,
        type: 'AWS::::Account',
        role_id: 1,
        role: 'Target',
        region: subject.region,
        cloud_partition: subject.partition,
        ...definedFields({ name: subject.accountName }),
      },
    ],
    remediation: { desc: REMEDIATION_TEXT, references: [REMEDIATION_URL] },
    ...(findingStatus(subject.result) === FindingStatus.Unknown ? {} : evidences(subject)),
  };
}

function cloud(subject: FindingSubject): OcsfEvent {
  return {
    provider: 'AWS',
    region: subject.region,
    cloud_partition: subject.partition,
    account: {
      uid: subject.accountId,
      type_id: 10,
      type: 'AWS Account',
      ...definedFields({ name: subject.accountName }),
    },
    ...(subject.organizationId !== undefined && {
      org: {
        uid: subject.organizationId,
        ...definedFields({ ou_name: subject.organizationalUnit }),
      },
    }),
  };
}

/** The facts behind the result: the account summary's count, then each key. */
function evidences(subject: FindingSubject): { evidences?: OcsfEvent[] } {
  const found: OcsfEvent[] = [];
  if (subject.accessKeysPresent !== undefined) {
    found.push({
      name: 'Account summary',
      api: { operation: 'GetAccountSummary', service: { name: 'iam.amazonaws.com' } },
      data: { AccountAccessKeysPresent: subject.accessKeysPresent },
    });
  }
  for (const { label, key } of labelledKeys(subject)) {
    found.push({
      name: `Root access key ${label}`,
      uid: label,
      resources: [
        {
          uid: label,
          type: 'AWS::IAM::AccessKey',
          ...definedFields({ created_time: dayToMs(key.created) }),
        },
      ],
      data: definedFields({
        state: key.active ? 'Active' : 'Inactive',
        last_used_date: key.lastUsedDate ?? 'never',
        last_used_service: key.lastUsedService,
        last_used_region: key.lastUsedRegion,
        last_rotated: key.created,
        source: subject.keySource,
      }),
    });
  }
  return found.length === 0 ? {} : { evidences: found };
}

function dayToMs(day: string | undefined): number | undefined {
  if (day === undefined) return undefined;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? undefined : ms;
}
