import type { AggregateEvaluation, ComplianceType } from '../config-responses.js';
import type { SimAccount } from './model.js';

/** Options of {@link generateAccounts}; an `…Every` of N marks accounts 0, N, 2N…, 0 marks none. */
export interface AccountsScenario {
  readonly count: number;
  /** @default 200000000000 */
  readonly firstAccountId?: number;
  /** An active root key in slot 1 (used in s3, us-east-1). @default 10 */
  readonly activeKeyEvery?: number;
  /** Only an inactive, never-used root key in slot 2. @default 0 */
  readonly inactiveKeyEvery?: number;
  /** No root password and no keys. @default 0 */
  readonly noRootCredentialsEvery?: number;
  /** Status SUSPENDED. @default 0 */
  readonly suspendedEvery?: number;
  /** AssumeRole denied. @default 0 */
  readonly assumeRoleDeniedEvery?: number;
}

/** Options of {@link generateAggregateEvaluations}. */
export interface AggregatorScenario {
  readonly accountCount: number;
  /** @default 200000000000 */
  readonly firstAccountId?: number;
  /** The rule's base name. @default 'root-access-key-rule' */
  readonly ruleName?: string;
  /** @default ['us-east-1'] */
  readonly regions?: readonly string[];
  /** Every Nth account NON_COMPLIANT (0: none). @default 10 */
  readonly nonCompliantEvery?: number;
  /** Every Nth account NOT_APPLICABLE, after non-compliant ones (0: none). @default 0 */
  readonly notApplicableEvery?: number;
  /** Unrelated rules evaluated in every account. @default ['iam-root-access-key-check', 'iam-password-policy'] */
  readonly otherRules?: readonly string[];
  /** Latest ResultRecordedTime; older ones step back a minute per account. @default 2026-11-28T06:00:00Z */
  readonly recordedAt?: Date;
}

const FIRST_ID = 200_000_000_000;

/** The 12-digit id of the i-th generated account. */
export function generatedAccountId(index: number, firstAccountId = FIRST_ID): string {
  return String(firstAccountId + index).padStart(12, '0');
}

/** Whether index i is marked by an `…Every` setting. */
function every(index: number, period: number | undefined): boolean {
  return period !== undefined && period > 0 && index % period === 0;
}

/** Deterministic accounts for organization-wide runs (1,000+ accounts). */
export function generateAccounts(scenario: AccountsScenario): SimAccount[] {
  return Array.from({ length: scenario.count }, (_, index): SimAccount => {
    const id = generatedAccountId(index, scenario.firstAccountId);
    const base = {
      id,
      name: `workload-${String(index).padStart(5, '0')}`,
      status: every(index, scenario.suspendedEvery) ? ('SUSPENDED' as const) : ('ACTIVE' as const),
      assumeRoleDenied: every(index, scenario.assumeRoleDeniedEvery),
    };
    if (every(index, scenario.activeKeyEvery ?? 10)) {
      return {
        ...base,
        rootKeys: { key1: { active: true, lastUsedDate: '2026-11-20T08:00:00+00:00' } },
      };
    }
    if (every(index, scenario.inactiveKeyEvery)) {
      return { ...base, rootKeys: { key2: { active: false } } };
    }
    return every(index, scenario.noRootCredentialsEvery)
      ? { ...base, passwordPresent: false }
      : base;
  });
}

/**
 * The rule's name in account i, as deployment gives it: bare in the first
 * (central) account, then alternately with a conformance-pack and an
 * organization-rule suffix.
 */
export function deployedRuleName(index: number, ruleName = 'root-access-key-rule'): string {
  if (index === 0) {
    return ruleName;
  }
  return index % 2 === 1
    ? `${ruleName}-conformance-pack-abc123de`
    : `OrgConfigRule-${ruleName}-xyz789gh`;
}

/** Deterministic aggregator contents for organization-wide reports (10,000+ accounts). */
export function generateAggregateEvaluations(scenario: AggregatorScenario): AggregateEvaluation[] {
  const recordedAt = (scenario.recordedAt ?? new Date('2026-11-28T06:00:00Z')).getTime();
  const regions = scenario.regions ?? ['us-east-1'];
  const otherRules = scenario.otherRules ?? ['iam-root-access-key-check', 'iam-password-policy'];
  const evaluations: AggregateEvaluation[] = [];
  for (let index = 0; index < scenario.accountCount; index += 1) {
    const accountId = generatedAccountId(index, scenario.firstAccountId);
    const resultRecordedTime = new Date(recordedAt - index * 60_000);
    const complianceType: ComplianceType = every(index, scenario.nonCompliantEvery ?? 10)
      ? 'NON_COMPLIANT'
      : every(index, scenario.notApplicableEvery)
        ? 'NOT_APPLICABLE'
        : 'COMPLIANT';
    for (const region of regions) {
      evaluations.push({
        accountId,
        region,
        ruleName: deployedRuleName(index, scenario.ruleName),
        complianceType,
        annotation: ANNOTATIONS[complianceType],
        resultRecordedTime,
      });
      for (const [ruleIndex, ruleName] of otherRules.entries()) {
        const other: ComplianceType = (index + ruleIndex) % 3 === 0 ? 'NON_COMPLIANT' : 'COMPLIANT';
        evaluations.push({
          accountId,
          region,
          ruleName,
          complianceType: other,
          resultRecordedTime,
        });
      }
    }
  }
  return evaluations;
}

const ANNOTATIONS: Record<ComplianceType, string> = {
  COMPLIANT: 'No root access key exists.',
  NON_COMPLIANT:
    'Root user has 1 access key: key 1 active, last used 2026-11-20 (s3, us-east-1), rotated 2019-03-02. Delete it.',
  NOT_APPLICABLE: 'The root user has no access keys and no password.',
  INSUFFICIENT_DATA: 'No evaluation yet.',
};
