import type { AccountClients } from '../../aws/account-clients.js';
import type { Deadline } from '../../aws/backoff.js';
import { buildAsffFinding } from '../../definition/findings/asff.js';
import type { FindingSubject } from '../../definition/findings/finding-subject.js';
import { DefaultName } from '../../definition/names.js';
import { definedFields } from '../../definition/objects.js';
import type { ParsedEvent } from './core/event.js';
import type { Decision } from './core/facts.js';
import type { AccountEvaluation } from './evaluate-account.js';
import { logger } from './logger.js';

/** What became of one finding import, for metrics. */
export interface FindingImportOutcome {
  readonly imported: boolean;
  /** The error's name when the import failed (`AccessDeniedError`, `DeadlineExceededError`, …). */
  readonly errorName?: string;
}

/** What {@link reportFinding} needs. */
export interface ReportFindingInput {
  readonly event: ParsedEvent;
  readonly decision: Decision;
  readonly evaluation: AccountEvaluation | undefined;
  readonly clients: AccountClients;
  /** Time left for the import. */
  readonly deadline: Deadline;
  /** The tool's version, in the finding. */
  readonly productVersion: string;
}

/**
 * Imports the evaluation's ASFF finding into Security Hub in the evaluated
 * account (the clients' credentials) and the rule's Region (the client's).
 * Never throws: the Config result is already reported and stands; a failure
 * (Security Hub not enabled, denied, throttled, stalled) is logged once, with
 * its cause, and returned for the metrics.
 */
export async function reportFinding(input: ReportFindingInput): Promise<FindingImportOutcome> {
  try {
    // The adapter and the client load only here: the default deployment never pays for them.
    const { importFindings } = await import('./aws/security-hub.js');
    const client = await input.clients.securityHub();
    const region = await client.config.region();
    await importFindings(client, [buildAsffFinding(findingSubject(input, region))], input.deadline);
    return { imported: true };
  } catch (error) {
    logger.warn('Security Hub finding not imported; the Config result stands', {
      accountId: input.event.accountId,
      error: error as Error,
    });
    return { imported: false, errorName: error instanceof Error ? error.name : 'Error' };
  }
}

function findingSubject(input: ReportFindingInput, region: string): FindingSubject {
  const { event, decision, evaluation } = input;
  const keys = evaluation?.keys?.kind === 'available' ? evaluation.keys.root : undefined;
  return {
    accountId: event.accountId,
    partition: event.partition ?? 'aws',
    region,
    ruleName: event.configRuleName ?? DefaultName.rule,
    result: decision.compliance,
    annotation: decision.annotation,
    observedAt: new Date().toISOString(),
    productVersion: input.productVersion,
    ...definedFields({
      accessKeysPresent: evaluation?.summary.accessKeysPresent,
      keys: keys?.keys,
      keySource: keys?.source,
    }),
  };
}
