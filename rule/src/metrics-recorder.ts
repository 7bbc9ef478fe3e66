import type { ComplianceType } from '../../definition/config.js';
import { logger } from './logger.js';

/** What an invocation ends with, for its metrics. */
export type InvocationOutcome =
  | { readonly compliance: ComplianceType }
  | { readonly error: unknown };

let metricsModule: Promise<typeof import('./metrics.js')> | undefined;

/**
 * Records and writes the metrics of an invocation. The metrics module
 * (Powertools Metrics) loads on the first call, once the verdict is reported:
 * the function's cold load does not pay for it, and neither does the
 * evaluation Config waits for. Never throws: a metric is not worth a failed
 * evaluation.
 */
export async function recordMetrics(outcome: InvocationOutcome): Promise<void> {
  try {
    metricsModule ??= import('./metrics.js');
    const metrics = await metricsModule;
    if ('compliance' in outcome) {
      metrics.recordEvaluation(outcome.compliance);
    } else {
      metrics.recordFailure(outcome.error);
    }
    metrics.publishMetrics();
  } catch (error) {
    logger.warn('Metrics were not written', { error: error as Error });
  }
}
