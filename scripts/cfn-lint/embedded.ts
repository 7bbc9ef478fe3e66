/**
 * Templates embedded in a synthesized template as strings: a StackSet's
 * `TemplateBody` (JSON) and a conformance pack's `TemplateBody` (YAML, often
 * an `Fn::Join` around the function's ARN). cfn-lint reads files, so they are
 * written out; the intrinsics inside are replaced by values of the shape
 * CloudFormation would put there, so the body is linted as deployed.
 */

/** The resources whose `TemplateBody` is itself a template. */
export const EMBEDDING_TYPES = {
  'AWS::CloudFormation::StackSet': 'stackset',
  'AWS::Config::ConformancePack': 'conformance-pack',
  'AWS::Config::OrganizationConformancePack': 'organization-conformance-pack',
} as const;

export interface EmbeddedTemplate {
  /** The embedding resource's logical id. */
  readonly logicalId: string;
  readonly kind: (typeof EMBEDDING_TYPES)[keyof typeof EMBEDDING_TYPES];
  /** The body as deployed (JSON or YAML text). */
  readonly body: string;
  /** `json` or `yaml`, for the file name cfn-lint reads. */
  readonly format: 'json' | 'yaml';
}

interface Resource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
}
export interface Template {
  readonly Resources?: Record<string, Resource>;
}

/** Where the stack is deployed: the values pseudo parameters take. */
export interface StackEnvironment {
  readonly account: string;
  readonly region: string;
  readonly partition: string;
}

/** What an environment-agnostic stack is linted as (`aws://unknown-account/unknown-region`). */
export const AGNOSTIC_STAND_IN = { account: '123456789012', region: 'us-east-1' } as const;

/**
 * Parses `aws://123456789012/us-east-1` (a CDK artifact's environment); an
 * environment-agnostic stack gets {@link AGNOSTIC_STAND_IN}.
 */
export function parseEnvironment(environment: string): StackEnvironment {
  const agnostic = `aws://${AGNOSTIC_STAND_IN.account}/${AGNOSTIC_STAND_IN.region}`;
  const match = /^aws:\/\/(\d{12})\/([a-z0-9-]+)$/.exec(
    environment.replace(/^aws:\/\/unknown-account\/unknown-region$/, agnostic),
  );
  if (match === null) {
    throw new Error(
      `the stack's environment is ${environment}: expected aws://<12-digit account>/<region> (synthesize with an explicit env)`,
    );
  }
  const [, account = '', region = ''] = match;
  const partition = region.startsWith('cn-')
    ? 'aws-cn'
    : region.startsWith('us-gov-')
      ? 'aws-us-gov'
      : 'aws';
  return { account, region, partition };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value CloudFormation puts in place of `GetAtt [logicalId, Arn]`. */
function arnOf(template: Template, logicalId: string, env: StackEnvironment): string {
  const type = template.Resources?.[logicalId]?.Type;
  const { partition, region, account } = env;
  switch (type) {
    case 'AWS::Lambda::Function':
      return `arn:${partition}:lambda:${region}:${account}:function:${logicalId}`;
    case 'AWS::IAM::Role':
      return `arn:${partition}:iam::${account}:role/${logicalId}`;
    default:
      throw new Error(
        `an embedded template refers to the Arn of ${logicalId} (${type ?? 'not in the template'}): expected a Lambda function or an IAM role; teach scripts/cfn-lint/embedded.ts its ARN`,
      );
  }
}

const PSEUDO = (env: StackEnvironment): Record<string, string> => ({
  'AWS::AccountId': env.account,
  'AWS::Region': env.region,
  'AWS::Partition': env.partition,
  'AWS::URLSuffix': env.partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com',
});

/** Resolves a `TemplateBody` value (a string or an `Fn::Join` of strings and intrinsics). */
export function resolveBody(value: unknown, template: Template, env: StackEnvironment): string {
  if (typeof value === 'string') return value;
  if (isRecord(value)) {
    const join = value['Fn::Join'];
    if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
      return join[1].map((part) => resolveBody(part, template, env)).join(join[0]);
    }
    const getAtt = value['Fn::GetAtt'];
    if (Array.isArray(getAtt) && getAtt[1] === 'Arn' && typeof getAtt[0] === 'string') {
      return arnOf(template, getAtt[0], env);
    }
    const ref = value.Ref;
    if (typeof ref === 'string' && ref in PSEUDO(env)) return PSEUDO(env)[ref] ?? '';
  }
  throw new Error(
    `an embedded template holds ${JSON.stringify(value)}: expected a string, Fn::Join, Fn::GetAtt <resource>.Arn or a pseudo parameter Ref`,
  );
}

/** Every template embedded in `template`, resolved for `env`. */
export function embeddedTemplates(template: Template, env: StackEnvironment): EmbeddedTemplate[] {
  return Object.entries(template.Resources ?? {}).flatMap(([logicalId, resource]) => {
    const kind = EMBEDDING_TYPES[resource.Type as keyof typeof EMBEDDING_TYPES];
    const value = resource.Properties?.TemplateBody;
    if (kind === undefined || value === undefined) return [];
    const body = resolveBody(value, template, env);
    const format = body.trimStart().startsWith('{') ? 'json' : 'yaml';
    return [{ logicalId, kind, body, format }];
  });
}
