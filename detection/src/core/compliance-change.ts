import { ComplianceType } from '../../../definition/config.js';
import { COMPLIANCE_CHANGE_DETAIL_TYPE } from '../../../definition/detection.js';
import { isAccountId } from '../../../definition/names.js';
import { definedFields } from '../../../definition/objects.js';
import { ruleNameMatcher } from '../../../definition/rule-names.js';
import { field, isRecord, text } from './fields.js';

/** A change of the rule's result to NON_COMPLIANT in one account, from AWS Config's event. */
export interface NonCompliantChange {
  readonly accountId: string;
  readonly region?: string;
  /** The rule's name as deployed in that account (with a pack's suffix). */
  readonly configRuleName: string;
  /** The rule's annotation: what it found. */
  readonly annotation?: string;
  /** The result before: another compliance type, or absent for a first result. */
  readonly previousCompliance?: string;
  readonly resultRecordedTime?: string;
}

/** The verdict on an event: a transition to NON_COMPLIANT of this rule, or why it is none. */
export type ComplianceChangeVerdict =
  | { readonly kind: 'non-compliant'; readonly change: NonCompliantChange }
  | { readonly kind: 'ignored'; readonly reason: string };

const ignored = (reason: string): ComplianceChangeVerdict => ({ kind: 'ignored', reason });

/**
 * Decides whether a "Config Rules Compliance Change" event is this rule's
 * result turning NON_COMPLIANT. Config sends one such event per change of a
 * resource's result, so an alert per event is an alert per transition; an
 * event whose old result was already NON_COMPLIANT (an annotation that
 * changed) raises none.
 *
 * @param ruleName the rule's name, which its deployed copies extend with a suffix
 */
export function classifyComplianceChange(
  event: unknown,
  ruleName: string,
): ComplianceChangeVerdict {
  if (!isRecord(event)) return ignored('the event is not a JSON object');
  if (event['detail-type'] !== COMPLIANCE_CHANGE_DETAIL_TYPE || event.source !== 'aws.config') {
    return ignored('not a Config compliance change event');
  }
  const detail = event.detail;
  if (!isRecord(detail)) return ignored('the event has no detail object');
  const configRuleName = text(detail.configRuleName);
  if (configRuleName === undefined || !ruleNameMatcher(ruleName)(configRuleName)) {
    return ignored(`rule ${JSON.stringify(detail.configRuleName)} is not ${ruleName}`);
  }
  if (field(detail, 'newEvaluationResult', 'complianceType') !== ComplianceType.NonCompliant) {
    return ignored('the new result is not NON_COMPLIANT');
  }
  const previous = text(field(detail, 'oldEvaluationResult', 'complianceType'));
  if (previous === ComplianceType.NonCompliant) {
    return ignored('the result was already NON_COMPLIANT');
  }
  const accountId = [detail.awsAccountId, event.account].find(isAccountId);
  if (accountId === undefined) return ignored('the event names no 12-digit account id');
  const optional = {
    region: text(detail.awsRegion) ?? text(event.region),
    annotation: text(field(detail, 'newEvaluationResult', 'annotation')),
    previousCompliance: previous,
    resultRecordedTime: text(field(detail, 'newEvaluationResult', 'resultRecordedTime')),
  };
  return {
    kind: 'non-compliant',
    change: {
      accountId,
      configRuleName,
      ...definedFields(optional),
    },
  };
}
