import { describe, expect, it } from 'vitest';
import { ruleNameMatcher, shortRuleName } from '../../definition/rule-names.js';

const matches = ruleNameMatcher('root-access-key-rule');

describe('ruleNameMatcher', () => {
  it.each([
    'root-access-key-rule',
    'root-access-key-rule-conformance-pack-abc123de',
    'OrgConfigRule-root-access-key-rule-xyz789gh',
  ])('matches the name Config gives the rule: %s', (name) => {
    expect(matches(name)).toBe(true);
  });

  it.each([
    'root-access-key-rule-v2',
    'root-access-key-rule-v2-conformance-pack-abc123de',
    'OrgConfigRule-root-access-key-rule-v2-xyz789gh',
    'OrgConfigRule-root-access-key-rule',
    'root-access-key-rule-conformance-pack-',
    'my-root-access-key-rule',
    'ROOT-ACCESS-KEY-RULE',
    'iam-root-access-key-check',
    'root-access-key-rule-conformance-pack-abc123de-extra',
  ])('does not match another rule: %s', (name) => {
    expect(matches(name)).toBe(false);
  });

  it('treats regular-expression characters in the name literally', () => {
    const dotted = ruleNameMatcher('a.b');
    expect(dotted('a.b')).toBe(true);
    expect(dotted('axb')).toBe(false);
  });
});

describe('shortRuleName', () => {
  it('names the way the rule was deployed, with the suffix Config gave it', () => {
    expect(shortRuleName('root-access-key-rule', 'root-access-key-rule')).toBe('rule');
    expect(
      shortRuleName('root-access-key-rule-conformance-pack-abc123de', 'root-access-key-rule'),
    ).toBe('pack abc123de');
    expect(
      shortRuleName('OrgConfigRule-root-access-key-rule-xyz789gh', 'root-access-key-rule'),
    ).toBe('org rule xyz789gh');
  });

  it('leaves other names whole', () => {
    expect(shortRuleName('root-access-key-rule-v2', 'root-access-key-rule')).toBe(
      'root-access-key-rule-v2',
    );
  });
});
