/**
 * The names and identifiers the rule, the constructs and the command-line tool
 * accept, each defined once: what it must match, and that in words for error
 * messages and help texts.
 */

/** A kind of name: the pattern a valid one matches, and the pattern in words. */
export interface NameFormat {
  /** What a valid value matches (whole value). */
  readonly pattern: RegExp;
  /** What a valid value looks like, for messages: "a name of …". */
  readonly description: string;
}

/** A 12-digit AWS account id. */
export const AccountId = {
  pattern: /^\d{12}$/,
  description: 'a 12-digit account id',
} as const satisfies NameFormat;

/**
 * Config rule names as the project deploys them: valid both as a Config rule
 * name and as a conformance pack name (`[a-zA-Z][-a-zA-Z0-9]*`), so the pack
 * can carry the rule's name; 64 characters leave room for the suffixes Config
 * adds in member accounts.
 */
export const RuleName = {
  pattern: /^[A-Za-z][A-Za-z0-9-]{0,63}$/,
  description: 'a name of 1-64 letters, digits and hyphens that starts with a letter',
} as const satisfies NameFormat;

/** An e-mail address, as SNS e-mail subscriptions take it. */
export const EmailAddress = {
  pattern: /^[^@\s]+@[^@\s]+\.[^@\s]+$/,
  description: 'an e-mail address (name@example.com)',
} as const satisfies NameFormat;

/** Conformance pack names, as AWS Config accepts them. */
export const ConformancePackName = {
  pattern: /^[a-zA-Z][-a-zA-Z0-9]{0,255}$/,
  description: 'a name of 1-256 letters, digits and hyphens that starts with a letter',
} as const satisfies NameFormat;

/**
 * IAM role names, optionally under an IAM path: `Audit`, `security/Audit` or
 * `/security/team/Audit`. The name is 1-64 characters of letters, digits and
 * `+=,.@_-`; path segments use printable ASCII (IAM's path rule) but `:`, so
 * that a role ARN given by mistake is refused rather than read as a path.
 */
export const RoleName = {
  pattern: /^\/?(?:[\x21-\x2E\x30-\x39\x3B-\x7E]+\/)*[\w+=,.@-]{1,64}$/,
  description:
    'an IAM role name (1-64 letters, digits and +=,.@_-), optionally under a path such as security/RootKeyAudit',
} as const satisfies NameFormat;

/** Longest IAM path, in characters (`/` included). */
export const ROLE_PATH_MAX_LENGTH = 512;

/** An AWS Organizations organization id, such as `o-a1b2c3d4e5`. */
export const OrganizationId = {
  pattern: /^o-[a-z0-9]{10,32}$/,
  description: 'an organization id: o- and 10-32 lowercase letters or digits, such as o-a1b2c3d4e5',
} as const satisfies NameFormat;

/** An organizational unit id, such as `ou-ab12-cdefgh34`. */
export const OrganizationalUnitId = {
  pattern: /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/,
  description: 'an OU id (ou-<4-32 characters>-<8-32 characters>, such as ou-ab12-cdefgh34)',
} as const satisfies NameFormat;

/** An organization root id, such as `r-ab12`. */
export const RootId = {
  pattern: /^r-[0-9a-z]{4,32}$/,
  description: 'the root id (r-<4-32 characters>, such as r-ab12)',
} as const satisfies NameFormat;

/** An OU id or the root id: the targets a StackSet or a service control policy accepts. */
export const DeploymentTarget = {
  pattern: new RegExp(`${OrganizationalUnitId.pattern.source}|${RootId.pattern.source}`),
  description: `${OrganizationalUnitId.description} or ${RootId.description}`,
} as const satisfies NameFormat;

/** AWS Config configuration aggregator names. */
export const AggregatorName = {
  pattern: /^[\w-]{1,256}$/,
  description: 'an aggregator name of 1-256 letters, digits, _ and -',
} as const satisfies NameFormat;

/** A Lambda function ARN, optionally with a version or alias. */
export const FunctionArn = {
  pattern:
    /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]{1,128})?$/,
  description: 'a Lambda function ARN such as arn:aws:lambda:us-east-1:123456789012:function:name',
} as const satisfies NameFormat;

/** Whether `value` is a string that `format` accepts. */
export function isValid(format: NameFormat, value: unknown): value is string {
  return typeof value === 'string' && format.pattern.test(value);
}

/** Whether `value` is a 12-digit AWS account id. */
export function isAccountId(value: unknown): value is string {
  return isValid(AccountId, value);
}

/** The names the project gives its resources unless told otherwise. */
export const DefaultName = {
  /** The Config rule (and the conformance pack holding it). */
  rule: 'root-access-key-rule',
  /** The member role the central function assumes in each account of an organization. */
  memberRole: 'RootAccessKeyRuleMember',
  /** The organization aggregator. */
  aggregator: 'root-access-key-rule-organization',
} as const;

/** A role name split into its IAM path and its name. */
export interface RoleReference {
  /** The IAM path: `/` or `/security/team/`. */
  readonly path: string;
  /** The role's name, without the path. */
  readonly name: string;
  /** Path and name as a role ARN ends: `security/team/Audit`, or `Audit`. */
  readonly qualifiedName: string;
}

/**
 * Splits a role name given with or without an IAM path (`security/Audit`,
 * `/security/Audit`, `Audit`).
 *
 * @returns the parts, or undefined when {@link RoleName} does not accept the value
 */
export function roleReference(value: string): RoleReference | undefined {
  if (!RoleName.pattern.test(value)) return undefined;
  const segments = value.replace(/^\//, '').split('/');
  const name = segments.pop() ?? '';
  const path = segments.length === 0 ? '/' : `/${segments.join('/')}/`;
  if (path.length > ROLE_PATH_MAX_LENGTH) return undefined;
  return { path, name, qualifiedName: [...segments, name].join('/') };
}
