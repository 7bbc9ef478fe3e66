import { PARAMETER_SETTINGS, type RuleParameters } from '../definition/settings.js';
import type { Random } from './random.js';

/** The rule parameters a case draws: every one of the settings table that has choices. */
export type CaseParameters = Omit<RuleParameters, 'executionRoleName'>;

/** The rows of the settings table the soak draws values for: rule parameters with choices. */
const DRAWN = PARAMETER_SETTINGS.filter((row) => row.choices !== undefined);

/**
 * Draws a value for each rule parameter of the settings table (`SETTINGS`)
 * that has choices; a new parameter is drawn without a change here.
 */
export function drawParameters(random: Random): CaseParameters {
  return Object.fromEntries(
    DRAWN.map((row) => [row.name, random.pick(row.choices ?? [])]),
  ) as unknown as CaseParameters;
}

/**
 * The `ruleParameters` of a case's event: each drawn value as Config passes
 * it, a string, spelled in a case of its own (the rule matches keywords in
 * any case, as every surface does).
 */
export function spellParameters(
  random: Random,
  parameters: CaseParameters,
): Record<string, string> {
  const values = parameters as unknown as Readonly<Record<string, unknown>>;
  return Object.fromEntries(
    DRAWN.map((row) => {
      const text = String(values[row.name]);
      const spelled = random.pick([text, text.toLowerCase(), text.toUpperCase()]);
      return [row.parameter, spelled];
    }),
  );
}
