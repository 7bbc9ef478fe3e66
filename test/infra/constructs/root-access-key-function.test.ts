import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type App, Duration, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { ACCEPTED_TRIGGERS_VARIABLE, AcceptedTriggers } from '../../../definition/config.js';
import { InvalidSettingError } from '../../../definition/errors.js';
import { packageRoot } from '../../../definition/package-root.js';
import {
  HANDLER_ASSET_PATH,
  HANDLER_FILE,
  HANDLER_NAME,
  handlerAssetDirectory,
} from '../../../infra/constructs/handler-asset.js';
import {
  ROOT_ACCESS_KEY_FUNCTION_DEFAULTS,
  RootAccessKeyFunction,
  type RootAccessKeyFunctionProps,
} from '../../../infra/constructs/root-access-key-function.js';
import { errorOf, onlyResource, synthesizeOnce, TEST_ENV, testApp } from '../support.js';

/** Builds a function in a stack of its own, unsynthesized: for the props it refuses. */
function build(props: RootAccessKeyFunctionProps = {}) {
  const stack = new Stack(testApp(), 'Test', { env: TEST_ENV });
  return new RootAccessKeyFunction(stack, 'Function', props);
}

const fn =
  (props: RootAccessKeyFunctionProps = {}) =>
  (stack: Stack) =>
    new RootAccessKeyFunction(stack, 'Function', props);

/** Every configuration the tests read, synthesized once. */
const synthesized = synthesizeOnce({
  defaults: fn(),
  withoutOwnAccount: fn({ ownAccountPermissions: false }),
  custom: fn({
    memorySize: 512,
    timeout: Duration.seconds(120),
    reservedConcurrentExecutions: 3,
    logRetention: logs.RetentionDays.ONE_MONTH,
    functionName: 'root-keys',
  }),
  periodic: fn({ acceptedTriggers: AcceptedTriggers.Periodic }),
  asyncInvoke: fn({ retryAttempts: 0, maxEventAge: Duration.hours(1) }),
  organizationPolicy: (stack) => {
    const construct = new RootAccessKeyFunction(stack, 'Function');
    const first = construct.allowConfigInvokeFromOrganization('o-abcdefghij');
    return { construct, again: construct.allowConfigInvokeFromOrganization('o-abcdefghij'), first };
  },
  permission: (stack) => {
    const construct = new RootAccessKeyFunction(stack, 'Function');
    return { first: construct.allowConfigInvoke(), again: construct.allowConfigInvoke() };
  },
  otherAccounts: (stack) => {
    const construct = new RootAccessKeyFunction(stack, 'Function');
    construct.allowConfigInvoke({ id: 'Other', sourceAccount: '222222222222' });
    construct.allowConfigInvoke({ id: 'Any', anySourceAccount: true });
  },
});

/** A configuration's template. */
const templateOf = (name: keyof ReturnType<typeof synthesized>) => synthesized()[name].template;

/** Every statement of every IAM policy of the template. */
function statements(template: Template): Record<string, unknown>[] {
  return Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
    (policy) => policy.Properties.PolicyDocument.Statement,
  );
}

const actionsOf = (statement: Record<string, unknown>) =>
  ([] as unknown[]).concat(statement.Action).map(String).sort();

