import { ComplianceType } from '../../../definition/config.js';
import { countKeys } from './annotation.js';
import { keysExist, onlyInactiveKeys, Wording } from './decision-wording.js';
import { CredentialReportUnavailableError, RuleError } from './errors.js';
import type {
  AccountSummaryFacts,
  CredentialReportOutcome,
  Decision,
  DecisionFacts,
} from './facts.js';
import type { RuleParameters } from './parameters.js';

/**
 * The rule's verdict: a pure function of the facts and the parameters that
 * applies the decision table (docs/rule.md), first match wins.
 *
 * @throws CredentialReportUnavailableError when `ignoreInactiveKeys` is true,
 *   root keys exist and the report cannot tell whether one is active (row 7):
 *   the invocation must fail rather than guess
 */
export function decide(facts: DecisionFacts, parameters: RuleParameters): Decision {
  if (facts.eventLeftScope) {
    return {
      row: 1,
      compliance: ComplianceType.NotApplicable,
      annotation: Wording.leftScope,
    };
  }
  const { summary, report } = facts;
  const keyCount = checkedCount(summary.accessKeysPresent, 'AccountAccessKeysPresent');
  const passwordCount =
    summary.passwordPresent === undefined
      ? undefined
      : checkedCount(summary.passwordPresent, 'AccountPasswordPresent');
  if (keyCount === 0 && passwordCount === 0) {
    return {
      row: 2,
      compliance: parameters.rootWithoutCredentials,
      annotation: Wording.noCredentials,
    };
  }
  if (keyCount === 0) {
    return {
      row: 3,
      compliance: ComplianceType.Compliant,
      annotation: Wording.noKey,
    };
  }
  if (!parameters.ignoreInactiveKeys) {
    return {
      row: 4,
      compliance: ComplianceType.NonCompliant,
      annotation: keysExist(summary, report),
    };
  }
  return decideIgnoringInactive(summary, report);
}

function decideIgnoringInactive(
  summary: AccountSummaryFacts,
  report: CredentialReportOutcome | undefined,
): Decision {
  if (report?.kind !== 'available') {
    const reason = report?.kind === 'unavailable' ? report.reason : 'it was not fetched';
    throw new CredentialReportUnavailableError(
      `Root access keys exist (${summary.accessKeysPresent}) and IgnoreInactiveKeys is true, but the credential report is unavailable (${reason}); no evaluation is reported rather than a guess`,
    );
  }
  const { keys } = report.root;
  if (keys.some((key) => key.active)) {
    return {
      row: 5,
      compliance: ComplianceType.NonCompliant,
      annotation: keysExist(summary, report),
    };
  }
  if (keys.length < summary.accessKeysPresent) {
    throw new CredentialReportUnavailableError(
      `The account summary reports ${countKeys(summary.accessKeysPresent)} for the root user but the credential report, which can be up to 4 hours old, lists ${keys.length}; it cannot prove the other keys inactive, so no evaluation is reported`,
    );
  }
  return {
    row: 6,
    compliance: ComplianceType.Compliant,
    annotation: onlyInactiveKeys(keys),
  };
}

function checkedCount(value: number, field: string): number {
  if (Number.isInteger(value) && value >= 0) return value;
  throw new RuleError(
    `IAM account summary ${field} is invalid: received ${String(value)}; expected a whole number of 0 or more`,
  );
}
