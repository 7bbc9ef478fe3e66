import { classifyComplianceChange, type NonCompliantChange } from './compliance-change.js';
import { classifyRootKeyEvent, type RootKeyEvent } from './root-key-event.js';

/** What the alert function does with an event. */
export type Classification =
  /** The root user has a new or re-activated key: alert, and have the rule evaluated again. */
  | { readonly kind: 'root-key'; readonly event: RootKeyEvent }
  /** The root user tried and AWS refused: alert only, nothing changed in the account. */
  | { readonly kind: 'blocked-attempt'; readonly event: RootKeyEvent }
  /** The rule's result turned NON_COMPLIANT: alert with its annotation. */
  | { readonly kind: 'non-compliant'; readonly change: NonCompliantChange }
  /** Anything else: no alert, no call. */
  | { readonly kind: 'ignored'; readonly reason: string };

/**
 * Classifies an event the alert function receives: an IAM CloudTrail event
 * of the root user's keys, AWS Config's compliance change of the rule, or
 * anything else (ignored, with the reason).
 *
 * @param ruleName the rule's name, to recognise its compliance changes
 * @example
 * classify(event, 'root-access-key-rule').kind // 'root-key' | 'blocked-attempt' | 'non-compliant' | 'ignored'
 */
export function classify(event: unknown, ruleName: string): Classification {
  const rootKey = classifyRootKeyEvent(event);
  if (rootKey.kind === 'root-key') {
    return rootKey.event.errorCode === undefined
      ? { kind: 'root-key', event: rootKey.event }
      : { kind: 'blocked-attempt', event: rootKey.event };
  }
  const change = classifyComplianceChange(event, ruleName);
  if (change.kind === 'non-compliant') return change;
  return { kind: 'ignored', reason: isCloudTrail(event) ? rootKey.reason : change.reason };
}

function isCloudTrail(event: unknown): boolean {
  return (
    typeof event === 'object' &&
    event !== null &&
    (event as Record<string, unknown>).source === 'aws.iam'
  );
}
