import { InvalidSettingError } from '../../definition/errors.js';
import { ParameterName } from '../../definition/settings.js';

/**
 * Every context key the app reads (`-c key=value` or `context` in cdk.json).
 * The organization keys are read by the organization deployment only.
 */
export const ContextKey = {
  Deployment: 'deployment',
  Packaging: 'packaging',
  RuleName: 'ruleName',
  Frequency: 'frequency',
  IgnoreInactiveKeys: 'ignoreInactiveKeys',
  RootWithoutCredentials: 'rootWithoutCredentials',
  LogRetentionDays: 'logRetentionDays',
  ReserveConcurrency: 'reserveConcurrency',
  OrganizationId: 'organizationId',
  OrganizationalUnitIds: 'organizationalUnitIds',
  ExcludedAccounts: 'excludedAccounts',
  MemberRoleName: 'memberRoleName',
  MaxConcurrency: 'maxConcurrency',
  Aggregator: 'aggregator',
  AggregatorName: 'aggregatorName',
  DelegatedAdmin: 'delegatedAdmin',
  PreventRootAccessKeys: 'preventRootAccessKeys',
  RestrictInvokeToOrganization: 'restrictInvokeToOrganization',
  RealtimeDetection: 'realtimeDetection',
  AlertEmail: 'alertEmail',
} as const;

/** One of the values of {@link ContextKey}. */
export type ContextKey = (typeof ContextKey)[keyof typeof ContextKey];

/** The keys only an organization deployment reads. */
export const ORGANIZATION_CONTEXT_KEYS: readonly ContextKey[] = [
  ContextKey.OrganizationId,
  ContextKey.OrganizationalUnitIds,
  ContextKey.ExcludedAccounts,
  ContextKey.MemberRoleName,
  ContextKey.MaxConcurrency,
  ContextKey.Aggregator,
  ContextKey.AggregatorName,
  ContextKey.DelegatedAdmin,
  ContextKey.PreventRootAccessKeys,
  ContextKey.RestrictInvokeToOrganization,
];

const CONTEXT_KEYS: ReadonlySet<string> = new Set(Object.values(ContextKey));

/** Context keys of the CDK itself that carry neither `@` nor `:`. */
const CDK_KEYS: ReadonlySet<string> = new Set(['cli-telemetry', 'acknowledged-issue-numbers']);

/**
 * Names people reach for that are not context keys, with the key that does
 * the job: rule parameters and Config properties that have no key of their own name.
 */
const NAMES_OF_OTHER_THINGS: Readonly<Record<string, ContextKey>> = {
  [ParameterName.ExecutionRoleName]: ContextKey.MemberRoleName,
  MaximumExecutionFrequency: ContextKey.Frequency,
  ConfigRuleName: ContextKey.RuleName,
};

/**
 * Whether a key belongs to the CDK (feature flags `@aws-cdk/…`, `aws:cdk:…`
 * settings, cached lookups such as `availability-zones:account=…`).
 */
function isCdkKey(key: string): boolean {
  return key.startsWith('@') || key.includes(':') || CDK_KEYS.has(key);
}

/** A key in a form that ignores case, hyphens and underscores: `rule-name` → `rulename`. */
function loose(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The context key an unknown key most likely means: the same key in another
 * spelling (`IgnoreInactiveKeys`, `rule-name`), the key that sets a rule
 * parameter or Config property of that name, or a key one or two typos away.
 */
export function suggestContextKey(key: string): ContextKey | undefined {
  const known = Object.values(ContextKey);
  const exact = known.find((candidate) => loose(candidate) === loose(key));
  if (exact !== undefined) return exact;
  const other = Object.entries(NAMES_OF_OTHER_THINGS).find(([name]) => loose(name) === loose(key));
  if (other !== undefined) return other[1];
  return known.find((candidate) => editDistance(loose(candidate), loose(key)) <= 2);
}

/**
 * Fails on any context key that is neither the app's nor the CDK's, in any
 * spelling, so that `-c IgnoreInactiveKeys=true`, `-c rule-name=x` or a typo
 * such as `-c frequncy=One_Hour` never synthesizes with a default in silence.
 *
 * @param values the context of the app, e.g. `app.node.getAllContext()`
 * @throws InvalidSettingError naming each unknown key, with the key it likely means
 */
export function assertKnownContextKeys(values: Readonly<Record<string, unknown>>): void {
  const unknown = Object.keys(values).filter((key) => !isCdkKey(key) && !CONTEXT_KEYS.has(key));
  if (unknown.length === 0) return;
  const described = unknown.map((key) => {
    const suggestion = suggestContextKey(key);
    return suggestion === undefined ? `"${key}"` : `"${key}" (did you mean "${suggestion}"?)`;
  });
  throw new InvalidSettingError(
    `Unknown context key${unknown.length > 1 ? 's' : ''} ${described.join(', ')}; context keys are case-sensitive camelCase words; allowed keys: ${[...CONTEXT_KEYS].join(', ')}`,
  );
}

/** Levenshtein distance of two short strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
