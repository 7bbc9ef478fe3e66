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

/**
 * A test for the name Config gives the rule of a conformance pack in each
 * member account, `<name>-conformance-pack-<suffix>`: the only name the rule
 * of an organization conformance pack has. The account's own rule (bare
 * name) and organization rules (`OrgConfigRule-<name>-<suffix>`) are not it.
 */
export function packRuleMatcher(ruleName: string): (candidate: string) => boolean {
  const pattern = new RegExp(`^${escapeRegExp(ruleName)}-conformance-pack-${SUFFIX}$`);
  return (candidate) => pattern.test(candidate);
}

/**
 * What a reader needs of a deployed rule name, for a table: `rule` for the
 * name itself, `pack <suffix>` for a conformance pack's copy, `org rule
 * <suffix>` for an organization rule's; any other name unchanged.
 */
export function shortRuleName(deployedName: string, ruleName: string): string {
  if (deployedName === ruleName) return 'rule';
  const name = escapeRegExp(ruleName);
  const pack = new RegExp(`^${name}-conformance-pack-(${SUFFIX})$`).exec(deployedName);
  if (pack) return `pack ${pack[1]}`;
  const org = new RegExp(`^OrgConfigRule-${name}-(${SUFFIX})$`).exec(deployedName);
  if (org) return `org rule ${org[1]}`;
  return deployedName;
}
