import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { ComplianceType } from '../../definition/config.js';
import {
  RULE_METRICS_NAMESPACE,
  RULE_SERVICE_NAME,
  RuleMetric,
  RuleMetricDimension,
} from '../../definition/metrics.js';

/**
 * The rule's metrics (Powertools, CloudWatch embedded metric format: lines
 * on standard output that CloudWatch turns into metrics, no API call).
 */
export const metrics = new Metrics({
  namespace: RULE_METRICS_NAMESPACE,
  serviceName: RULE_SERVICE_NAME,
});

/** Counts one evaluation reported: in total, and by its result. */
export function recordEvaluation(compliance: ComplianceType): void {
  metrics.addMetric(RuleMetric.Evaluations, MetricUnit.Count, 1);
  metrics
    .singleMetric()
    .addDimension(RuleMetricDimension.Compliance, compliance)
    .addMetric(RuleMetric.Evaluations, MetricUnit.Count, 1);
}

/** Counts one failed invocation: in total, and by its cause (the error's class name). */
export function recordFailure(error: unknown): void {
  const cause = error instanceof Error ? error.name : 'Error';
  metrics.addMetric(RuleMetric.EvaluationFailures, MetricUnit.Count, 1);
  metrics
    .singleMetric()
    .addDimension(RuleMetricDimension.Cause, cause.slice(0, 250))
    .addMetric(RuleMetric.EvaluationFailures, MetricUnit.Count, 1);
}

/** Writes the metrics gathered in this invocation. */
export function publishMetrics(): void {
  metrics.publishStoredMetrics();
}
