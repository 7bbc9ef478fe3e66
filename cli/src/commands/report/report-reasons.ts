/*
 * Why `report` rows have no result, in words (free of AWS SDK types: part of
 * the declarations of `root-access-key-rule/cli`).
 */

/**
 * Why a row is INSUFFICIENT_DATA. Aggregators return only COMPLIANT and
 * NON_COMPLIANT results, so "not evaluated yet" and NOT_APPLICABLE look alike.
 */
export const NO_RESULT_REASON =
  'no COMPLIANT or NON_COMPLIANT result in the aggregator: the rule has not evaluated this account and Region yet (or failed there), or it reported NOT_APPLICABLE, which aggregators do not return';

/** How {@link NO_RESULT_REASON} ends in an error row: what to do about it. */
export const NO_RESULT_ADVICE =
  '; check the account with evaluate, or pass --allow-insufficient-data if the rule reports NOT_APPLICABLE (RootWithoutCredentials=NOT_APPLICABLE)';
