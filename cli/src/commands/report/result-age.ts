import type { ConfigRuleSchedule } from '../../../../aws/config-rules.js';
import { FREQUENCY_HOURS, type Frequency } from '../../../../definition/settings.js';

/*
 * How old a result may be and still count. Config keeps a rule's last result
 * when an invocation fails (the rule fails on purpose when it cannot prove
 * its answer), so a result's age is the only sign that the rule stopped
 * evaluating: a COMPLIANT result from last year is no evidence today.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The maximum age when the rule's period cannot be known. */
export const DEFAULT_MAX_RESULT_AGE_MS = 48 * HOUR;

/** Longest `--max-result-age`: a year. */
export const MAX_RESULT_AGE_LIMIT_MS = 366 * DAY;

/** The maximum age of a counted result, and where it comes from. */
export interface MaxResultAge {
  readonly ms: number;
  /** Why this age, e.g. `twice the TwentyFour_Hours period of rule x in the caller's account`. */
  readonly source: string;
}

/** `48h`, `3d`, `5d 4h`, `5h 12m`, `0m`: days from three days on, else hours and minutes. */
export function formatAge(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const rest = minutes % 60;
  if (days >= 3) {
    return [`${days}d`, hours > 0 ? `${hours}h` : ''].filter(Boolean).join(' ');
  }
  const totalHours = days * 24 + hours;
  if (totalHours === 0) return `${rest}m`;
  return [`${totalHours}h`, rest > 0 ? `${rest}m` : ''].filter(Boolean).join(' ');
}

/**
 * The maximum age of a counted result: `--max-result-age` when given; else
 * twice the period of the deployed rule found in the caller's account (the
 * longest, if several); else 48 hours, saying why.
 */
export function maxResultAge(
  given: number | undefined,
  rules: readonly ConfigRuleSchedule[] | { readonly error: string },
): MaxResultAge {
  if (given !== undefined) return { ms: given, source: '--max-result-age' };
  const fallback = "the default, as the rule's period is unknown";
  if (!Array.isArray(rules)) {
    return {
      ms: DEFAULT_MAX_RESULT_AGE_MS,
      source: `${fallback}: ${(rules as { error: string }).error}`,
    };
  }
  const periods = (rules as readonly ConfigRuleSchedule[]).map((rule) => ({
    rule,
    frequency: (rule.maximumExecutionFrequency ?? 'TwentyFour_Hours') as Frequency,
  }));
  const known = periods.filter(({ frequency }) => FREQUENCY_HOURS[frequency] !== undefined);
  if (known.length === 0) {
    return {
      ms: DEFAULT_MAX_RESULT_AGE_MS,
      source: `${fallback}: no rule of that name in the caller's account and Region`,
    };
  }
  const longest = known.reduce((a, b) =>
    FREQUENCY_HOURS[b.frequency] > FREQUENCY_HOURS[a.frequency] ? b : a,
  );
  return {
    ms: 2 * FREQUENCY_HOURS[longest.frequency] * HOUR,
    source: `twice the ${longest.frequency} period of rule ${longest.rule.name} in the caller's account`,
  };
}
