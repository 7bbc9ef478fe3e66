/** The characters a Config suffix is made of: no hyphen, so `-v2` never passes for one. */
const SUFFIX = '[A-Za-z0-9]+';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A test for the names a rule gets in the accounts of an aggregator: its own
 * name (the account that deployed it), `<name>-conformance-pack-<suffix>`
 * (conformance packs) and `OrgConfigRule-<name>-<suffix>` (organization
 * rules). Anything else, such as `<name>-v2` or `<name>-v2-conformance-pack-x`,
 * is another rule.
 */
export function ruleNameMatcher(ruleName: string): (candidate: string) => boolean {
  const name = escapeRegExp(ruleName);
  const pattern = new RegExp(
    `^(?:${name}|${name}-conformance-pack-${SUFFIX}|OrgConfigRule-${name}-${SUFFIX})$`,
  );
  return (candidate) => pattern.test(candidate);
}
