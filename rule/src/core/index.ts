/**
 * The rule's pure core, free of the AWS SDK: the decision table, the facts it
 * decides from, the annotation's wording, the rule parameters and the rule's
 * errors. `root-access-key-rule/rule` re-exports all of it; the command-line
 * tool's types import it from here so that its declarations need no SDK.
 *
 * @example
 * ```ts
 * import { decide } from 'root-access-key-rule/rule';
 *
 * const verdict = decide(facts, parameters);
 * ```
 *
 * @packageDocumentation
 */

export { describeKey } from './annotation.js';
export type { ArnParts } from './arn.js';
export { executionRoleArn, parseArn } from './arn.js';
export { decide } from './decide.js';
export * from './errors.js';
export type { ConfigRuleEvent, ParsedEvent } from './event.js';
export { parseConfigRuleEvent } from './event.js';
export type * from './facts.js';
export type { ParsedParameters, RuleParameters } from './parameters.js';
export { parseRuleParameters } from './parameters.js';
