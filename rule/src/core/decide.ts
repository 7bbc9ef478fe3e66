import { ComplianceType } from '../../../definition/config.js';
import { countKeys } from './annotation.js';
import { keysExist, listedBy, onlyInactiveKeys, sourceName, Wording } from './decision-wording.js';
import { CredentialReportUnavailableError, RootKeysUnavailableError, RuleError } from './errors.js';
import {
  type AccountSummaryFacts,
  type Decision,
  type DecisionFacts,
  RootKeySource,
  type RootKeysOutcome,
} from './facts.js';
import type { RuleParameters } from './parameters.js';

/**
 * The rule's verdict: a pure function of the facts and the parameters that
 * applies the decision table (docs/rule.md), first match wins.
 *
 * @throws RootKeysUnavailableError (CredentialReportUnavailableError when the
 *   report is the source) when `ignoreInactiveKeys` is true, root keys exist
 *   and their details cannot tell whether one is active (row 7): the
 *   invocation must fail rather than guess
 */
export function decide(facts: DecisionFacts, parameters: RuleParameters): Decision {
  if (facts.eventLeftScope) {
    return {
      row: 1,
      compliance: ComplianceType.NotApplicable,
      annotation: Wording.leftScope,
    };
  }
  const { summary, keys } = facts;
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
      annotation: keysExist(summary, keys),
    };
  }
  return decideIgnoringInactive(summary, keys);
}

function decideIgnoringInactive(
  summary: AccountSummaryFacts,
  outcome: RootKeysOutcome | undefined,
): Decision {
  if (outcome?.kind !== 'available') {
    const reason = outcome?.kind === 'unavailable' ? outcome.reason : 'they were not read';
    throw unavailableError(
      outcome?.source,
      `Root access keys exist (${summary.accessKeysPresent}) and IgnoreInactiveKeys is true, but ${sourceName(outcome?.source)} is unavailable (${reason}); no evaluation is reported rather than a guess`,
    );
  }
  const { keys, source } = outcome.root;
  if (keys.some((key) => key.active)) {
    return {
      row: 5,
      compliance: ComplianceType.NonCompliant,
      annotation: keysExist(summary, outcome, true),
    };
  }
  if (keys.length < summary.accessKeysPresent) {
    throw unavailableError(
      source,
      `The account summary reports ${countKeys(summary.accessKeysPresent)} for the root user but ${listedBy(source)} ${keys.length}; it cannot prove the other keys inactive, so no evaluation is reported`,
    );
  }
  return {
    row: 6,
    compliance: ComplianceType.Compliant,
    annotation: onlyInactiveKeys(outcome.root),
  };
}

/** Row 7's error: the report's own kind when the report is the source. */
function unavailableError(
  source: RootKeySource | undefined,
  message: string,
): RootKeysUnavailableError {
  return source === RootKeySource.AccessKeyList
    ? new RootKeysUnavailableError(message)
    : new CredentialReportUnavailableError(message);
}

function checkedCount(value: number, field: string): number {
  if (Number.isInteger(value) && value >= 0) return value;
  throw new RuleError(
    `IAM account summary ${field} is invalid: received ${String(value)}; expected a whole number of 0 or more`,
  );
}