describe('RootAccessKeyFunction', () => {
  it('runs the rule handler on the newest Node.js runtime, arm64, with the documented defaults', () => {
    templateOf('defaults').hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 256,
      Timeout: 60,
      ReservedConcurrentExecutions: 1,
    });
    expect(ROOT_ACCESS_KEY_FUNCTION_DEFAULTS).toEqual({
      memorySizeMb: 256,
      timeoutSeconds: 60,
      reservedConcurrentExecutions: 1,
      logRetentionDays: 365,
    });
  });

  it('deploys the prebuilt handler bundle of the package, unchanged', () => {
    const { stack, template } = synthesized().defaults;
    const { resource } = onlyResource(template, 'AWS::Lambda::Function');
    expect(resource.Properties.Handler).toBe(HANDLER_NAME);
    const assembly = stack.node.root as App;
    const key = String((resource.Properties.Code as { S3Key?: unknown }).S3Key);
    const staged = join(assembly.outdir, `asset.${key.replace(/\.zip$/, '')}`, HANDLER_FILE);
    const shipped = join(handlerAssetDirectory(), HANDLER_FILE);
    expect(handlerAssetDirectory()).toBe(join(packageRoot(), HANDLER_ASSET_PATH));
    expect(readFileSync(staged).equals(readFileSync(shipped))).toBe(true);
  });

  it('logs to its own log group with a retention', () => {
    const template = templateOf('defaults');
    const logGroup = onlyResource(template, 'AWS::Logs::LogGroup');
    expect(logGroup.resource.Properties.RetentionInDays).toBe(365);
    template.hasResourceProperties('AWS::Lambda::Function', {
      LoggingConfig: { LogGroup: { Ref: logGroup.id } },
    });
  });

  it('allows exactly the rule actions, and writing to its own log group, with no wildcard action', () => {
    const template = templateOf('defaults');
    const all = statements(template);
    const logGroupId = onlyResource(template, 'AWS::Logs::LogGroup').id;
    expect(all).toHaveLength(3);
    expect(all.map(actionsOf)).toEqual([
      ['logs:CreateLogStream', 'logs:PutLogEvents'],
      ['iam:GenerateCredentialReport', 'iam:GetAccountSummary', 'iam:GetCredentialReport'],
      ['config:PutEvaluations'],
    ]);
    expect(all.every((statement) => statement.Effect === 'Allow')).toBe(true);
    expect(all.flatMap(actionsOf).some((action) => action.includes('*'))).toBe(false);
    expect(all[0]?.Resource).toEqual({ 'Fn::GetAtt': [logGroupId, 'Arn'] });
  });

  it('has no managed policy and is assumable by Lambda only', () => {
    const role = onlyResource(templateOf('defaults'), 'AWS::IAM::Role').resource;
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    expect(role.Properties.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'lambda.amazonaws.com' },
        },
      ],
    });
  });

  it('without own-account permissions, may only write its logs', () => {
    expect(statements(templateOf('withoutOwnAccount')).map(actionsOf)).toEqual([
      ['logs:CreateLogStream', 'logs:PutLogEvents'],
    ]);
  });

  it('applies its props', () => {
    const template = templateOf('custom');
    template.hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 512,
      Timeout: 120,
      ReservedConcurrentExecutions: 3,
      FunctionName: 'root-keys',
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it.each<[string, RootAccessKeyFunctionProps, string]>([
    ['memorySize', { memorySize: 64 }, '128 to 10240'],
    ['timeout', { timeout: Duration.seconds(5) }, '15 to 900 seconds'],
    ['reservedConcurrentExecutions', { reservedConcurrentExecutions: 0 }, 'at least 1'],
    ['logRetention', { logRetention: 10 as logs.RetentionDays }, '1, 3, 5, 7'],
    ['acceptedTriggers', { acceptedTriggers: 'change' as never }, 'all, periodic'],
    ['retryAttempts', { retryAttempts: 3 }, 'from 0 to 2'],
    ['maxEventAge', { maxEventAge: Duration.seconds(30) }, '60 seconds to 6 hours'],
    ['maxEventAge', { maxEventAge: Duration.hours(7) }, '60 seconds to 6 hours'],
  ])('rejects an invalid %s, naming the prop and the allowed values', (name, props, allowed) => {
    const error = errorOf(() => build(props));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toContain(`prop ${name}`);
    expect(error.message).toContain(allowed);
  });

  it("accepts every trigger and keeps Lambda's asynchronous defaults unless told otherwise", () => {
    const template = templateOf('defaults');
    template.hasResourceProperties('AWS::Lambda::Function', { Environment: Match.absent() });
    template.resourceCountIs('AWS::Lambda::EventInvokeConfig', 0);
  });

  it('tells the handler, in its environment, to evaluate periodic triggers only', () => {
    templateOf('periodic').hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { [ACCEPTED_TRIGGERS_VARIABLE]: 'periodic' } },
    });
  });

  it('sets the retries and the event age of asynchronous invocations', () => {
    templateOf('asyncInvoke').hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 3600,
    });
  });

  describe('allowConfigInvokeFromOrganization', () => {
    it('puts a resource policy for config.amazonaws.com bound to the organization', () => {
      const { template, built } = synthesized().organizationPolicy;
      const functionId = onlyResource(template, 'AWS::Lambda::Function').id;
      const policy = onlyResource(template, 'AWS::Lambda::ResourcePolicy').resource.Properties;
      expect(policy.ResourceArn).toEqual({ 'Fn::GetAtt': [functionId, 'Arn'] });
      expect((policy.PolicyDocument as { Statement: unknown }).Statement).toEqual([
        expect.objectContaining({
          Principal: { Service: 'config.amazonaws.com' },
          Action: 'lambda:InvokeFunction',
          Condition: { StringEquals: { 'aws:SourceOrgID': 'o-abcdefghij' } },
        }),
      ]);
      expect(built.again).toBe(built.first);
      template.resourceCountIs('AWS::Lambda::ResourcePolicy', 1);
    });

    it('refuses to mix with permissions, which the resource policy would replace', () => {
      const withPermission = build();
      withPermission.allowConfigInvoke();
      expect(
        errorOf(() => withPermission.allowConfigInvokeFromOrganization('o-abcdefghij')),
      ).toBeInstanceOf(InvalidSettingError);
      const withPolicy = build();
      withPolicy.allowConfigInvokeFromOrganization('o-abcdefghij');
      expect(errorOf(() => withPolicy.allowConfigInvoke()).message).toContain(
        'after a resource policy',
      );
    });
  });

  describe('allowConfigInvoke', () => {
    it('lets AWS Config of the stack account invoke the function', () => {
      const template = templateOf('permission');
      const functionId = onlyResource(template, 'AWS::Lambda::Function').id;
      expect(onlyResource(template, 'AWS::Lambda::Permission').resource.Properties).toEqual({
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
        Principal: 'config.amazonaws.com',
        SourceAccount: TEST_ENV.account,
      });
    });

    it('returns the existing permission when called again with the same id', () => {
      const { built, template } = synthesized().permission;
      expect(built.again).toBe(built.first);
      template.resourceCountIs('AWS::Lambda::Permission', 1);
    });

    it('can name another account, or any account', () => {
      const template = templateOf('otherAccounts');
      template.hasResourceProperties('AWS::Lambda::Permission', {
        SourceAccount: '222222222222',
      });
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Principal: 'config.amazonaws.com',
        SourceAccount: Match.absent(),
      });
    });

    it('rejects an account together with any account', () => {
      const construct = build();
      const error = errorOf(() =>
        construct.allowConfigInvoke({ sourceAccount: '222222222222', anySourceAccount: true }),
      );
      expect(error).toBeInstanceOf(InvalidSettingError);
      expect(error.message).toContain('"222222222222"');
    });
  });
});
