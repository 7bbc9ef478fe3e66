import type * as events from 'aws-cdk-lib/aws-events';
import { complianceChangePattern, ROOT_KEY_EVENT_PATTERN } from '../../definition/detection.js';

/** A pattern as EventBridge writes it (`detail-type`), as a CDK `EventPattern`. */
function toEventPattern(pattern: {
  readonly source: readonly string[];
  readonly 'detail-type': readonly string[];
  readonly detail: unknown;
}): events.EventPattern {
  return {
    source: [...pattern.source],
    detailType: [...pattern['detail-type']],
    // The detail is plain JSON: a deep copy drops the readonly markers.
    detail: JSON.parse(JSON.stringify(pattern.detail)) as Record<string, unknown>,
  };
}

/** The EventBridge pattern of root key events (see `ROOT_KEY_EVENT_PATTERN`). */
export function rootKeyEventPattern(): events.EventPattern {
  return toEventPattern(ROOT_KEY_EVENT_PATTERN);
}

/** The EventBridge pattern of the rule's NON_COMPLIANT transitions (see `complianceChangePattern`). */
export function nonCompliantEventPattern(ruleName: string): events.EventPattern {
  return toEventPattern(complianceChangePattern(ruleName));
}
