/**
 * The metrics the rule function emits (CloudWatch embedded metric format),
 * shared by the function and the alarms and dashboard that watch it.
 */

/** The CloudWatch namespace of the rule's metrics. */
export const RULE_METRICS_NAMESPACE = 'RootAccessKeyRule';

/** The `service` dimension every metric of the rule carries (Powertools' service name). */
export const RULE_SERVICE_NAME = 'root-access-key-rule';

/** Metric names. */
export const RuleMetric = {
  /** Evaluations reported to AWS Config; also by `Compliance`. */
  Evaluations: 'Evaluations',
  /** Invocations that reported nothing; also by `Cause` (the error's class). */
  EvaluationFailures: 'EvaluationFailures',
} as const;

/** One of the values of {@link RuleMetric}. */
export type RuleMetric = (typeof RuleMetric)[keyof typeof RuleMetric];

/** Dimension names besides `service`. */
export const RuleMetricDimension = {
  Service: 'service',
  Compliance: 'Compliance',
  Cause: 'Cause',
} as const;
