import { type Case, EventKind } from './cases.js';
import { malformedEvent, validEvent } from './events.js';

/** The Lambda event of a case: valid as Config sends it, or broken as the case says. */
export function eventOf(c: Case): unknown {
  const valid = validEvent({
    mode: c.mode,
    accountId: c.facts.accountId,
    partition: c.partition,
    resultToken: c.resultToken,
    kind: c.eventKind === EventKind.Malformed ? 'periodic' : c.eventKind,
    ruleParameters: c.ruleParameters,
    variant: c.n,
  });
  return c.malformation === undefined ? valid : malformedEvent(valid, c.malformation, c.n);
}
